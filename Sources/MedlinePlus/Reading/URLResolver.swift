/// Resolves a link address against the address of the page it is on (RFC 3986 §5.2, the
/// parts pages use: absolute, scheme-relative, root-relative, query- and fragment-only, and
/// relative with `.` and `..`). Written without Foundation, so the library stays light; the
/// one implementation every module uses.
public enum URLResolver {
  public static func resolve(_ reference: String, against base: String?) -> String {
    if scheme(of: reference) != nil { return reference }
    guard let base, let baseScheme = scheme(of: base) else { return reference }
    if reference.hasPrefix("//") { return baseScheme + ":" + reference }
    let afterScheme = base.dropFirst(baseScheme.count + 1)
    let hasAuthority = afterScheme.hasPrefix("//")
    let rest = hasAuthority ? afterScheme.dropFirst(2) : afterScheme
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
    let origin = String(base[..<authorityEnd])
    var path = String(rest[authorityEnd...])
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
    if path.isEmpty { path = "/" }
    if reference.isEmpty { return origin + path }
    if reference.hasPrefix("#") || reference.hasPrefix("?") { return origin + path + reference }
    if reference.hasPrefix("/") { return origin + normalized(reference) }
    let directory = path[...(path.lastIndex(of: "/") ?? path.startIndex)]
    return origin + normalized(directory + reference)
  }

  /// The fragment of a link into the page itself (`#anchor`, or the page's own address with
  /// `#anchor`), or nil for a link elsewhere or an empty fragment.
  public static func fragment(of reference: String, onPage page: String?) -> String? {
    guard let hash = reference.firstIndex(of: "#") else { return nil }
    let fragment = String(reference[reference.index(after: hash)...])
    guard !fragment.isEmpty else { return nil }
    let address = reference[..<hash]
    guard address.isEmpty else {
      let own = page.map { String($0.prefix { $0 != "#" }) }
      return resolve(String(address), against: page) == own ? fragment : nil
    }
    return fragment
  }

  /// The scheme, lower-cased, when `text` starts with one (`https:`).
  public static func scheme(of text: String) -> String? {
    // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), checked on bytes (a page of a
    // million links asks this a million times).
    let bytes = text.utf8
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let candidate = bytes[..<colon]
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    guard let first = candidate.first, isLetter(first),
      candidate.allSatisfy({
        isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
      })
    else { return nil }
    return String(decoding: candidate, as: UTF8.self).lowercased()
  }

  /// Removes `.` and `..` segments from a path (its query and fragment untouched).
  private static func normalized(_ reference: String) -> String {
    let queryStart = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
    let path = reference[..<queryStart]
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    for (index, segment) in segments.enumerated() {
      let isLast = index == segments.count - 1
      switch segment {
      case ".":
        if isLast { output.append("") }
      case "..":
        if output.count > 1 { output.removeLast() }
        if isLast { output.append("") }
      default:
        output.append(segment)
      }
    }
    var joined = output.joined(separator: "/")
    if !joined.hasPrefix("/") { joined = "/" + joined }
    return joined + reference[queryStart...]
  }
}
