import Foundation

/// Writes a health-topics XML file of any size from the real topics in the corpus, in the
/// official style (escaped summaries), so the reader can be timed on a file as large as
/// medlineplus.gov's (about 2,000 topics, 30 MB) without shipping one.
///
/// Topics are repeated with new ids and numbered titles; each copy is padded with copies of
/// its own sites up to about `targetTopicBytes`, the real file's average.
struct SyntheticTopicsFile {
  static let targetTopicBytes = 15_000

  let templates: [String]

  /// Loads the topics of every `*.xml` health-topics file and the JSON in `corpus`.
  init(corpus: URL) throws {
    var templates: [String] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    for name in names {
      let url = corpus.appendingPathComponent(name)
      if name.hasSuffix(".xml") {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains("<health-topics") else { continue }
        templates += Self.topicElements(in: text).map(Self.escapingRawSummary)
      } else if name.hasSuffix(".xmltodict.json") {
        templates += try TopicsJSONConverter.topics(fromJSON: Data(contentsOf: url))
      }
    }
    self.templates = templates.map(Self.padded)
  }

  /// Writes `count` topics to `output`; returns the number of bytes written.
  func write(topics count: Int, to output: URL) throws -> Int {
    guard !templates.isEmpty else { throw BenchError.noCorpusTopics }
    guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output.path])
    }
    let handle = try FileHandle(forWritingTo: output)
    defer { try? handle.close() }
    var written = 0
    func emit(_ text: String) throws {
      let data = Data(text.utf8)
      try handle.write(contentsOf: data)
      written += data.count
    }
    try emit(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE health-topics PUBLIC "-//NLM//DTD health-topics //EN" \
      "https://medlineplus.gov/xml/mplus_topics.dtd">
      <health-topics total="\(count)" date-generated="08/10/2024 02:30:32">

      """)
    for index in 0..<count {
      let template = templates[index % templates.count]
      let round = index / templates.count
      try emit(Self.renumbered(template, id: 100_000 + index, round: round))
    }
    try emit("</health-topics>\n")
    return written
  }

  /// The `<health-topic>…</health-topic>` spans of a file.
  static func topicElements(in text: String) -> [String] {
    var elements: [String] = []
    var rest = text[...]
    while let start = rest.range(of: "<health-topic") {
      // Skips `<health-topics`, the root.
      guard rest[start.upperBound...].first.map({ $0 == " " || $0 == "\n" || $0 == ">" }) == true
      else {
        rest = rest[start.upperBound...]
        continue
      }
      guard let end = rest.range(of: "</health-topic>", range: start.upperBound..<rest.endIndex)
      else { break }
      elements.append(String(rest[start.lowerBound..<end.upperBound]) + "\n")
      rest = rest[end.upperBound...]
    }
    return elements
  }

  /// Copies that hold the summary as child elements get it escaped, as official files do.
  static func escapingRawSummary(_ topic: String) -> String {
    guard let open = topic.range(of: "<full-summary>"),
      let close = topic.range(of: "</full-summary>", range: open.upperBound..<topic.endIndex)
    else { return topic }
    let inner = topic[open.upperBound..<close.lowerBound]
    guard inner.contains("<") else { return topic }
    return topic[..<open.upperBound] + TopicsJSONConverter.escaped(String(inner))
      + topic[close.lowerBound...]
  }

  /// Repeats the topic's sites (with numbered titles) until it reaches the target size.
  static func padded(_ topic: String) -> String {
    var sites: [Substring] = []
    var rest = topic[...]
    while let start = rest.range(of: "<site "),
      let end = rest.range(of: "</site>", range: start.upperBound..<rest.endIndex)
    {
      sites.append(rest[start.lowerBound..<end.upperBound])
      rest = rest[end.upperBound...]
    }
    guard let lastSiteEnd = topic.range(of: "</site>", options: .backwards), !sites.isEmpty else {
      return topic
    }
    var extra = ""
    var index = 0
    while topic.utf8.count + extra.utf8.count < targetTopicBytes {
      let copy = index / sites.count + 2
      extra +=
        "\n    "
        + sites[index % sites.count].replacingOccurrences(
          of: "<site title=\"", with: "<site title=\"(\(copy)) ")
      index += 1
    }
    return topic[..<lastSiteEnd.upperBound] + extra + topic[lastSiteEnd.upperBound...]
  }

  /// The topic with a new id and, after the first round, a numbered title.
  static func renumbered(_ topic: String, id: Int, round: Int) -> String {
    guard let tagEnd = topic.firstIndex(of: ">") else { return topic }
    var tag = String(topic[..<tagEnd])
    tag = replacingAttribute("id", in: tag) { _ in "\(id)" }
    if round > 0 {
      tag = replacingAttribute("title", in: tag) { "\($0) (\(round + 1))" }
    }
    return tag + topic[tagEnd...]
  }

  /// Rewrites one attribute value of a start tag (whatever white space precedes it).
  private static func replacingAttribute(
    _ name: String, in tag: String, _ transform: (String) -> String
  ) -> String {
    var searchStart = tag.startIndex
    while let found = tag.range(of: "\(name)=\"", range: searchStart..<tag.endIndex) {
      searchStart = found.upperBound
      guard found.lowerBound > tag.startIndex,
        tag[tag.index(before: found.lowerBound)].isWhitespace,
        let end = tag[found.upperBound...].firstIndex(of: "\"")
      else { continue }
      let value = String(tag[found.upperBound..<end])
      return tag[..<found.upperBound] + transform(value) + tag[end...]
    }
    return tag
  }
}
