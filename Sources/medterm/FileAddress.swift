import MedlinePlus

#if canImport(Glibc)
  import Glibc
#endif

/// `file:` addresses: the one a page read from disk gets, so that its relative links
/// (`guide.html`, `../index.html`) resolve next to it as in any browser, and the path a
/// `file:` link names.
enum FileAddress {
  /// The path of a `file:` address, or nil.
  static func path(of url: String) -> String? {
    guard url.lowercased().hasPrefix("file:") else { return nil }
    var path = String(url.dropFirst(5))
    if path.hasPrefix("//") { path = String(path.dropFirst(2)).drop { $0 != "/" }.description }
    return percentDecoded(path)
  }

  static func url(forPath path: String) -> String {
    let absolute = absolute(path)
    // Unreserved characters and `/` stay; spaces, `#`, `?` and every non-ASCII byte are
    // encoded, so the address reads back to the same path.
    return "file://" + PercentEncoding.encode(absolute, keeping: isKeptInPath)
  }

  /// A relative path starts in the current directory.
  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let directory = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (directory == "/" ? "" : directory) + "/" + path
  }

  private static func isKeptInPath(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
      true
    default:
      false
    }
  }

  /// `%20` → space; malformed escapes stay as written.
  private static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        iterator = iterator.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
