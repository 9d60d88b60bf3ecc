/// Windows-1252, the code page browsers and Python use when a page says "Latin-1".
///
/// Bytes 0x80–0x9F map to typographic characters instead of C1 controls; the five bytes
/// cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same
/// number, as Latin-1 would, so that every byte has a character and back.
enum Windows1252 {
  private static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  private static let reverse: [UInt32: UInt8] = {
    var table: [UInt32: UInt8] = [:]
    for (offset, scalar) in high.enumerated() { table[scalar] = UInt8(0x80 + offset) }
    return table
  }()

  /// The character a byte stands for.
  static func scalar(for byte: UInt8) -> Unicode.Scalar {
    let value = byte >= 0x80 && byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The byte that encodes a character, or nil when cp1252 (and Latin-1) has none.
  static func byte(for scalar: Unicode.Scalar) -> UInt8? {
    let value = scalar.value
    if value < 0x80 || (value >= 0xA0 && value <= 0xFF) { return UInt8(value) }
    if let byte = reverse[value] { return byte }
    if value >= 0x80 && value < 0xA0 { return UInt8(value) }
    return nil
  }

  /// Decodes bytes as Windows-1252; never fails.
  static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var scalars = String.UnicodeScalarView()
    for byte in bytes { scalars.append(scalar(for: byte)) }
    return String(scalars)
  }
}
