/// The browser's memory: the pages visited, the bookmarks, where the reader was on each
/// page. The session decides when to remember and what to restore; an implementation
/// decides where it is kept (`TransientMemory` for one run, files for every run).
public protocol SessionMemory: AnyObject {
  /// Pages visited, newest first, one entry per address (its latest visit).
  var visits: [Visit] { get }
  func recordVisit(_ visit: Visit)
  func forgetVisit(address: String)

  /// Bookmarks in the order they were added.
  var bookmarks: [Bookmark] { get }
  /// False when the address is bookmarked already (nothing changes).
  func addBookmark(_ bookmark: Bookmark) -> Bool
  func renameBookmark(address: String, to title: String)
  func deleteBookmark(address: String)

  /// Where the reader left a page, or nil (never read, or left at the top).
  func position(for address: String) -> ReadingPosition?
  /// Keeps where the reader left a page; nil forgets it (left at the top).
  func savePosition(_ position: ReadingPosition?, for address: String)

  /// Warnings about the memory itself (a state file set aside), once each.
  func takeWarnings() -> [String]
}

/// A page visited.
public struct Visit: Hashable, Sendable {
  public var address: String
  public var title: String
  /// Seconds since 1970, UTC.
  public var time: Int

  public init(address: String, title: String, time: Int) {
    self.address = address
    self.title = title
    self.time = time
  }
}

/// A page or link kept by name.
public struct Bookmark: Hashable, Sendable {
  public var address: String
  public var title: String

  public init(address: String, title: String) {
    self.address = address
    self.title = title
  }
}
