/// The page model as JSON with stable, documented keys (README "JSON keys"). Links are
/// referred to by their 1-based number, as the browser shows them.
public enum PageJSON {
  /// Bumped when a key changes meaning or goes away; new keys may be added freely.
  public static let schemaVersion = 1

  public static func value(_ page: Page) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("schema", .string("medterm-page")),
      ("version", .number(schemaVersion)),
      ("title", .string(page.title)),
      ("alsoCalled", .array(page.alsoCalled.map(JSONValue.string))),
      ("description", .optional(page.summaryDescription)),
      ("origin", .optional(page.origin)),
      ("language", .optional(page.language)),
      ("sourceFormat", .string(page.format.rawValue)),
      ("outline", .array(page.outline.map(outlineGroup))),
      ("sections", .array(page.sections.map(section))),
      ("links", .array(page.links.enumerated().map { link($1, number: $0 + 1) })),
      ("byline", .optional(page.byline)),
      ("articleOfPage", .bool(page.isArticleOfPage)),
      ("linksOutsideArticle", .array(page.furnitureLinks.map { link($0, number: nil) })),
    ]
    if let topic = page.topic { members.append(("topic", self.topic(topic))) }
    return .object(members)
  }

  public static func value(_ collection: TopicCollection) -> JSONValue {
    .object([
      ("schema", .string("medterm-collection")),
      ("version", .number(schemaVersion)),
      ("declaredTotal", collection.declaredTotal.map(JSONValue.number) ?? .null),
      ("dateGenerated", .optional(collection.dateGenerated)),
      ("truncated", .optional(collection.truncation?.description)),
      ("topics", .array(collection.topics.map(value))),
    ])
  }

  private static func outlineGroup(_ group: OutlineGroup) -> JSONValue {
    .object([
      ("title", .string(group.title)),
      ("label", .string(group.label)),
      ("noLinksAvailable", .bool(group.hasNoLinks)),
      (
        "entries",
        .array(
          group.entries.map { entry in
            .object([
              ("title", .string(entry.title)),
              ("section", entry.section.map(JSONValue.number) ?? .null),
              ("depth", .number(entry.depth)),
            ])
          })
      ),
    ])
  }

  private static func section(_ section: Section) -> JSONValue {
    .object([
      ("id", .string(section.id)),
      ("title", .string(section.title)),
      ("subtitle", .optional(section.subtitle)),
      ("level", .number(section.level)),
      ("blocks", .array(section.blocks.map(block))),
    ])
  }

  private static func block(_ block: Block) -> JSONValue {
    switch block {
    case .paragraph(let runs):
      .object([
        ("type", .string("paragraph")), ("text", .string(runs.plainText)),
        ("runs", self.runs(runs)),
      ])
    case .heading(let level, let runs):
      .object([
        ("type", .string("heading")), ("level", .number(level)), ("text", .string(runs.plainText)),
        ("runs", self.runs(runs)),
      ])
    case .list(let ordered, let items):
      .object([
        ("type", .string("list")), ("ordered", .bool(ordered)),
        ("items", .array(items.map { .array($0.map(self.block)) })),
      ])
    case .table(let table):
      .object([
        ("type", .string("table")), ("header", .bool(table.hasHeader)),
        ("rows", .array(table.rows.map { .array($0.map(JSONValue.string)) })),
      ])
    case .image(let alt, let url):
      .object([("type", .string("image")), ("alt", .string(alt)), ("url", .optional(url))])
    case .resources(let indices):
      .object([("type", .string("resources")), ("links", .array(indices.map { .number($0 + 1) }))])
    case .preformatted(let runs):
      // Runs only where there are links: the text alone says the rest.
      .object(
        [("type", .string("preformatted")), ("text", .string(runs.plainText))]
          + (runs.contains { $0.link != nil } ? [("runs", self.runs(runs))] : []))
    case .quote(let blocks):
      .object([("type", .string("quote")), ("blocks", .array(blocks.map(self.block)))])
    case .attribution(let text):
      .object([("type", .string("attribution")), ("text", .string(text))])
    }
  }

  private static func runs(_ runs: [TextRun]) -> JSONValue {
    .array(
      runs.map { run in
        var members: [(String, JSONValue)] = [("text", .string(run.text))]
        if run.style.contains(.bold) { members.append(("bold", .bool(true))) }
        if run.style.contains(.italic) { members.append(("italic", .bool(true))) }
        if run.style.contains(.code) { members.append(("code", .bool(true))) }
        if run.style.contains(.image) { members.append(("image", .bool(true))) }
        if let link = run.link { members.append(("link", .number(link + 1))) }
        return .object(members)
      })
  }

  /// A link; one outside the article has no number (it is not shown with one).
  private static func link(_ link: Link, number: Int?) -> JSONValue {
    .object([
      ("number", number.map(JSONValue.number) ?? .null),
      ("kind", .string(link.kind.rawValue)),
      ("title", .string(link.title)),
      ("url", .optional(link.url)),
      ("organizations", .array(link.organizations.map(JSONValue.string))),
      ("badges", .array(link.badges.map { .string($0.rawValue) })),
      ("alsoInSpanish", .bool(link.alsoInSpanish)),
      ("spanishURL", .optional(link.spanishURL)),
      ("section", link.section.map(JSONValue.number) ?? .null),
      ("language", .optional(link.language)),
    ])
  }

  private static func topic(_ topic: TopicInfo) -> JSONValue {
    .object([
      ("id", .string(topic.id)),
      ("dateCreated", .optional(topic.dateCreated)),
      ("groups", .array(topic.groups.map(JSONValue.string))),
      (
        "twin",
        topic.twin.map { twin in
          .object([
            ("title", .string(twin.title)), ("url", .optional(twin.url)),
            ("id", .optional(twin.id)),
            ("language", .optional(twin.language)),
          ])
        } ?? .null
      ),
      ("seeReferences", .array(topic.seeReferences.map(JSONValue.string))),
      ("meshHeadings", .array(topic.meshHeadings.map(JSONValue.string))),
    ])
  }
}
