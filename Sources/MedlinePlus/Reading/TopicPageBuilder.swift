/// Builds a `Page` from the markup of a MedlinePlus health-topic page, whatever rendering it
/// came in (text dump, Markdown, HTML): the `# Title`, "Also called", the "On this page"
/// menu of `###` groups, then one `##` section per category and the unnamed sections.
///
/// Everything before the title is site chrome; so are the "Stay Connected" and "Disclaimers"
/// sections and all that follows them (footer lists, "Page last updated").
struct TopicPageBuilder {
  /// True when the markup has a title and an "On this page" menu of known groups.
  /// The same test on a page's headings, found without writing its markup.
  static func looksLikeTopicPage(headings: [(level: Int, text: String)]) -> Bool {
    guard let title = headings.firstIndex(where: { $0.level == 1 }) else { return false }
    let groups = headings[title...].filter {
      $0.level == 3 && MedlinePlusCatalog.groups.contains($0.text)
    }
    return groups.count >= 3
  }

  static func looksLikeTopicPage(_ blocks: [MarkupBlock]) -> Bool {
    var hasTitle = false
    var groupHeadings = 0
    for block in blocks {
      switch block {
      case .heading(1, _, _):
        hasTitle = true
      case .heading(3, let inlines, _) where hasTitle:
        if MedlinePlusCatalog.groups.contains(inlines.plainText.trimmingSpaces) {
          groupHeadings += 1
        }
      default: continue
      }
    }
    return hasTitle && groupHeadings >= 3
  }

  private enum Phase {
    case chromeBeforeTitle
    case head
    case menu
    case sections
    case chromeSection
  }

  private struct PendingSection {
    var id: String
    var title: String
    var subtitle: String?
    var markup: [MarkupBlock] = []
  }

  static func build(_ blocks: [MarkupBlock], metadata: PageMetadata) -> Page {
    var title = metadata.title ?? ""
    var alsoCalled: [String] = []
    var groups: [(title: String, entries: [(title: String, anchor: String?)])] = []
    var pending: [PendingSection] = []
    var phase = Phase.chromeBeforeTitle
    var anchorForNextSection: String? = nil

    for block in blocks {
      switch (phase, block) {
      case (.chromeBeforeTitle, .heading(1, let inlines, _)):
        title = PageAssembler.cleanText(inlines.plainText)
        phase = .head
      case (.chromeBeforeTitle, _):
        continue
      case (_, .anchor(let name)):
        anchorForNextSection = name
      case (.head, .paragraph(let inlines, _)), (.menu, .paragraph(let inlines, _)):
        let text = PageAssembler.cleanText(inlines.plainText)
        if text.hasCaseInsensitivePrefix("Also called:") {
          alsoCalled = text.dropFirst("Also called:".count).split(separator: ",").map {
            $0.trimmingSpaces
          }.filter { !$0.isEmpty }
        } else if text.lowercased() == "on this page" {
          phase = .menu
        }
      case (.head, .heading(3, let inlines, _)), (.menu, .heading(3, let inlines, _)):
        phase = .menu
        groups.append((PageAssembler.cleanText(inlines.plainText), []))
      case (.menu, .list(_, let items)):
        guard !groups.isEmpty else { continue }
        for item in items {
          guard let entry = menuEntry(item) else { continue }
          groups[groups.count - 1].entries.append(entry)
        }
      case (_, .heading(let level, let inlines, let anchor)) where level <= 2:
        let heading = PageAssembler.cleanText(inlines.plainText)
        if MedlinePlusCatalog.chromeSections.contains(heading.lowercased()) {
          phase = .chromeSection
          anchorForNextSection = nil
          continue
        }
        phase = .sections
        let menuTitles = groups.flatMap { $0.entries.map(\.title) }
        let (sectionTitle, subtitle) = splitHeading(heading, knownTitles: menuTitles)
        let id =
          anchor ?? anchorForNextSection
          ?? MedlinePlusCatalog.category(titled: sectionTitle)?.anchor ?? sectionTitle.slug
        anchorForNextSection = nil
        pending.append(PendingSection(id: id, title: sectionTitle, subtitle: subtitle))
      case (.sections, .paragraph(let inlines, _))
      where pending[pending.count - 1].subtitle == nil && pending[pending.count - 1].markup.isEmpty
        && inlines.plainText.trimmingSpaces.hasPrefix("References and abstracts from"):
        // The HTML page puts the Journal Articles subtitle in a paragraph of its own.
        pending[pending.count - 1].subtitle = PageAssembler.cleanText(inlines.plainText)
      case (.sections, _):
        pending[pending.count - 1].markup.append(block)
      default:
        continue
      }
    }

    var assembler = PageAssembler(baseURL: metadata.origin)
    var sections: [Section] = []
    for (index, section) in pending.enumerated() {
      assembler.currentSection = index
      let blocks = sectionBlocks(section, assembler: &assembler)
      sections.append(
        Section(id: section.id, title: section.title, subtitle: section.subtitle, blocks: blocks))
    }
    let outline = groups.map { group in
      OutlineGroup(
        title: group.title,
        entries: group.entries.map { entry in
          OutlineEntry(
            title: entry.title, section: sectionIndex(for: entry, in: sections))
        })
    }
    let englishMenu = groups.contains { MedlinePlusCatalog.groups.contains($0.title) }
    return Page(
      title: title.isEmpty ? "Untitled page" : title,
      alsoCalled: alsoCalled,
      summaryDescription: metadata.description,
      origin: metadata.origin,
      language: metadata.language ?? (englishMenu ? "en" : nil),
      format: metadata.format,
      outline: outline,
      sections: sections,
      links: assembler.links)
  }

