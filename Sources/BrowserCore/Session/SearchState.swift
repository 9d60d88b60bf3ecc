/// A search over the laid-out content: the query, its matches in display cells, and which
/// match is current. Case-insensitive unless the query has a capital letter (less's habit).
public struct SearchState: Hashable, Sendable {
  public struct Match: Hashable, Sendable {
    public var line: Int
    /// First cell of the match within the line.
    public var start: Int
    public var width: Int
  }

  public var query: String
  public var backward: Bool
  public private(set) var matches: [Match] = []
  public var current: Int?

  public init(query: String, backward: Bool) {
    self.query = query
    self.backward = backward
  }

  /// True when the query has an upper-case letter, which makes the search case-sensitive.
  public var isCaseSensitive: Bool { query.contains { $0.isUppercase } }

  /// Finds every match in the lines.
  public mutating func find(in lines: [StyledLine]) {
    matches = []
    current = nil
    let needle = Array(isCaseSensitive ? query : query.lowercased())
    guard !needle.isEmpty else { return }
    for (lineIndex, line) in lines.enumerated() {
      let text = line.plainText
      let characters = Array(isCaseSensitive ? text : text.lowercased())
      guard characters.count >= needle.count else { continue }
      // Lower-casing can change a line's length (rare); cells are counted on the original.
      let original = Array(text)
      let sameLength = original.count == characters.count
      var index = 0
      while index + needle.count <= characters.count {
        if characters[index] == needle[0]
          && characters[index..<(index + needle.count)].elementsEqual(needle)
        {
          let prefix = sameLength ? original[..<index] : characters[..<index]
          let start = prefix.reduce(0) { $0 + DisplayWidth.of($1) }
          let matched =
            sameLength
            ? original[index..<(index + needle.count)] : characters[index..<(index + needle.count)]
          let width = matched.reduce(0) { $0 + DisplayWidth.of($1) }
          matches.append(Match(line: lineIndex, start: start, width: width))
          index += needle.count
        } else {
          index += 1
        }
      }
    }
  }

  /// The first match at or after `line` (forward) or at or before it (backward), wrapping
  /// around the page. Returns the match index and whether it wrapped.
  public func nextMatch(from line: Int, backward: Bool) -> (index: Int, wrapped: Bool)? {
    guard !matches.isEmpty else { return nil }
    if backward {
      if let index = matches.lastIndex(where: { $0.line <= line }) { return (index, false) }
      return (matches.count - 1, true)
    }
    if let index = matches.firstIndex(where: { $0.line >= line }) { return (index, false) }
    return (0, true)
  }
}
