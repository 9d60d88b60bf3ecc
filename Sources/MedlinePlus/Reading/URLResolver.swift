/// Resolves a link address against the page's address (RFC 3986 §5.2, the parts pages use).
/// Written without Foundation so the library stays light; absolute addresses, fragments and
/// unknown schemes pass through unchanged.
enum URLResolver {
  static func resolve(_ reference: String, against base: String?) -> String {
    if scheme(of: reference) != nil { return reference }
    guard let base, let baseScheme = scheme(of: base), baseScheme == "http" || baseScheme == "https"
    else {
      return reference
    }
    if reference.hasPrefix("//") { return baseScheme + ":" + reference }
    let afterScheme = base.dropFirst(baseScheme.count + 3)
    let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" })
    let origin = String(base[..<(authorityEnd ?? base.endIndex)])
    var path = authorityEnd.map { String(base[$0...]) } ?? "/"
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
      path = String(path[..<cut])
    }
    if path.isEmpty { path = "/" }
    if reference.hasPrefix("#") {
      let withoutFragment = base.split(separator: "#", maxSplits: 1).first.map(String.init) ?? base
      return withoutFragment + reference
    }
    if reference.hasPrefix("?") { return origin + path + reference }
    if reference.hasPrefix("/") { return origin + normalize(reference) }
    let directory =
      path.hasSuffix("/") ? path : String(path[...(path.lastIndex(of: "/") ?? path.startIndex)])
    return origin + normalize(directory + reference)
  }

  /// The lower-cased scheme when the text starts with one ("https", "mailto").
  static func scheme(of text: String) -> String? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let candidate = text[..<colon]
    guard let first = candidate.first, first.isASCII, first.isLetter,
      candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    return candidate.lowercased()
  }

  /// Removes `.` and `..` segments from the path part, keeping query and fragment.
  private static func normalize(_ pathAndQuery: String) -> String {
    let cut = pathAndQuery.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? pathAndQuery.endIndex
    let path = pathAndQuery[..<cut]
    var segments: [Substring] = []
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    for (offset, part) in parts.enumerated() {
      if part == "." {
        if offset == parts.count - 1 { segments.append("") }
      } else if part == ".." {
        if segments.count > 1 { segments.removeLast() }
        if offset == parts.count - 1 { segments.append("") }
      } else {
        segments.append(part)
      }
    }
    var joined = segments.joined(separator: "/")
    if !joined.hasPrefix("/") { joined = "/" + joined }
    return joined + pathAndQuery[cut...]
  }
}
