import MedlinePlus

/// `=` with no link selected: what medterm knows about the page itself, as lynx's
/// information page shows it: title, address, language, what it was read from, its size in
/// sections and links, and where the reader is.
public enum PageInfo {
  public static func text(
    _ page: Page, address: String?, position state: BrowserState, width: Int
  ) -> PagerText {
    var writer = PagerTextWriter(width: width, glyphs: state.glyphs)
    let page = PagerSanitizer.page(page)
    let title = page.title.isEmpty ? "(untitled page)" : page.title
    writer.title(title)
    writer.blank()
    let labels = Label.allCases.map(\.rawValue)
    let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
    if let address, !address.isEmpty {
      writer.urlField(Label.address.rawValue, address, labelWidth: labelWidth)
    } else {
      writer.field(
        Label.address.rawValue, [StyledSpan("none (read from standard input)", .dim)],
        labelWidth: labelWidth)
    }
    if !page.alsoCalled.isEmpty {
      writer.field(
        Label.alsoCalled.rawValue, [StyledSpan(page.alsoCalled.joined(separator: ", "))],
        labelWidth: labelWidth)
    }
    if let language = page.language {
      writer.field(Label.language.rawValue, [StyledSpan(language)], labelWidth: labelWidth)
    }
    writer.field(
      Label.readAs.rawValue, [StyledSpan(description(of: page.format))], labelWidth: labelWidth)
    writer.field(
      Label.sections.rawValue, [StyledSpan("\(page.sections.count)")], labelWidth: labelWidth)
    writer.field(Label.links.rawValue, [StyledSpan("\(page.links.count)")], labelWidth: labelWidth)
    if page.sections.indices.contains(state.currentSection) {
      let section = page.sections[state.currentSection].title
      writer.field(
        Label.reading.rawValue,
        [StyledSpan("\(section), \(state.percentThrough)% through the page")],
        labelWidth: labelWidth)
    }
    if let description = page.summaryDescription, !description.isEmpty {
      writer.blank()
      writer.wrap([StyledSpan(description)])
    }
    return writer.text(title: "About \(title)")
  }

  private enum Label: String, CaseIterable {
    case address = "Address"
    case alsoCalled = "Also called"
    case language = "Language"
    case readAs = "Read as"
    case sections = "Sections"
    case links = "Links"
    case reading = "Reading"
  }

  private static func description(of format: SourceFormat) -> String {
    switch format {
    case .textDump: "a text dump (link titles, no addresses)"
    case .markdown: "Markdown"
    case .html: "HTML"
    case .healthTopicsXML: "a topic of a health-topics XML file"
    }
  }
}
