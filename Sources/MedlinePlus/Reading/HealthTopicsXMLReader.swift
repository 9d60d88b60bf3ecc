import CLibXML2

/// Reads the MedlinePlus health-topics XML (`<health-topics>`, the format since June 2012)
/// into a `TopicCollection`, one `Page` per `<health-topic>`.
///
/// The whole file is about 30 MB with 2,000 topics, so it is streamed with libxml2's pull
/// parser: only the topic being read is held as a `HealthTopicRecord`, and each finished
/// topic becomes a page at once. A file that breaks off keeps the topics before the break.
struct HealthTopicsXMLReader {
  /// Reads a whole file. Always a `.collection`, even for one topic: the browser decides
  /// how to show it.
  static func read(_ bytes: [UInt8], origin: String?) throws(ReadError) -> Document {
    // libxml2 takes the size as a C int.
    let limit = Int(Int32.max)
    guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
    let result = bytes.withUnsafeBufferPointer { buffer -> Result<TopicCollection, ReadError> in
      guard let parser = XMLPullParser(bytes: buffer) else { return .failure(.empty) }
      var reader = HealthTopicsXMLReader(parser: parser, bytes: buffer, origin: origin)
      do throws(ReadError) {
        return .success(try reader.readCollection())
      } catch {
        return .failure(error)
      }
    }
    return .collection(try result.get())
  }

  /// Which field the text being collected belongs to, with the attributes read from its
  /// start tag.
  private enum TextField {
    case alsoCalled
    case group
    case twin(HealthTopicRecord.Reference)
    case meshDescriptor
    case otherLanguage(HealthTopicRecord.OtherLanguage)
    case primaryInstitute(HealthTopicRecord.Reference)
    case relatedTopic(HealthTopicRecord.Reference)
    case seeReference
    case siteCategory
    case siteOrganization
    case siteDescription
  }

  private let parser: XMLPullParser
  private let bytes: UnsafeBufferPointer<UInt8>
  private let origin: String?
  private var collection = TopicCollection()
  private var topic: HealthTopicRecord?
  private var site: HealthTopicRecord.Site?
  private var field: (field: TextField, depth: Int)?
  private var text: [UInt8] = []
  private var rootSeen = false
  private var rootClosed = false

  private init(parser: XMLPullParser, bytes: UnsafeBufferPointer<UInt8>, origin: String?) {
    self.parser = parser
    self.bytes = bytes
    self.origin = origin
  }

  /// What the walk does after a start tag.
  private enum Action {
    case descend
    case skipContent
    /// A nested read (the summary) reached the end of the input or an error.
    case stop(XMLPullParser.Step)
  }

  private mutating func readCollection() throws(ReadError) -> TopicCollection {
    var step = parser.read()
    while true {
      switch step {
      case .finished:
        guard rootSeen else { throw .truncatedXML(line: parser.line, topicsRead: 0) }
        return collection
      case .failed:
        return try collectionAfterFailure()
      case .moved:
        break
      }
      switch parser.node {
      case .element:
        switch try startElement() {
        case .descend: step = parser.read()
        case .skipContent: step = parser.skipSubtree()
        case .stop(let stopped): step = stopped
        }
        continue
      case .endElement:
        endElement(depth: parser.depth)
      case .text:
        if field != nil { parser.appendText(to: &text) }
      case .other:
        break
      }
      step = parser.read()
    }
  }

  private mutating func startElement() throws(ReadError) -> Action {
    let depth = parser.depth
    let name = parser.name
    guard rootSeen else {
      try startRoot(name)
      return .descend
    }
    let insideField: Action = field == nil ? .skipContent : .descend
    switch depth {
    case 1:
      guard name == "health-topic" else { return .skipContent }
      startTopic()
    case 2:
      guard topic != nil else { return .skipContent }
      return startTopicChild(name, depth: depth)
    case 3:
      if site != nil {
        switch name {
        case "information-category": startField(.siteCategory, depth: depth)
        case "organization": startField(.siteOrganization, depth: depth)
        case "standard-description": startField(.siteDescription, depth: depth)
        default: return insideField
        }
      } else if name == "descriptor", topic != nil, field == nil {
        startField(.meshDescriptor, depth: depth)
      } else {
        return insideField
      }
    default:
      // Markup inside a text field (`<organization><i>…</i></organization>`) keeps its text.
      return insideField
    }
    return .descend
  }

