/// Reads an answer of the MedlinePlus search service:
///
///     <nlmSearchResult><term>…</term><count>29</count><retstart>0</retstart>
///       <list num="29" start="0" per="10">
///         <document rank="0" url="https://medlineplus.gov/….html">
///           <content name="title">…</content>   (HTML, matched words in span.qt0)
///           <content name="healthTopic"><health-topic …>…</health-topic></content>
///
/// No hits is `<count>0</count>` with no `<list>`. Each `health-topic` record is read by the
/// health-topics XML reader, so a topic found here is the same page as from the file.
public enum SearchAnswerReader {
  static let service = "MedlinePlus search service"

  public static func read(_ bytes: [UInt8]) throws(ServiceAnswerError) -> SearchAnswer {
    try ServiceAnswerError.screen(bytes, service: service)
    let result = bytes.withUnsafeBufferPointer {
      buffer -> Result<SearchAnswer, ServiceAnswerError> in
      guard let parser = XMLPullParser(bytes: buffer) else {
        return .failure(.empty(service: service))
      }
      do throws(ServiceAnswerError) {
        return .success(try read(parser))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private static func read(_ parser: XMLPullParser) throws(ServiceAnswerError) -> SearchAnswer {
    var answer = SearchAnswer(term: "", count: 0, start: 0, results: [])
    var rootSeen = false
    var document: SearchResult? = nil
    var step = parser.read()
    while step == .moved {
      guard parser.node == .element else {
        if parser.node == .endElement, parser.name == "document", let finished = document {
          answer.results.append(finished)
          document = nil
        }
        step = parser.read()
        continue
      }
      let name = parser.name
      if !rootSeen {
        guard name == "nlmSearchResult" else {
          throw .unexpected(service: service, what: "<\(name)>")
        }
        rootSeen = true
        step = parser.read()
        continue
      }
      switch (parser.depth, name) {
      case (1, "term"): answer.term = text(parser)
      case (1, "count"): answer.count = Int(text(parser)) ?? 0
      case (1, "retstart"): answer.start = Int(text(parser)) ?? 0
      case (2, "document"):
        var rank = answer.start + answer.results.count
        var url = ""
        parser.forEachAttribute { key, value in
          let text = XMLText.clean(value)
          if key == "rank", let number = Int(text) { rank = number }
          if key == "url" { url = text }
        }
        let started = SearchResult(rank: rank, url: url, title: [])
        if parser.isEmptyElement {
          answer.results.append(started)
        } else {
          document = started
        }
      case (3, "content"):
        guard var result = document else { break }
        var field = ""
        parser.forEachAttribute { key, value in if key == "name" { field = XMLText.clean(value) } }
        if field == "healthTopic" {
          result.topic = topic(parser)
        } else {
          fill(&result, field: field, html: text(parser))
        }
        document = result
      default:
        break
      }
      step = parser.read()
    }
    if step == .failed || !rootSeen {
      let failure = parser.failure
      throw .malformed(
        service: service, line: failure?.line ?? parser.line,
        detail: failure?.message ?? "no search result in it")
    }
    if answer.results.count > 0 && answer.count < answer.start + answer.results.count {
      answer.count = answer.start + answer.results.count
    }
    return answer
  }

  private static func fill(_ result: inout SearchResult, field: String, html: String) {
    switch field {
    case "title": result.title = HighlightedText.runs(html)
    case "altTitle":
      let name = HighlightedText.plain(html)
      if !name.isEmpty { result.alsoCalled.append(name) }
    case "snippet": result.snippet = HighlightedText.runs(html)
    case "organizationName":
      let name = HighlightedText.plain(html)
      result.organization = name.isEmpty ? nil : name
    case "groupName":
      let name = HighlightedText.plain(html)
      if !name.isEmpty { result.groups.append(name) }
    default: break
    }
  }

  /// The text inside the current element (its child elements' text too); the parser is
  /// left on its end.
  private static func text(_ parser: XMLPullParser) -> String {
    guard !parser.isEmptyElement else { return "" }
    let depth = parser.depth
    var bytes: [UInt8] = []
    while parser.read() == .moved {
      if parser.node == .endElement && parser.depth == depth { break }
      if parser.node == .text { parser.appendText(to: &bytes) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The topic of a `healthTopic` content: its `health-topic` element (or, escaped, its
  /// text), read as a one-topic health-topics file. Nil when it holds none or it is broken.
  private static func topic(_ parser: XMLPullParser) -> Page? {
    guard !parser.isEmptyElement else { return nil }
    let depth = parser.depth
    var markup: String? = nil
    var escaped: [UInt8] = []
    while parser.read() == .moved {
      if parser.node == .endElement && parser.depth == depth { break }
      if parser.node == .element && parser.name == "health-topic" {
        markup = parser.outerXML()
        _ = parser.skipSubtree()
        // The reader now stands on the node after the record (the content's end, usually).
        if parser.node == .endElement && parser.depth == depth { break }
        continue
      }
      if parser.node == .text { parser.appendText(to: &escaped) }
    }
    let record = markup ?? String(decoding: escaped, as: UTF8.self)
    guard record.contains("<health-topic") else { return nil }
    let file = Array(("<health-topics>" + record + "</health-topics>").utf8)
    guard case .collection(let collection)? = try? HealthTopicsXMLReader.read(file, origin: nil)
    else { return nil }
    return collection.topics.first
  }
}
