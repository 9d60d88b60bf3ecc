/// Memory for one run only: what `MEDTERM_NO_STATE` leaves, and what tests use. History,
/// bookmarks and reading positions work as usual and are gone when medterm ends.
public final class TransientMemory: SessionMemory {
  public private(set) var visits: [Visit] = []
  public private(set) var bookmarks: [Bookmark] = []
  private var positions: [String: ReadingPosition] = [:]

  public init() {}

  public func recordVisit(_ visit: Visit) {
    visits.removeAll { $0.address == visit.address }
    visits.insert(visit, at: 0)
  }

  public func forgetVisit(address: String) {
    visits.removeAll { $0.address == address }
  }

  public func addBookmark(_ bookmark: Bookmark) -> Bool {
    guard !bookmarks.contains(where: { $0.address == bookmark.address }) else { return false }
    bookmarks.append(bookmark)
    return true
  }

  public func renameBookmark(address: String, to title: String) {
    for index in bookmarks.indices where bookmarks[index].address == address {
      bookmarks[index].title = title
    }
  }

  public func deleteBookmark(address: String) {
    bookmarks.removeAll { $0.address == address }
  }

  public func position(for address: String) -> ReadingPosition? {
    positions[address]
  }

  public func savePosition(_ position: ReadingPosition?, for address: String) {
    positions[address] = position
  }

  public func takeWarnings() -> [String] { [] }
}
