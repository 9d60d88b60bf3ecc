import MedlinePlus

/// Builds a `TopicIndex` from a whole health-topics file in one pass.
///
/// `TopicIndexScanner` finds the byte range of every topic. The names are then read by the
/// real health-topics reader, from a small document made of the root start tag and, per
/// topic, only its start tag and `<also-called>` children (about 2% of the file): entities,
/// white space, mojibake repair, the "Untitled page" fallback and the language tag come out
/// exactly as a full read gives them, without building a page's sites and summary.
enum TopicIndexBuilder {
  static func build(_ bytes: [UInt8], path: String) throws(LibraryError) -> TopicIndex {
    let outcome = bytes.withUnsafeBufferPointer { buffer -> Result<TopicIndex, LibraryError> in
      do throws(LibraryError) {
        return .success(try build(buffer, path: path))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  private static func build(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(LibraryError)
    -> TopicIndex
  {
    let scanned: TopicIndexScanner.Result
    do {
      scanned = try TopicIndexScanner.scan(bytes)
    } catch {
      throw libraryError(error, path: path, bytes: bytes)
    }
    let prolog = Array(bytes[scanned.prolog])
    let names = namesDocument(scanned, bytes: bytes)
    let collection: TopicCollection
    do {
      guard case .collection(let read) = try PageReader.read(names) else {
        throw LibraryError.notHealthTopics(path: path)
      }
      collection = read
    } catch let error as ReadError {
      throw locate(error, scanned: scanned, prolog: prolog, bytes: bytes, path: path)
    } catch let error as LibraryError {
      throw error
    } catch {
      throw .notHealthTopics(path: path)
    }
    guard collection.topics.count == scanned.topics.count, collection.truncation == nil else {
      throw .invalidFile(
        path: path,
        .malformedXML(
          line: 1,
          message: "the index found \(scanned.topics.count) topics where the reader found "
            + "\(collection.topics.count)"))
    }
    var entries: [TopicIndexEntry] = []
    entries.reserveCapacity(scanned.topics.count)
    for (topic, page) in zip(scanned.topics, collection.topics) {
      entries.append(
        TopicIndexEntry(
          id: page.topic?.id ?? "", title: page.title, alsoCalled: page.alsoCalled,
          language: page.language, url: page.origin, offset: topic.range.lowerBound,
          length: topic.range.count))
    }
    let truncation = scanned.brokeOffAt.map { offset in
      ReadError.truncatedXML(
        line: line(at: offset, in: bytes), topicsRead: scanned.topics.count)
    }
    return TopicIndex(
      entries: entries, declaredTotal: collection.declaredTotal,
      dateGenerated: collection.dateGenerated, truncation: truncation, prolog: prolog)
  }

  /// The prolog, the root start tag, and each topic reduced to its start tag and
  /// `<also-called>` elements.
  private static func namesDocument(
    _ scanned: TopicIndexScanner.Result, bytes: UnsafeBufferPointer<UInt8>
  ) -> [UInt8] {
    var document: [UInt8] = []
    let estimate = scanned.topics.reduce(scanned.rootStartTag.upperBound) { sum, topic in
      sum + topic.startTag.count + topic.alsoCalled.reduce(16) { $0 + $1.count }
    }
    document.reserveCapacity(estimate + 32)
    document += bytes[scanned.prolog]
    document += bytes[scanned.rootStartTag]
    guard !scanned.rootIsEmptyElement else { return document }
    let topicEnd = Array("</health-topic>\n".utf8)
    for topic in scanned.topics {
      document += bytes[topic.startTag]
      if topic.isEmptyElement {
        document.append(0x0A)
        continue
      }
      for alsoCalled in topic.alsoCalled { document += bytes[alsoCalled] }
      document += topicEnd
    }
    document += Array("</health-topics>\n".utf8)
    return document
  }

  /// The reader rejected the names document: find the topic (or the root tag) at fault by
  /// reading the pieces on their own, so the error names the file's own line.
  private static func locate(
    _ error: ReadError, scanned: TopicIndexScanner.Result, prolog: [UInt8],
    bytes: UnsafeBufferPointer<UInt8>, path: String
  ) -> LibraryError {
    switch error {
    case .malformedXML, .tooDeep, .truncatedXML:
      break
    default:
      return .invalidFile(path: path, error)
    }
    var root = prolog + Array(bytes[scanned.rootStartTag])
    if !scanned.rootIsEmptyElement { root += Array("</health-topics>".utf8) }
    do {
      _ = try PageReader.read(root)
    } catch {
      let rootLine = line(at: scanned.rootStartTag.lowerBound, in: bytes)
      return .invalidFile(
        path: path, SingleTopicReader.relocated(error, prolog: prolog, topicLine: rootLine))
    }
    for topic in scanned.topics {
      do {
        _ = try SingleTopicReader.read(prolog: prolog, topic: bytes[topic.range])
      } catch {
        let topicLine = line(at: topic.range.lowerBound, in: bytes)
        return .invalidFile(
          path: path, SingleTopicReader.relocated(error, prolog: prolog, topicLine: topicLine))
      }
    }
    return .invalidFile(path: path, error)
  }

  private static func libraryError(
    _ failure: TopicIndexScanner.Failure, path: String, bytes: UnsafeBufferPointer<UInt8>
  ) -> LibraryError {
    switch failure {
    case .empty: .invalidFile(path: path, .empty)
    case .binary(let offset): .invalidFile(path: path, .binary(offset: offset))
    case .utf16: .unsupportedEncoding(path: path, encoding: "UTF-16")
    case .notXML: .notHealthTopics(path: path)
    case .legacy: .invalidFile(path: path, .legacyVocabularyXML)
    case .unknownRoot(let name) where name.lowercased() == "html": .notHealthTopics(path: path)
    case .unknownRoot(let name): .invalidFile(path: path, .unknownXML(root: name))
    case .brokeOffBeforeRoot:
      .invalidFile(path: path, .truncatedXML(line: line(at: bytes.count, in: bytes), topicsRead: 0))
    case .malformed(let offset, let message):
      .invalidFile(path: path, .malformedXML(line: line(at: offset, in: bytes), message: message))
    }
  }

  /// The 1-based line of byte `offset`.
  private static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
    return line
  }
}