  private static func menuEntry(_ item: [MarkupBlock]) -> (title: String, anchor: String?)? {
    var inlines: [MarkupInline] = []
    for case .paragraph(let content, _) in item { inlines += content }
    let title = PageAssembler.cleanText(inlines.textWithoutImages)
    guard !title.isEmpty, title.lowercased() != "no links available" else { return nil }
    var anchor: String? = nil
    for case .link(_, let url?) in inlines {
      if let hash = url.firstIndex(of: "#") { anchor = String(url[url.index(after: hash)...]) }
    }
    return (title, anchor)
  }

  /// "Journal Articles References and abstracts from …" → ("Journal Articles", "References …").
  /// Only a heading longer than a known title is tried, and only against titles it starts
  /// with, longest first.
  private static func splitHeading(_ heading: String, knownTitles: [String]) -> (String, String?) {
    let display = MedlinePlusCatalog.displayTitle(heading)
    let length = display.utf8.count
    var best: String? = nil
    for known in knownTitles + MedlinePlusCatalog.categoryTitles {
      let knownLength = known.utf8.count
      guard length > knownLength + 1, knownLength > (best?.utf8.count ?? 0),
        display.utf8.starts(with: known.utf8),
        display.utf8.dropFirst(knownLength).first == UInt8(ascii: " ")
      else { continue }
      best = known
    }
    guard let best else { return (display, nil) }
    return (best, String(display.utf8.dropFirst(best.utf8.count)).map { $0.trimmingSpaces })
  }

  private static func sectionIndex(
    for entry: (title: String, anchor: String?), in sections: [Section]
  ) -> Int? {
    if let anchor = entry.anchor, let index = sections.firstIndex(where: { $0.id == anchor }) {
      return index
    }
    if let index = sections.firstIndex(where: { $0.title.lowercased() == entry.title.lowercased() })
    {
      return index
    }
    if let anchor = MedlinePlusCatalog.category(titled: entry.title)?.anchor {
      return sections.firstIndex { $0.id == anchor }
    }
    return nil
  }

  private static func sectionBlocks(_ section: PendingSection, assembler: inout PageAssembler)
    -> [Block]
  {
    let key = section.title.lowercased()
    var markup = section.markup.filter { block in
      if case .paragraph(let inlines, _) = block {
        let text = inlines.plainText.trimmingSpaces.lowercased()
        return text != "show more" && text != "show less"
      }
      return true
    }
    if key == "summary" { markAttribution(&markup) }
    if key == "topic image" {
      return markup.compactMap { block in
        if case .paragraph(let inlines, _) = block {
          let caption = PageAssembler.cleanText(inlines.textWithoutImages)
          return caption.isEmpty ? nil : .image(alt: caption, url: nil)
        }
        return assembler.block(block)
      }
    }
    guard MedlinePlusCatalog.resourceSections.contains(key) else {
      return assembler.blocks(markup)
    }
    return reattachingBadgeLines(markup).compactMap { block in
      guard case .list(_, let items) = block else { return assembler.block(block) }
      let indices = items.compactMap { item -> Int? in
        var inlines: [MarkupInline] = []
        for case .paragraph(let content, _) in item { inlines += content + [.text(" ", [])] }
        guard !inlines.textWithoutImages.isEmpty || inlines.contains(where: isLink) else {
          return nil
        }
        return assembler.add(ResourceItemParser.parse(inlines, assembler: assembler))
      }
      return indices.isEmpty ? nil : .resources(indices)
    }
  }

  /// docling writes a badge caption ("Easy-to-Read") on a line of its own after a list item;
  /// after a blank line that caption ends the list. Such a caption belongs to the item before
  /// it, and the list goes on after it.
  private static func reattachingBadgeLines(_ markup: [MarkupBlock]) -> [MarkupBlock] {
    var output: [MarkupBlock] = []
    for block in markup {
      if case .paragraph(let inlines, _) = block,
        Badge(label: inlines.textWithoutImages) != nil,
        case .list(let ordered, var items)? = output.last, !items.isEmpty
      {
        items[items.count - 1].append(.paragraph(inlines))
        output[output.count - 1] = .list(ordered: ordered, items: items)
        continue
      }
      if case .list(let ordered, let items) = block,
        case .list(let previousOrdered, let previousItems)? = output.last,
        ordered == previousOrdered
      {
        output[output.count - 1] = .list(ordered: ordered, items: previousItems + items)
        continue
      }
      output.append(block)
    }
    return output
  }

  private static func isLink(_ inline: MarkupInline) -> Bool {
    if case .link = inline { return true }
    return false
  }

  /// The summary's last paragraph names its source ("NIH: National Institute of …").
  private static func markAttribution(_ markup: inout [MarkupBlock]) {
    guard let last = markup.lastIndex(where: { if case .paragraph = $0 { true } else { false } }),
      last == markup.count - 1,
      case .paragraph(let inlines, let role) = markup[last], role == .body
    else { return }
    let text = inlines.plainText.trimmingSpaces
    let looksLikeSource =
      text.hasPrefix("NIH:") || (text.count < 140 && !text.hasSuffix(".") && !text.hasSuffix(":"))
    if looksLikeSource { markup[last] = .paragraph(inlines, role: .attribution) }
  }
}
