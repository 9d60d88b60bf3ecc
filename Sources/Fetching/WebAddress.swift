import MedlinePlus

/// Checks an address before any process is spawned: only http and https, with a host. A
/// `javascript:` or `data:` link on a page must never reach the network stack, and a
/// `file:` address is read by the caller, not downloaded.
enum WebAddress {
  /// The address ready for the helper: surrounding white space trimmed, inner spaces and
  /// non-ASCII bytes percent-encoded (pages do link to `a b.html`). Throws for anything that
  /// is not an http(s) address with a host.
  static func validated(_ text: String) throws(FetchError) -> String {
    var bytes = Array(text.utf8)
    while let first = bytes.first, Self.isSpace(first) { bytes.removeFirst() }
    while let last = bytes.last, Self.isSpace(last) { bytes.removeLast() }
    guard let scheme = URLResolver.scheme(of: String(decoding: bytes, as: UTF8.self)),
      let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
    else { throw .invalidURL(text) }
    guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
    guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { throw .invalidURL(text) }
    let rest = bytes[(colon + 1)...]
    guard rest.starts(with: Array("//".utf8)) else { throw .invalidURL(text) }
    let authority = rest.dropFirst(2).prefix { !"/?#".utf8.contains($0) }
    let host = authority.split(separator: UInt8(ascii: "@")).last?.prefix {
      $0 != UInt8(ascii: ":")
    }
    guard let host, !host.isEmpty, !authority.contains(0x20) else { throw .invalidURL(text) }
    // Pages do link to `a b.html`: spaces and non-ASCII bytes are encoded, the rest kept.
    return PercentEncoding.encode(bytes: bytes) { $0 != 0x20 && $0 < 0x80 }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
