/// Turns the bytes of a source into text: byte-order marks honoured, UTF-8 preferred, and a
/// file that is not UTF-8 at all read as Windows-1252. Never fails and never crashes on
/// broken input: malformed UTF-8 inside UTF-8 text becomes U+FFFD.
enum SourceText {
  static func decode(_ bytes: [UInt8]) -> String {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return decodeUTF16(bytes.dropFirst(2), bigEndian: false)
    }
    if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: true) }
    let census = UTF8Validation.census(bytes)
    if census.errors > 0 && census.multiByte == 0 {
      return Windows1252.decode(bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// True when the bytes start with a UTF-16 byte-order mark.
  static func isUTF16(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
  }
}
