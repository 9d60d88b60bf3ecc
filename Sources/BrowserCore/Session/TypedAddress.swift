import MedlinePlus

/// What a line typed at Go to asks for, read as lynx reads it: `www.example.org` and
/// `127.0.0.1:8765/x` are http addresses, a scheme may be in any case (`HTTP://`), a
/// bracketed IPv6 host works, a path (`/x`, `./x`, `~/x`, or a name that exists here) is a
/// file, and a word that is none of these may be a topic of the library.
public enum TypedAddress: Equatable, Sendable {
  /// An address to load.
  case address(String)
  /// Words that name no file and no host: a topic to look up.
  case words(String)
  /// Not something medterm opens; the message says why.
  case refused(String)

  /// - Parameter fileAddress: the `file:` address of an existing file, or nil.
  public static func parse(_ typed: String, fileAddress: (String) -> String?) -> TypedAddress? {
    let text = typed.trimmingSpaces
    guard !text.isEmpty else { return nil }
    guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
      return .refused("an address has no control characters")
    }
    if text.hasPrefix("/") || text.hasPrefix("./") || text.hasPrefix("../") || text == "~"
      || text.hasPrefix("~/")
    {
      return fileAddress(text).map(TypedAddress.address) ?? .refused("\(text): no such file")
    }
    if text.hasPrefix("[") { return web("http://" + text) }
    if let scheme = URLResolver.scheme(of: text) {
      let rest = text.dropFirst(scheme.count + 1)
      // `localhost:8080/x` is a host and a port, not a scheme.
      let port = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      if !port.isEmpty && port.allSatisfy({ $0.isASCII && $0.isNumber }) {
        return web("http://" + text)
      }
      switch scheme {
      case "http", "https":
        return web(scheme + ":" + rest)
      case "file":
        return .address("file:" + rest)
      default:
        return .refused("medterm does not open \(scheme): addresses")
      }
    }
    if let file = fileAddress(text) { return .address(file) }
    let host = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if !host.contains(" ") && (host.contains(".") || host.lowercased() == "localhost") {
      return web("http://" + text)
    }
    return .words(text)
  }

  /// An http(s) address with a host.
  private static func web(_ url: String) -> TypedAddress {
    let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? ""
    let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, !host.contains(" ") else {
      return .refused("\(url): an address needs a host")
    }
    if host.hasPrefix("[") && !host.contains("]") {
      return .refused("\(url): the IPv6 host has no closing ]")
    }
    return .address(url)
  }
}
