/// Repairs UTF-8 text that was decoded once as Windows-1252 or Latin-1 ("EspaÃ±ol").
///
/// Each maximal run of non-ASCII characters is re-encoded as cp1252 bytes and decoded as
/// UTF-8; the repair is kept only when those bytes are valid UTF-8 and say something else.
/// Working run by run (not line by line) repairs a line that mixes good and broken text,
/// and text that is already right ("Español") never round-trips, so it is never touched.
enum Mojibake {
  static func repair(_ text: String) -> String {
    // Mojibake always contains a UTF-8 lead byte read as a cp1252 character, U+00C2–U+00F4,
    // which UTF-8 writes as C3 82…C3 B4; text without a C3 byte cannot need repair.
    guard text.utf8.contains(0xC3) else { return text }
    // Works on UTF-8 bytes: a run of bytes ≥ 0x80 in valid UTF-8 is a whole run of
    // non-ASCII characters, and building bytes is linear where appending to a
    // UnicodeScalarView is not.
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    var run: [UInt8] = []
    for byte in text.utf8 {
      if byte < 0x80 {
        if !run.isEmpty {
          output += repairRun(run) ?? run
          run.removeAll(keepingCapacity: true)
        }
        output.append(byte)
      } else {
        run.append(byte)
      }
    }
    if !run.isEmpty { output += repairRun(run) ?? run }
    return String(decoding: output, as: UTF8.self)
  }

  /// The UTF-8 of a run read back as cp1252 bytes, when those bytes are themselves valid
  /// UTF-8 for fewer characters; nil when the run is not mojibake.
  private static func repairRun(_ run: [UInt8]) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(run.count)
    var decoder = UTF8()
    var iterator = run.makeIterator()
    var scalars = 0
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        guard let byte = Windows1252.byte(for: scalar) else { return nil }
        bytes.append(byte)
        scalars += 1
      case .emptyInput: break decoding
      case .error: return nil
      }
    }
    guard scalars >= 2, let decoded = UTF8Validation.decodeStrictly(bytes),
      decoded.unicodeScalars.count < scalars
    else { return nil }
    return bytes
  }
}

/// Strict UTF-8 decoding: nil instead of replacement characters.
enum UTF8Validation {
  static func decodeStrictly<Bytes: Collection>(_ bytes: Bytes) -> String?
  where Bytes.Element == UInt8 {
    var scalars = String.UnicodeScalarView()
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): scalars.append(scalar)
      case .emptyInput: return String(scalars)
      case .error: return nil
      }
    }
  }

  /// Counts well-formed multi-byte sequences and malformed bytes, to tell UTF-8 with a few
  /// broken bytes from a Latin-1 file.
  static func census<Bytes: Collection>(_ bytes: Bytes) -> (multiByte: Int, errors: Int)
  where Bytes.Element == UInt8 {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var multiByte = 0
    var errors = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): if !scalar.isASCII { multiByte += 1 }
      case .emptyInput: return (multiByte, errors)
      case .error: errors += 1
      }
    }
  }
}
