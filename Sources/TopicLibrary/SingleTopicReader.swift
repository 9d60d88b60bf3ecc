import MedlinePlus

/// Reads one `<health-topic>` element taken out of its file, with the full health-topics
/// reader, so that the page is the one a read of the whole file gives for that topic.
enum SingleTopicReader {
  private static let open = Array("<health-topics>".utf8)
  private static let close = Array("</health-topics>".utf8)

  /// The topic wrapped in the file's prolog and a bare root element.
  static func document(prolog: [UInt8], topic: some Collection<UInt8>) -> [UInt8] {
    var document: [UInt8] = []
    document.reserveCapacity(prolog.count + open.count + topic.count + close.count)
    document += prolog
    document += open
    document += topic
    document += close
    return document
  }

  /// The page of the single topic in `topic`. Errors carry lines of the wrapped document;
  /// `fileLine` maps them back.
  static func read(prolog: [UInt8], topic: some Collection<UInt8>) throws(ReadError) -> Page {
    let document = try PageReader.read(document(prolog: prolog, topic: topic))
    guard case .collection(let collection) = document else {
      throw .unknownXML(root: "unknown")
    }
    if let truncation = collection.truncation { throw truncation }
    guard collection.topics.count == 1, let page = collection.topics.first else {
      throw .malformedXML(
        line: 1, message: "expected one topic here, found \(collection.topics.count)")
    }
    return page
  }

  /// `error` with its line moved from the wrapped document to the file, where the topic
  /// starts on `topicLine`.
  static func relocated(_ error: ReadError, prolog: [UInt8], topicLine: Int) -> ReadError {
    let prologLines = prolog.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    func moved(_ line: Int) -> Int {
      line > prologLines ? topicLine + line - (prologLines + 1) : line
    }
    switch error {
    case .malformedXML(let line, let message):
      return .malformedXML(line: moved(line), message: message)
    case .truncatedXML(let line, let topics):
      return .truncatedXML(line: moved(line), topicsRead: topics)
    case .tooDeep(let line, let limit): return .tooDeep(line: moved(line), limit: limit)
    default: return error
    }
  }
}
