/// Percent-encoding of UTF-8 bytes (`%C3%A9`), for the places that turn text into a working
/// address: each says which bytes may stay as they are.
public enum PercentEncoding {
  /// Every byte `keeps` refuses becomes `%XX` (upper-case hex digits).
  public static func encode(_ text: String, keeping keeps: (UInt8) -> Bool) -> String {
    encode(bytes: Array(text.utf8), keeping: keeps)
  }

  /// The same for raw bytes, which need not be valid UTF-8 (a bad byte is encoded as it is).
  public static func encode(bytes: [UInt8], keeping keeps: (UInt8) -> Bool) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    for byte in bytes {
      if keeps(byte) {
        output.append(byte)
      } else {
        output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