  private mutating func startRoot(_ name: String) throws(ReadError) {
    switch name {
    case "health-topics":
      rootSeen = true
      parser.forEachAttribute { name, value in
        switch name {
        case "total": collection.declaredTotal = Int(XMLText.clean(value))
        case "date-generated":
          let date = XMLText.clean(value)
          collection.dateGenerated = date.isEmpty ? nil : date
        default: break
        }
      }
      if parser.isEmptyElement { rootClosed = true }
    case "MedicalTopics", "MedicalTopic":
      throw .legacyVocabularyXML
    default:
      throw .unknownXML(root: name)
    }
  }

  private mutating func startTopic() {
    var record = HealthTopicRecord()
    parser.forEachAttribute { name, value in
      switch name {
      case "id": record.id = XMLText.clean(value)
      case "title": record.title = XMLText.clean(value)
      case "url": record.url = XMLText.url(value)
      case "language": record.language = XMLText.clean(value)
      case "date-created": record.dateCreated = XMLText.clean(value)
      case "meta-desc": record.metaDescription = XMLText.clean(value)
      default: break
      }
    }
    topic = record
    site = nil
    field = nil
    if parser.isEmptyElement { finishTopic() }
  }

  private mutating func startTopicChild(_ name: String, depth: Int) -> Action {
    switch name {
    case "also-called": startField(.alsoCalled, depth: depth)
    case "group": startField(.group, depth: depth)
    case "see-reference": startField(.seeReference, depth: depth)
    case "language-mapped-topic": startField(.twin(reference()), depth: depth)
    case "primary-institute": startField(.primaryInstitute(reference()), depth: depth)
    case "related-topic": startField(.relatedTopic(reference()), depth: depth)
    case "other-language":
      var language = HealthTopicRecord.OtherLanguage(name: "")
      parser.forEachAttribute { name, value in
        switch name {
        case "url": language.url = XMLText.url(value)
        case "vernacular-name": language.vernacularName = XMLText.clean(value)
        default: break
        }
      }
      startField(.otherLanguage(language), depth: depth)
    case "mesh-heading":
      return .descend
    case "full-summary":
      guard !parser.isEmptyElement else { return .descend }
      switch readSummary(depth: depth) {
      case .success(let html): topic?.summaryHTML = html
      case .failure(let stop): return .stop(stop.step)
      }
    case "site":
      var newSite = HealthTopicRecord.Site()
      parser.forEachAttribute { name, value in
        switch name {
        case "title": newSite.title = XMLText.clean(value)
        case "url": newSite.url = XMLText.url(value)
        case "language-mapped-url": newSite.spanishURL = XMLText.url(value)
        default: break
        }
      }
      if parser.isEmptyElement {
        topic?.sites.append(newSite)
      } else {
        site = newSite
      }
    default:
      return .skipContent
    }
    return .descend
  }

  private func reference() -> HealthTopicRecord.Reference {
    var reference = HealthTopicRecord.Reference(name: "")
    parser.forEachAttribute { name, value in
      switch name {
      case "url": reference.url = XMLText.url(value)
      case "id": reference.id = XMLText.clean(value)
      case "language": reference.language = XMLText.clean(value)
      default: break
      }
    }
    return reference
  }

  private mutating func startField(_ newField: TextField, depth: Int) {
    text.removeAll(keepingCapacity: true)
    field = (newField, depth)
    if parser.isEmptyElement { finishField() }
  }

  private mutating func endElement(depth: Int) {
    if let open = field, open.depth == depth {
      finishField()
      return
    }
    switch depth {
    case 0:
      rootClosed = true
    case 1:
      finishTopic()
    case 2:
      if let finished = site {
        topic?.sites.append(finished)
        site = nil
      }
    default:
      break
    }
  }

