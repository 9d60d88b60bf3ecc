/// The bytes libFuzzer hands a target, with the few ways the targets carve them up.
struct FuzzInput {
  let bytes: [UInt8]

  init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    guard let data, size > 0 else {
      bytes = []
      return
    }
    bytes = Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// The first byte as a small number, and the rest: targets that take a setting (a width,
  /// a format) read it from the input so that the fuzzer can vary it too.
  func split() -> (selector: Int, rest: [UInt8]) {
    guard let first = bytes.first else { return (0, []) }
    return (Int(first), Array(bytes.dropFirst()))
  }

  /// The input as text, invalid UTF-8 repaired as every reader would see it.
  var text: String { String(decoding: bytes, as: UTF8.self) }
}
