import MedlinePlus

/// `L`: every link of the page, numbered as everywhere else, grouped by section, with
/// organizations, badges, the Spanish twin and the address. The same content as
/// `--dump links` (`PageLinksDump`), wrapped to the width and styled for the pager; an
/// address stands unbroken on its own line and may run past the width.
public enum LinksList {
  public static func render(
    _ page: Page, width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    text(page, width: width, glyphs: glyphs).rendered(style: style)
  }

  /// The list as lines, for the pager or medterm's own text view.
  public static func text(_ page: Page, width: Int, glyphs: Glyphs = .unicode) -> PagerText {
    var writer = PagerTextWriter(width: width, glyphs: glyphs)
    let title = "Links of " + PagerSanitizer.text(page.title)
    writer.title(title)
    guard !page.links.isEmpty else {
      writer.blank()
      writer.wrap([StyledSpan("(this page has no links)", .dim)])
      return writer.text(title: title)
    }
    let options = PagerTextWriter.LinkEntryOptions(
      indent: 2, numberWidth: PagerTextWriter.numberWidth(count: page.links.count),
      details: true, missingAddress: "(no address in this copy)")
    var currentSection: Int?? = .none
    for (index, link) in page.links.enumerated() {
      if currentSection != .some(link.section) {
        currentSection = .some(link.section)
        let title = link.section.flatMap { page.sections.indices.contains($0) ? $0 : nil }
          .map { page.sections[$0].title }
        writer.heading(title ?? "(outside any section)")
      }
      writer.linkEntry(PagerSanitizer.link(link), number: index + 1, options: options)
    }
    if !page.furnitureLinks.isEmpty {
      // Menus, footers and related lists: not the article's, still the page's (R shows them
      // in place).
      writer.heading("Outside the article")
      for link in page.furnitureLinks {
        let link = PagerSanitizer.link(link)
        writer.wrap(
          [StyledSpan(link.title.isEmpty ? "(untitled link)" : link.title, .link)],
          prefix: [StyledSpan("  - ")], continuation: [StyledSpan("    ")])
        writer.url(link.url ?? "(no address)", indent: 4, role: .dim)
      }
    }
    return writer.text(title: title)
  }
}
