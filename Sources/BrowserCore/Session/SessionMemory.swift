/// What the session tells the state it keeps on disk (history, reading positions) as the
/// reader moves between pages, and asks of it. The executable implements it over files;
/// the browser knows nothing of them.
public protocol SessionMemory: AnyObject {
  /// A page or index came on screen, newly opened or gone back to.
  func opened(_ view: any View)
  /// A page or index is about to leave the screen (another is opened over it, or ← closed
  /// it): its reading position is worth keeping.
  func left(_ view: any View)
  /// The session is over; `stack` is what was open.
  func sessionEnded(stack: [any View])
  /// Addresses the reader has been to or bookmarked, newest first, with their titles: Go
  /// to completes from them.
  var knownAddresses: [(address: String, title: String)] { get }
}
