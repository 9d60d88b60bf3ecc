/// One topic found by `TopicLibrary.search`: which entry, and which of its names matched
/// where, so the index can highlight the matched part.
public struct SearchHit: Hashable, Sendable {
  /// How the query matched a name, best first.
  public enum MatchKind: Hashable, Sendable {
    /// The name starts with the query (also for the empty query, which matches everything).
    case prefix
    /// A word inside the name starts with the query.
    case word
    /// The query is somewhere inside a word of the name.
    case substring
  }

  /// The index into `TopicLibrary.entries`.
  public var entry: Int
  /// The name that matched: the title or one of the also-called names, as the file has it.
  public var matched: String
  /// Where the match starts in `matched`, in Characters.
  public var matchStart: Int
  /// How many Characters of `matched` the match covers (0 for the empty query).
  public var matchLength: Int
  public var kind: MatchKind

  /// True when `matched` is the entry's title rather than an also-called name.
  public var matchedTitle: Bool

  public init(
    entry: Int, matched: String, matchStart: Int, matchLength: Int, kind: MatchKind,
    matchedTitle: Bool
  ) {
    self.entry = entry
    self.matched = matched
    self.matchStart = matchStart
    self.matchLength = matchLength
    self.kind = kind
    self.matchedTitle = matchedTitle
  }
}

/// How a query matched a name (`SearchHit.MatchKind`).
public typealias MatchKind = SearchHit.MatchKind
