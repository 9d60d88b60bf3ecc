import MedlinePlus

/// Everything medterm knows about one link, for when it cannot show what the link points
/// at: the link has no address in this copy of the page (the seed's text dump lost them
/// all), its fetch failed, or it was refused. Labelled fields in one aligned column; an
/// address stands unbroken on its line and may run past the width.
public enum LinkCard {
  public static func render(
    link: Link, number: Int, page: Page, error: String?, width: Int, style: PagerStyle,
    glyphs: Glyphs = .unicode
  ) -> String {
    text(link: link, number: number, page: page, error: error, width: width, glyphs: glyphs)
      .rendered(style: style)
  }

  /// The card as lines, for the pager or medterm's own text view. `number` and `page` say
  /// where the link is; nil for an address typed or picked from a list.
  public static func text(
    link: Link, number: Int?, page: Page?, error: String?, width: Int, glyphs: Glyphs = .unicode
  ) -> PagerText {
    let link = PagerSanitizer.link(link)
    var writer = PagerTextWriter(width: width, glyphs: glyphs)
    let title = link.title.isEmpty ? "(untitled link)" : link.title
    writer.title(title)
    let address = link.url.flatMap { $0.isEmpty ? nil : $0 }
    if error != nil {
      writer.wrap([StyledSpan("medterm could not open this link.")])
    } else if address == nil {
      writer.wrap([StyledSpan("This link has no address in this copy of the page.")])
    }
    writer.blank()

    let labels = Label.allCases.map(\.rawValue)
    let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
    if let number, let page {
      writer.field(
        Label.link.rawValue, [StyledSpan(placement(number: number, page: page))],
        labelWidth: labelWidth)
    }
    if !link.organizations.isEmpty {
      writer.field(
        Label.organizations.rawValue,
        [StyledSpan(link.organizations.joined(separator: ", "), .organization)],
        labelWidth: labelWidth)
    }
    if let page, let section = link.section, page.sections.indices.contains(section) {
      writer.field(
        Label.section.rawValue, [StyledSpan(PagerSanitizer.text(page.sections[section].title))],
        labelWidth: labelWidth)
    }
    if !link.badges.isEmpty {
      writer.field(
        Label.badges.rawValue,
        [StyledSpan(link.badges.map(\.rawValue).joined(separator: ", "), .badge)],
        labelWidth: labelWidth)
    }
    if link.alsoInSpanish {
      if let spanish = link.spanishURL, !spanish.isEmpty {
        writer.urlField(Label.spanish.rawValue, spanish, labelWidth: labelWidth)
      } else {
        writer.field(
          Label.spanish.rawValue, [StyledSpan("yes (its address is not in this copy)", .dim)],
          labelWidth: labelWidth)
      }
    }
    if let address {
      writer.urlField(Label.address.rawValue, address, labelWidth: labelWidth)
    } else {
      writer.field(
        Label.address.rawValue, [StyledSpan(missingAddress(in: page))], labelWidth: labelWidth)
    }
    if let error {
      // The error as given, one field line per line of it, only cleaned of controls.
      let lines = PagerSanitizer.lines(error).split(separator: "\n").map(String.init)
      for (position, line) in (lines.isEmpty ? [""] : lines).enumerated() {
        writer.field(
          position == 0 ? Label.error.rawValue : "", [StyledSpan(line)], labelWidth: labelWidth)
      }
    }
    return writer.text(title: title)
  }

  /// Where a link is: "3 of 12 on “Osteonecrosis”".
  static func placement(number: Int, page: Page) -> String {
    let pageTitle = PagerSanitizer.text(page.title)
    var placement = "\(number) of \(page.links.count)"
    if !pageTitle.isEmpty { placement += " on \u{201C}\(pageTitle)\u{201D}" }
    return placement
  }

  private enum Label: String, CaseIterable {
    case link = "Link"
    case organizations = "Organizations"
    case section = "Section"
    case badges = "Badges"
    case spanish = "Also in Spanish"
    case address = "Address"
    case error = "Error"
  }

  private static func missingAddress(in page: Page?) -> String {
    switch page?.format ?? .html {
    case .textDump:
      "no address in this copy of the page: it was read from a text dump, which keeps the "
        + "titles of links but not their addresses"
    case .markdown, .html, .healthTopicsXML:
      "no address in this copy of the page"
    }
  }
}