  private mutating func finishField() {
    guard let open = field else { return }
    field = nil
    let value = XMLText.clean(text)
    switch open.field {
    case .alsoCalled: topic?.alsoCalled.append(value)
    case .group: topic?.groups.append(value)
    case .seeReference: topic?.seeReferences.append(value)
    case .meshDescriptor: topic?.meshDescriptors.append(value)
    case .twin(var reference):
      reference.name = value
      topic?.twin = reference
    case .primaryInstitute(var reference):
      reference.name = value
      topic?.primaryInstitute = reference
    case .relatedTopic(var reference):
      reference.name = value
      topic?.relatedTopics.append(reference)
    case .otherLanguage(var language):
      language.name = value
      topic?.otherLanguages.append(language)
    case .siteCategory: site?.categories.append(value)
    case .siteOrganization: site?.organizations.append(value)
    case .siteDescription: site?.standardDescriptions.append(value)
    }
  }

  private mutating func finishTopic() {
    guard let record = topic else { return }
    topic = nil
    site = nil
    field = nil
    collection.topics.append(record.page(fallbackOrigin: origin))
  }

  /// Reads `<full-summary>` up to its end tag. Official files hold the HTML as escaped text,
  /// which libxml2 hands over already unescaped; some copies hold it as child elements,
  /// which are serialised back to HTML. Text around child elements is escaped again so that
  /// both shapes give the same HTML.
  private mutating func readSummary(depth: Int) -> Result<String, SummaryStop> {
    var pieces: [(markup: Bool, text: String)] = []
    var buffer: [UInt8] = []
    func flushText() {
      guard !buffer.isEmpty else { return }
      pieces.append((false, String(decoding: buffer, as: UTF8.self)))
      buffer.removeAll(keepingCapacity: true)
    }
    var step = parser.read()
    while step == .moved {
      switch parser.node {
      case .endElement where parser.depth == depth:
        flushText()
        let hasMarkup = pieces.contains { $0.markup }
        return .success(
          pieces.map { piece in
            hasMarkup && !piece.markup ? Self.escaped(piece.text) : piece.text
          }.joined())
      case .element:
        flushText()
        // Serialising parses the whole child first; when the input breaks off inside it,
        // libxml2 returns nothing and the walk stops with the parser's error.
        guard let markup = parser.outerXML() else { return .failure(SummaryStop(step: .failed)) }
        pieces.append((true, markup))
        step = parser.skipSubtree()
        continue
      case .text:
        parser.appendText(to: &buffer)
      default:
        break
      }
      step = parser.read()
    }
    return .failure(SummaryStop(step: step))
  }

  /// The step that ended a summary before its end tag.
  private struct SummaryStop: Error {
    var step: XMLPullParser.Step
  }

  private static func escaped(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") })
    else { return text }
    var output = ""
    for character in text {
      switch character {
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "&": output += "&amp;"
      default: output.append(character)
      }
    }
    return output
  }

  // MARK: - Errors

  /// Parsing stopped on an error. A file that broke off keeps its complete topics; any other
  /// error is reported with libxml2's line and message.
  private func collectionAfterFailure() throws(ReadError) -> TopicCollection {
    let error = failureError()
    guard case .truncatedXML(let line, _) = error else { throw error }
    guard rootSeen else { throw .truncatedXML(line: line, topicsRead: 0) }
    var result = collection
    result.truncation = .truncatedXML(line: line, topicsRead: collection.topics.count)
    return result
  }

  /// The error for the parser's failure: `.truncatedXML` when the input simply ran out,
  /// `.malformedXML` otherwise.
  private func failureError() -> ReadError {
    let failure =
      parser.failure
      ?? XMLPullParser.Failure(line: parser.line, message: "the XML parser stopped", code: 0)
    // A mismatched end tag is a broken file, even when it happens to be the file's last tag.
    let mismatch = failure.code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue)
    if !rootClosed && !mismatch && brokeOffAtEnd() {
      return .truncatedXML(line: failure.line, topicsRead: collection.topics.count)
    }
    return .malformedXML(line: failure.line, message: failure.message)
  }

  /// True when what the parser had not consumed is the unfinished tail of a cut file: no
  /// tag is completed after the point where parsing stopped. libxml2 reports running out of
  /// input in many ways ("Premature end of data", "Couldn't find end of Start Tag", …), and
  /// all of them stop within the last, unfinished piece of markup.
  private func brokeOffAtEnd() -> Bool {
    let consumed = min(max(parser.bytesConsumed, 0), bytes.count)
    return !bytes[consumed...].contains(UInt8(ascii: ">"))
  }
}
