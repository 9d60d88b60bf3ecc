@testable import MedlinePlus

/// What every page a reader produces must satisfy, whatever the input: the browser indexes
/// sections and links by these numbers, and every text reaches the terminal. A violation
/// stops the fuzzer with the reason, like a crash.
enum PageInvariants {
  static func check(_ document: Document) {
    switch document {
    case .page(let page): check(page)
    case .collection(let collection): collection.topics.forEach(check)
    }
  }

  static func check(_ page: Page) {
    safe(page.title, "page title")
    page.alsoCalled.forEach { safe($0, "also called") }
    if let description = page.summaryDescription { safe(description, "description") }
    if let origin = page.origin { safe(origin, "origin") }
    if let language = page.language { safe(language, "language") }
    for group in page.outline {
      safe(group.title, "outline group")
      for entry in group.entries {
        safe(entry.title, "outline entry")
        if let section = entry.section {
          require(page.sections.indices.contains(section), "outline entry points past sections")
        }
      }
    }
    for section in page.sections {
      safe(section.title, "section title")
      if let subtitle = section.subtitle { safe(subtitle, "section subtitle") }
      section.blocks.forEach { check($0, in: page) }
    }
    for link in page.links {
      safe(link.title, "link title")
      if let url = link.url { safe(url, "link address") }
      if let url = link.spanishURL { safe(url, "Spanish address") }
      link.organizations.forEach { safe($0, "organization") }
      if let section = link.section {
        require(page.sections.indices.contains(section), "link points past sections")
      }
    }
  }

  private static func check(_ block: Block, in page: Page) {
    switch block {
    case .paragraph(let runs), .heading(_, let runs):
      for run in runs {
        safe(run.text, "text run")
        if let link = run.link {
          require(page.links.indices.contains(link), "text run links past the links")
        }
      }
    case .list(_, let items):
      items.forEach { $0.forEach { check($0, in: page) } }
    case .table(let table):
      table.rows.forEach { $0.forEach { safe($0, "table cell") } }
    case .image(let alt, let url):
      safe(alt, "image alt")
      if let url { safe(url, "image address") }
    case .resources(let links):
      require(links.allSatisfy(page.links.indices.contains), "resource list links past the links")
    case .preformatted(let runs):
      // A tab stays in preformatted text, for the layout to expand to its stop.
      safe(String(runs.plainText.map { $0 == "\t" ? " " : $0 }), "preformatted text")
      require(
        runs.compactMap(\.link).allSatisfy(page.links.indices.contains),
        "preformatted text links past the links")
    case .quote(let blocks):
      blocks.forEach { check($0, in: page) }
    case .attribution(let text):
      safe(text, "attribution")
    }
  }

  /// No escape, control or bidi character may survive a reader; a newline may, inside text.
  static func safe(_ text: String, _ what: String) {
    for scalar in text.unicodeScalars where scalar != "\n" && SafeText.needsAttention(scalar) {
      fatalError("\(what) holds U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
  }

  static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
  }
}
