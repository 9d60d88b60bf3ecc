/// Cleans the text values of the health-topics XML the way `PageAssembler.cleanText` does,
/// with a byte-level fast path.
///
/// A 30 MB file holds about a million short values (titles, organizations, categories),
/// nearly all English or Spanish, and the pretty-printed copies fill them with newlines and
/// indentation. `cleanText` works Character by Character; for such text its result is
/// simply the value with white-space runs folded and the ends trimmed, which a byte loop
/// gives at a fraction of the cost. Anything else takes the general path.
enum XMLText {
  /// The value with white space folded, repaired and made safe.
  static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if let folded = foldedASCII(bytes) { return folded }
    return PageAssembler.cleanText(String(decoding: bytes, as: UTF8.self))
  }

  static func clean(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { clean($0) }
  }

  /// A link address without controls or surrounding space; nil when nothing is left.
  static func url(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if !bytes.isEmpty && bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
      return String(decoding: bytes, as: UTF8.self)
    }
    let cleaned = SafeText.clean(String(decoding: bytes, as: UTF8.self), keepNewlines: false)
      .trimmingSpaces
    return cleaned.isEmpty ? nil : cleaned
  }

  /// The value with runs of space, tab and newline folded to one space and the ends trimmed,
  /// when that is all `cleanText` would do: the bytes are printable ASCII plus Latin-1
  /// letters and signs (U+00A1–U+00FF: "é", "ñ", "¿"), never two of those in a row (only
  /// such runs can be mojibake). Anything else (controls, other scripts, combining marks,
  /// Unicode spaces) gives nil and takes the general path.
  private static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var needsFolding = false
    var previousWasSpace = true
    var previousWasLatin1 = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A {
        if previousWasSpace || byte != 0x20 { needsFolding = true }
        previousWasSpace = true
        previousWasLatin1 = false
      } else if byte >= 0x21 && byte <= 0x7E {
        previousWasSpace = false
        previousWasLatin1 = false
      } else {
        guard !previousWasLatin1, index + 1 < bytes.count else { return nil }
        let next = bytes[index + 1]
        let latin1 =
          (byte == 0xC2 && next >= 0xA1 && next <= 0xBF)
          || (byte == 0xC3 && next >= 0x80 && next <= 0xBF)
        guard latin1 else { return nil }
        index += 1
        previousWasSpace = false
        previousWasLatin1 = true
      }
      index += 1
    }
    if previousWasSpace && !bytes.isEmpty { needsFolding = true }
    guard needsFolding else { return String(decoding: bytes, as: UTF8.self) }
    return String(unsafeUninitializedCapacity: bytes.count) { output in
      var count = 0
      var pendingSpace = false
      for byte in bytes {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A {
          pendingSpace = count > 0
        } else {
          if pendingSpace {
            output[count] = 0x20
            count += 1
            pendingSpace = false
          }
          output[count] = byte
          count += 1
        }
      }
      return count
    }
  }
}
