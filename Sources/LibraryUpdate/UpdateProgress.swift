/// What `LibraryUpdater.run` is doing, reported as it goes so the command line can show it.
public enum UpdateProgress: Hashable, Sendable {
  /// Fetching the page that lists the files.
  case fetchingIndex(url: String)
  /// The newest file was found there; downloading starts.
  case found(TopicsFileLink)
  /// Body bytes received so far, and the announced size when the server gave one (for
  /// `LibraryUpdater.progressBar`).
  case downloading(received: Int, expected: Int?)
  /// The download is complete and being checked: every topic is read once.
  case verifying(topics: Int)
  /// The checked file is being moved into place and its compact index written.
  case installing(path: String)
}
