import MedlinePlus

/// Why a library could not be opened, read or updated. `message` is a plain sentence that
/// names the file or address concerned; `description` is the same text.
public enum LibraryError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file cannot be opened or read (missing, a directory, no permission); `reason` is
  /// the system's explanation.
  case cannotRead(path: String, reason: String)
  /// The file is XML or text of some other kind, not a health-topics file.
  case notHealthTopics(path: String)
  /// The reader's verdict on the file: the pre-2012 `MedicalTopics` format
  /// (`ReadError.legacyVocabularyXML`), another XML root, an empty or binary file, XML that
  /// is not well-formed, or a file that breaks off before its first topic.
  case invalidFile(path: String, ReadError)
  /// The file is in an encoding the byte-level index cannot scan (UTF-16).
  case unsupportedEncoding(path: String, encoding: String)
  /// `page(_:)` was asked for an entry the library does not have.
  case noSuchTopic(index: Int, count: Int)
  /// The topic's own XML could not be read as a page.
  case topicUnreadable(path: String, title: String, ReadError)
  /// The bytes where the index says a topic starts hold something else: the file was
  /// rewritten in place after it was opened.
  case fileChanged(path: String)

  // MARK: --update

  /// The page that lists the health-topics files could not be fetched.
  case indexPageUnavailable(url: String, reason: String)
  /// The index page links to no `mplus_topics_YYYY-MM-DD.xml` file.
  case noTopicsLink(indexURL: String)
  /// The health-topics file could not be downloaded.
  case downloadFailed(url: String, reason: String)
  /// The downloaded file is not a complete health-topics file; the previous library is kept.
  case verificationFailed(url: String, reason: String)
  /// A file in the data directory could not be written, renamed or made.
  case cannotWrite(path: String, reason: String)
  /// Another `medterm --update` holds the lock in the data directory.
  case updateInProgress(lockPath: String)
  /// The update was cancelled; the previous library is kept.
  case cancelled

  /// A plain sentence for stderr or a status line.
  public var message: String {
    switch self {
    case .cannotRead(let path, let reason):
      "\(path): cannot read the file: \(reason)."
    case .notHealthTopics(let path):
      "\(path): this is not a MedlinePlus health-topics XML file (mplus_topics_*.xml)."
    case .invalidFile(let path, let error):
      error.formatted(source: path)
    case .unsupportedEncoding(let path, let encoding):
      "\(path): the file is encoded as \(encoding); the topic index reads UTF-8 files "
        + "(as medlineplus.gov publishes them)."
    case .noSuchTopic(let index, let count):
      "There is no topic number \(index + 1); the library has \(count)."
    case .topicUnreadable(let path, let title, let error):
      "The topic “\(title)” cannot be read: \(error.formatted(source: path))"
    case .fileChanged(let path):
      "\(path) changed after it was opened; open it again."
    case .indexPageUnavailable(let url, let reason):
      "Cannot fetch the list of health-topics files at \(url): \(Self.sentence(reason))"
    case .noTopicsLink(let indexURL):
      "\(indexURL) links to no health-topics file (mplus_topics_YYYY-MM-DD.xml)."
    case .downloadFailed(let url, let reason):
      "Downloading \(url) failed: \(Self.sentence(reason)) The previous library is unchanged."
    case .verificationFailed(let url, let reason):
      "The file downloaded from \(url) is not a complete health-topics file: "
        + "\(Self.sentence(reason)) "
        + "The previous library is unchanged."
    case .cannotWrite(let path, let reason):
      "Cannot write \(path): \(reason)."
    case .updateInProgress(let lockPath):
      "Another medterm --update is running (it holds \(lockPath))."
    case .cancelled:
      "The update was cancelled; the previous library is unchanged."
    }
  }

  public var description: String { message }

  /// `text` ending with a full stop, for a reason quoted inside a longer sentence (reader
  /// messages have none of their own).
  static func sentence(_ text: String) -> String {
    guard let last = text.last, last != ".", last != "!", last != "?" else { return text }
    return text + "."
  }
}
