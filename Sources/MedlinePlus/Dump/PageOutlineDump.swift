/// `--dump outline`: the "On this page" menu as the sidebar shows it, then the sections in
/// page order, marking those no menu entry names.
public enum PageOutlineDump {
  public static func render(_ page: Page) -> String {
    var out: [String] = [page.title]
    if !page.alsoCalled.isEmpty {
      out.append("Also called: " + page.alsoCalled.joined(separator: ", "))
    }
    out.append("")
    let wording = page.menuWording
    out.append(wording.onThisPage)
    for group in page.outline {
      out.append("  " + group.label)
      if group.hasNoLinks { out.append("    (\(wording.noLinksAvailable.lowercased()))") }
      for entry in group.entries {
        let indent = String(repeating: "  ", count: entry.depth + 2)
        out.append(indent + entry.title + (entry.section == nil ? "  (not on this page)" : ""))
      }
    }
    let unnamed = page.sectionsOutsideOutline
    if !unnamed.isEmpty {
      out.append("  " + wording.moreOnThisPage)
      for index in unnamed { out.append("    " + page.sections[index].title) }
    }
    out.append("")
    out.append("Sections")
    // Counted in one pass: filtering all links for each section is quadratic, and a page
    // with 100,000 sections and as many links took minutes.
    var linkCounts = Array(repeating: 0, count: page.sections.count)
    for link in page.links {
      if let section = link.section, linkCounts.indices.contains(section) {
        linkCounts[section] += 1
      }
    }
    for (index, section) in page.sections.enumerated() {
      let links = linkCounts[index]
      var line = "  \(index + 1). \(section.title)"
      if links > 0 { line += " (\(links) link\(links == 1 ? "" : "s"))" }
      out.append(line)
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The index of a topic collection: one line per topic.
  public static func render(_ collection: TopicCollection) -> String {
    var out: [String] = []
    var header = "\(collection.topics.count) topic(s)"
    if let total = collection.declaredTotal { header += " of \(total) declared" }
    if let date = collection.dateGenerated { header += ", generated \(date)" }
    out.append(header)
    if let truncation = collection.truncation { out.append("warning: \(truncation)") }
    for page in collection.topics {
      var line = "  \(page.title)"
      if let language = page.language { line += " [\(language)]" }
      if !page.alsoCalled.isEmpty {
        line += " — also called: " + page.alsoCalled.joined(separator: ", ")
      }
      out.append(line)
    }
    return out.joined(separator: "\n") + "\n"
  }
}
