import MedlinePlus

/// A fetched web page as readable text for the pager: the title in bold over a rule,
/// headings in bold, paragraphs, lists and tables laid out to the width by `ContentLayout`,
/// images as `[image: alt]`, preformatted text kept, and links as footnotes.
///
/// Each link's text is followed by `[n]`, `n` being the page's own 1-based link number (the
/// number the browser, `L` and `--dump links` show), and a "Links" list at the end gives
/// `[n] title` and the address, or "(no address)". Every line fits `width` cells except an
/// address on a line of its own, which is never broken so that it can be copied whole.
public enum PagerDocument {
  public static func render(
    _ page: Page, width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    text(page, width: width, glyphs: glyphs).rendered(style: style)
  }

  /// The page as lines, for the pager or medterm's own text view.
  public static func text(_ page: Page, width: Int, glyphs: Glyphs = .unicode) -> PagerText {
    let page = PagerSanitizer.page(page)
    var writer = PagerTextWriter(width: width, glyphs: glyphs)
    let title = page.title.isEmpty ? "(untitled page)" : page.title
    writer.title(title)
    if !page.alsoCalled.isEmpty {
      writer.wrap(
        [StyledSpan("Also called: " + page.alsoCalled.joined(separator: ", "), .alsoCalled)])
    }
    if let origin = page.origin, !origin.isEmpty {
      writer.url(origin, indent: 0, role: .dim)
    }
    for (index, section) in page.sections.enumerated() {
      // A page whose first heading repeats the title would show it twice.
      let repeatsTitle = index == 0 && section.title == page.title
      if !section.title.isEmpty && !repeatsTitle {
        writer.heading(section.title)
      }
      if let subtitle = section.subtitle, !subtitle.isEmpty {
        writer.wrap([StyledSpan(subtitle, .dim)])
      }
      writeBlocks(section.blocks, of: section, page: page, into: &writer)
    }
    writeFootnotes(page.links, into: &writer)
    return writer.text(title: title)
  }

  /// Blocks go through `ContentLayout`, the same layout as the content pane, a run of
  /// blocks at a time; top-level preformatted text is written here instead, because the
  /// layout wraps it at spaces and a pager should keep its columns.
  private static func writeBlocks(
    _ blocks: [Block], of section: Section, page: Page, into writer: inout PagerTextWriter
  ) {
    var pending: [Block] = []
    func flush(_ writer: inout PagerTextWriter) {
      guard !pending.isEmpty else { return }
      let part = Page(
        title: page.title, format: page.format,
        sections: [Section(id: section.id, title: "", level: section.level, blocks: pending)],
        links: page.links)
      writer.blank()
      for line in ContentLayout(page: part, width: writer.width, glyphs: writer.glyphs).lines {
        // The content pane may put a link's number in front of its text; here the number
        // follows the text as a footnote mark, so a number in front would say it twice.
        writer.emit(line.spans.filter { !($0.role == .linkNumber && $0.link != nil) })
      }
      pending = []
    }
    for block in blocks {
      if case .preformatted(let runs) = block {
        flush(&writer)
        writePreformatted(marked(runs).plainText, into: &writer)
      } else {
        pending.append(footnoted(block, links: page.links, glyphs: writer.glyphs))
      }
    }
    flush(&writer)
  }

  /// Preformatted lines as they are, cut (not wrapped at spaces) where wider than the page.
  private static func writePreformatted(_ text: String, into writer: inout PagerTextWriter) {
    writer.blank()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = writer.glyphs.isASCII ? Transliterator.ascii(String(line)) : String(line)
      var piece = ""
      var used = 0
      for character in line {
        let cells = DisplayWidth.of(character)
        if used + cells > writer.width && !piece.isEmpty {
          writer.emitVerbatim([StyledSpan(piece, .code)])
          piece = ""
          used = 0
        }
        piece.append(character)
        used += cells
      }
      writer.emitVerbatim(piece.isEmpty ? [] : [StyledSpan(piece, .code)])
    }
    writer.blank()
  }

  /// The block with `[n]` after each link's text, and resource lists as bullet lists whose
  /// items read `title[n] badges` over `organizations · Also in Spanish`.
  static func footnoted(_ block: Block, links: [Link], glyphs: Glyphs) -> Block {
    switch block {
    case .paragraph(let runs):
      return .paragraph(marked(runs))
    case .heading(let level, let runs):
      return .heading(level: level, marked(runs))
    case .list(let ordered, let items):
      return .list(
        ordered: ordered,
        items: items.map { $0.map { footnoted($0, links: links, glyphs: glyphs) } })
    case .quote(let blocks):
      return .quote(blocks.map { footnoted($0, links: links, glyphs: glyphs) })
    case .resources(let indices):
      let items = indices.filter { links.indices.contains($0) }.map {
        resourceItem(links[$0], index: $0, glyphs: glyphs)
      }
      return items.isEmpty ? .paragraph([]) : .list(ordered: false, items: items)
    case .preformatted(let runs):
      return .preformatted(marked(runs))
    case .table, .image, .attribution:
      return block
    }
  }

  /// Runs with a plain `[n]` after the last run of each link.
  private static func marked(_ runs: [TextRun]) -> [TextRun] {
    var output: [TextRun] = []
    for (position, run) in runs.enumerated() {
      output.append(run)
      guard let link = run.link else { continue }
      let next = position + 1 < runs.count ? runs[position + 1].link : nil
      if next != link { output.append(TextRun("[\(link + 1)]")) }
    }
    return output
  }

  private static func resourceItem(_ link: Link, index: Int, glyphs: Glyphs) -> [Block] {
    var first = [
      TextRun(link.title.isEmpty ? "(untitled link)" : link.title, link: index),
      TextRun("[\(index + 1)]"),
    ]
    for badge in link.badges {
      first += [TextRun(" "), TextRun(badge.rawValue, style: .bold)]
    }
    var details = link.organizations.joined(separator: ", ")
    if link.alsoInSpanish {
      details += (details.isEmpty ? "" : " \(glyphs.middleDot) ") + "Also in Spanish"
    }
    return details.isEmpty
      ? [.paragraph(first)] : [.paragraph(first), .paragraph([TextRun(details)])]
  }

  private static func writeFootnotes(_ links: [Link], into writer: inout PagerTextWriter) {
    guard !links.isEmpty else { return }
    writer.heading("Links")
    let options = PagerTextWriter.LinkEntryOptions(
      numberWidth: PagerTextWriter.numberWidth(count: links.count))
    for (index, link) in links.enumerated() {
      writer.linkEntry(link, number: index + 1, options: options)
    }
  }
}
