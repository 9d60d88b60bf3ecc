/// Repairs UTF-8 text that was decoded once as Windows-1252 or Latin-1 ("EspaÃ±ol").
///
/// Each maximal run of non-ASCII characters is re-encoded as cp1252 bytes and decoded as
/// UTF-8; the repair is kept only when those bytes are valid UTF-8 and say something else.
/// Working run by run (not line by line) repairs a line that mixes good and broken text,
/// and text that is already right ("Español") never round-trips, so it is never touched.
enum Mojibake {
  static func repair(_ text: String) -> String {
    // Mojibake always contains a UTF-8 lead byte read as a cp1252 character (U+00C2–U+00F4).
    guard text.unicodeScalars.contains(where: { $0.value >= 0xC2 && $0.value <= 0xF4 }) else {
      return text
    }
    var output = String.UnicodeScalarView()
    var run: [Unicode.Scalar] = []
    func flush() {
      guard !run.isEmpty else { return }
      if let repaired = repairRun(run) {
        output.append(contentsOf: repaired.unicodeScalars)
      } else {
        output.append(contentsOf: run)
      }
      run.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        flush()
        output.append(scalar)
      } else {
        run.append(scalar)
      }
    }
    flush()
    return String(output)
  }

  private static func repairRun(_ run: [Unicode.Scalar]) -> String? {
    guard run.count >= 2 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(run.count)
    for scalar in run {
      guard let byte = Windows1252.byte(for: scalar) else { return nil }
      bytes.append(byte)
    }
    guard let decoded = UTF8Validation.decodeStrictly(bytes) else { return nil }
    return decoded.unicodeScalars.count < run.count ? decoded : nil
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
