/// A page as CommonMark: the title as `#`, each section as a heading of its level, runs with
/// their emphasis, links with their addresses, resource lists as bullet lists with
/// organizations and badges, tables as pipe tables, preformatted text fenced. What Save
/// writes for a `.md` file; medterm's own Markdown reader reads it back.
public enum PageMarkdown {
  public static func render(_ page: Page) -> String {
    var out: [String] = ["# " + inline(page.title)]
    if !page.alsoCalled.isEmpty {
      out += ["", "Also called: " + inline(page.alsoCalled.joined(separator: ", "))]
    }
    if let origin = page.origin, !origin.isEmpty { out += ["", "<" + origin + ">"] }
    for (index, section) in page.sections.enumerated() {
      let repeatsTitle = index == 0 && section.title == page.title
      if !section.title.isEmpty && !repeatsTitle {
        // The title is the one `#`; sections start at `##`.
        let level = min(6, max(2, section.level))
        out += ["", String(repeating: "#", count: level) + " " + inline(section.title)]
      }
      if let subtitle = section.subtitle, !subtitle.isEmpty {
        out += ["", "*" + inline(subtitle) + "*"]
      }
      for block in section.blocks {
        let lines = render(block, links: page.links)
        if !lines.isEmpty { out += [""] + lines }
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  static func render(_ block: Block, links: [Link]) -> [String] {
    switch block {
    case .paragraph(let runs):
      let text = render(runs, links: links)
      return text.isEmpty ? [] : [text]
    case .heading(let level, let runs):
      return [
        String(repeating: "#", count: min(6, max(3, level + 2))) + " " + render(runs, links: links)
      ]
    case .list(let ordered, let items):
      var lines: [String] = []
      for (number, item) in items.enumerated() {
        let marker = ordered ? "\(number + 1). " : "- "
        let body = item.flatMap { render($0, links: links) }
        for (position, line) in body.enumerated() {
          let indent = String(repeating: " ", count: marker.count)
          lines.append((position == 0 ? marker : indent) + line)
        }
      }
      return lines
    case .table(let table):
      return tableLines(table)
    case .image(let alt, let url):
      return ["![" + inline(alt) + "](" + (url ?? "") + ")"]
    case .resources(let indices):
      return indices.filter { links.indices.contains($0) }.map { resource(links[$0]) }
    case .preformatted(let runs):
      // A fenced block cannot hold links: its text as it is.
      let text = runs.plainText
      let fence = text.contains("```") ? "~~~~" : "```"
      return [fence]
        + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        + [fence]
    case .quote(let blocks):
      return blocks.flatMap { render($0, links: links) + [""] }.dropLast().map { "> " + $0 }
    case .attribution(let text):
      return ["*" + inline(text) + "*"]
    }
  }

  private static func render(_ runs: [TextRun], links: [Link]) -> String {
    var out = ""
    var position = 0
    while position < runs.count {
      let run = runs[position]
      guard let link = run.link else {
        out += styled(run)
        position += 1
        continue
      }
      // The runs of one link become one `[text](address)`.
      var text = ""
      while position < runs.count && runs[position].link == link {
        text += styled(runs[position])
        position += 1
      }
      let url = links.indices.contains(link) ? links[link].url : nil
      out += url.map { "[\(text)](\(destination($0)))" } ?? text
    }
    return out.trimmingSpaces
  }

  private static func styled(_ run: TextRun) -> String {
    if run.style.contains(.code) { return "`" + run.text + "`" }
    var text = inline(run.text)
    guard !text.trimmingSpaces.isEmpty else { return text }
    if run.style.contains(.bold) { text = "**" + text + "**" }
    if run.style.contains(.italic) { text = "*" + text + "*" }
    return text
  }

  private static func resource(_ link: Link) -> String {
    let title = inline(link.title.isEmpty ? "(untitled link)" : link.title)
    var line = "- " + (link.url.map { "[\(title)](\(destination($0)))" } ?? title)
    for badge in link.badges { line += " **" + badge.rawValue + "**" }
    var details = link.organizations
    if link.alsoInSpanish {
      details.append(
        link.spanishURL.map { "[Also in Spanish](\(destination($0)))" } ?? "Also in Spanish")
    }
    if !details.isEmpty { line += " — " + details.map(inline).joined(separator: ", ") }
    return line
  }

  private static func tableLines(_ table: Table) -> [String] {
    let columns = max(1, table.columnCount)
    func row(_ cells: [String]) -> String {
      let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
      return "| " + padded.map { inline($0).replacing("|", with: "\\|") }.joined(separator: " | ")
        + " |"
    }
    var rows = table.rows
    let header =
      table.hasHeader && !rows.isEmpty ? rows.removeFirst() : Array(repeating: "", count: columns)
    return [row(header), "|" + Array(repeating: "---|", count: columns).joined()] + rows.map(row)
  }

  /// Text with the characters that would start Markdown syntax escaped.
  private static func inline(_ text: String) -> String {
    var out = ""
    for character in SafeText.clean(text, keepNewlines: false) {
      if "\\`*_[]<>".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// An address as a link destination: spaces and parentheses would end it.
  private static func destination(_ url: String) -> String {
    url.replacing(" ", with: "%20").replacing("(", with: "%28").replacing(")", with: "%29")
  }
}
