/// A complete, stable, human-readable dump of a page's model: what the snapshot tests
/// compare and what `--dump tree` prints. Every field of the model appears.
public enum PageTreeDump {
  public static func render(_ page: Page) -> String {
    var out: [String] = []
    out.append("page \(quoted(page.title))")
    out.append("  format: \(page.format.rawValue)")
    if let language = page.language { out.append("  language: \(language)") }
    if let origin = page.origin { out.append("  origin: \(origin)") }
    if let description = page.summaryDescription {
      out.append("  description: \(quoted(description))")
    }
    if !page.alsoCalled.isEmpty {
      out.append("  also-called: \(page.alsoCalled.map(quoted).joined(separator: ", "))")
    }
    if let byline = page.byline { out.append("  byline: \(quoted(byline))") }
    if page.isArticleOfPage { out.append("  article of a bigger page") }
    if let topic = page.topic { appendTopic(topic, to: &out) }
    out.append("  outline:")
    for group in page.outline {
      let label = group.label == group.title ? "" : " label \(quoted(group.label))"
      out.append(
        "    group \(quoted(group.title))\(label)\(group.hasNoLinks ? " (no links available)" : "")"
      )
      for entry in group.entries {
        let target = entry.section.map { "→ §\($0) \(page.sections[$0].id)" } ?? "→ (missing)"
        let indent = String(repeating: "  ", count: entry.depth)
        out.append("      \(indent)\(quoted(entry.title)) \(target)")
      }
    }
    for (index, section) in page.sections.enumerated() {
      var header = "  §\(index) [\(section.id)] h\(section.level) \(quoted(section.title))"
      if let subtitle = section.subtitle { header += " — \(quoted(subtitle))" }
      out.append(header)
      for block in section.blocks { appendBlock(block, page: page, indent: "    ", to: &out) }
    }
    if !page.places.isEmpty {
      out.append("  places: \(page.places.count)")
      for (name, place) in page.places.sorted(by: { $0.key < $1.key }) {
        let line = place.line > 0 ? " line \(place.line)" : ""
        out.append("    #\(name) → §\(place.section) block \(place.block)\(line)")
      }
    }
    out.append("  links: \(page.links.count)")
    for (index, link) in page.links.enumerated() {
      out.append("    [\(index + 1)] \(describe(link))")
    }
    if !page.furnitureLinks.isEmpty {
      out.append("  links outside the article: \(page.furnitureLinks.count)")
      for link in page.furnitureLinks { out.append("    - \(describe(link))") }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// A collection: its header and each topic in turn.
  public static func render(_ collection: TopicCollection) -> String {
    var out = "collection of \(collection.topics.count) topic(s)"
    if let total = collection.declaredTotal { out += ", declared total \(total)" }
    if let date = collection.dateGenerated { out += ", generated \(date)" }
    out += "\n"
    if let truncation = collection.truncation { out += "  truncated: \(truncation)\n" }
    for page in collection.topics { out += render(page) }
    return out
  }

  static func describe(_ link: Link) -> String {
    var parts = ["\(link.kind.rawValue) \(quoted(link.title))"]
    if !link.organizations.isEmpty {
      parts.append("org: \(link.organizations.map(quoted).joined(separator: ", "))")
    }
    if !link.badges.isEmpty {
      parts.append("badges: \(link.badges.map(\.rawValue).joined(separator: ", "))")
    }
    if link.alsoInSpanish { parts.append("ES" + (link.spanishURL.map { " \($0)" } ?? "")) }
    parts.append("url: \(link.url ?? "(none)")")
    if let language = link.language { parts.append("lang: \(language)") }
    if let section = link.section { parts.append("§\(section)") }
    return parts.joined(separator: " | ")
  }

  private static func appendTopic(_ topic: TopicInfo, to out: inout [String]) {
    out.append("  topic-id: \(topic.id)")
    if let date = topic.dateCreated { out.append("  date-created: \(date)") }
    if !topic.groups.isEmpty {
      out.append("  groups: \(topic.groups.map(quoted).joined(separator: ", "))")
    }
    if let twin = topic.twin {
      out.append(
        "  twin: \(quoted(twin.title)) \(twin.language ?? "?") id \(twin.id ?? "?") \(twin.url ?? "")"
      )
    }
    if !topic.seeReferences.isEmpty {
      out.append("  see-references: \(topic.seeReferences.map(quoted).joined(separator: ", "))")
    }
    if !topic.meshHeadings.isEmpty {
      out.append("  mesh: \(topic.meshHeadings.map(quoted).joined(separator: ", "))")
    }
  }

  private static func appendBlock(
    _ block: Block, page: Page, indent: String, to out: inout [String]
  ) {
    switch block {
    case .paragraph(let runs):
      out.append(indent + "p " + runText(runs))
    case .heading(let level, let runs):
      out.append(indent + "h\(level) " + runText(runs))
    case .list(let ordered, let items):
      out.append(indent + (ordered ? "ol" : "ul"))
      for item in items {
        out.append(indent + "  -")
        for inner in item { appendBlock(inner, page: page, indent: indent + "    ", to: &out) }
      }
    case .table(let table):
      out.append(
        indent + "table \(table.rows.count)x\(table.columnCount)\(table.hasHeader ? " header" : "")"
      )
      for row in table.rows { out.append(indent + "  | " + row.joined(separator: " | ") + " |") }
    case .image(let alt, let url):
      out.append(indent + "image \(quoted(alt))" + (url.map { " \($0)" } ?? ""))
    case .resources(let indices):
      out.append(indent + "resources " + indices.map { "[\($0 + 1)]" }.joined(separator: " "))
    case .preformatted(let runs):
      out.append(indent + "pre")
      for line in runs.lines { out.append(indent + "  " + preformattedText(line)) }
    case .quote(let blocks):
      out.append(indent + "quote")
      for inner in blocks { appendBlock(inner, page: page, indent: indent + "  ", to: &out) }
    case .attribution(let text):
      out.append(indent + "attribution \(quoted(text))")
    }
  }

  private static func runText(_ runs: [TextRun]) -> String {
    runs.map { run -> String in
      var text = run.text == "\n" ? "⏎" : run.text
      if run.style.contains(.bold) { text = "**\(text)**" }
      if run.style.contains(.italic) { text = "_\(text)_" }
      if run.style.contains(.code) { text = "`\(text)`" }
      if let link = run.link { text = "[\(text)][\(link + 1)]" }
      return text
    }.joined()
  }

  /// A line of preformatted text as it is, its links marked as in paragraphs.
  private static func preformattedText(_ runs: [TextRun]) -> String {
    runs.map { run in run.link.map { "[\(run.text)][\($0 + 1)]" } ?? run.text }.joined()
  }

  private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
