/// Builds a `Page` from any document: one section per heading (levels 1–3; deeper headings
/// stay inside their section), and an outline of those headings, indented by level.
/// Content before the first heading becomes a section named after the page.
enum OutlinePageBuilder {
  static let outlineGroupTitle = "Contents"
  private static let deepestSectionLevel = 3

  static func build(_ blocks: [MarkupBlock], metadata: PageMetadata) -> Page {
    var assembler = PageAssembler(baseURL: metadata.origin)
    var sections: [Section] = []
    var current: (title: String, level: Int, id: String?, markup: [MarkupBlock])? = nil
    // Anchors met since the last block: the first names a heading right after them; any
    // other is a place in the text (`Page.places`).
    var pendingAnchors: [String] = []
    let firstHeading = blocks.lazy.compactMap { block -> String? in
      if case .heading(_, let inlines, _) = block {
        let text = PageAssembler.cleanText(inlines.textWithoutImages)
        return text.isEmpty ? nil : text
      }
      return nil
    }.first
    let title = metadata.title.flatMap { $0.isEmpty ? nil : $0 } ?? firstHeading ?? "Untitled page"
    var usedIDs: [String: Int] = [:]

    func uniqueID(_ base: String) -> String {
      let base = base.isEmpty ? "section" : base
      let count = usedIDs[base, default: 0]
      usedIDs[base] = count + 1
      return count == 0 ? base : "\(base)-\(count + 1)"
    }
    func flush() {
      guard let section = current else { return }
      assembler.currentSection = sections.count
      let blocks = assembler.sectionBlocks(section.markup)
      sections.append(
        Section(
          id: uniqueID(section.id ?? section.title.slug), title: section.title,
          level: section.level, blocks: blocks))
      current = nil
    }

    for block in blocks {
      switch block {
      case .anchor(let name):
        pendingAnchors.append(name)
      case .heading(let level, let inlines, let anchor) where level <= deepestSectionLevel:
        let text = PageAssembler.cleanText(inlines.textWithoutImages)
        guard !text.isEmpty else { continue }
        flush()
        let named = anchor ?? pendingAnchors.first
        current = (text, level, named, pendingAnchors.filter { $0 != named }.map { .anchor($0) })
        pendingAnchors = []
      default:
        // A named anchor names the heading right after it, not one further down.
        if current == nil {
          if case .paragraph(let inlines, _) = block, inlines.textWithoutImages.isEmpty {
            continue
          }
          current = (title, 1, "top", [])
        }
        // A deeper heading is a place in its section.
        if case .heading(_, _, let anchor?) = block { pendingAnchors.append(anchor) }
        current?.markup += pendingAnchors.map { .anchor($0) } + [block]
        pendingAnchors = []
      }
    }
    current?.markup += pendingAnchors.map { .anchor($0) }
    flush()
    if sections.isEmpty {
      sections = [Section(id: "top", title: title, level: 1, blocks: [])]
    }
    let shallowest = sections.map(\.level).min() ?? 1
    let entries = sections.indices.map { index in
      OutlineEntry(
        title: sections[index].title, section: index,
        depth: sections[index].level - shallowest)
    }
    return Page(
      title: title,
      summaryDescription: metadata.description,
      origin: metadata.origin,
      language: metadata.language,
      format: metadata.format,
      outline: [OutlineGroup(title: outlineGroupTitle, entries: entries)],
      sections: sections,
      links: assembler.links,
      places: assembler.places)
  }
}
