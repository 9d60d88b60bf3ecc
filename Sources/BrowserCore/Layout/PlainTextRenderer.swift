import MedlinePlus

/// A page as plain text, laid out as the content pane shows it but without what only helps
/// on screen (link numbers, image placeholders, the title twice): `--dump text`, Save as
/// text, and the fallback for terminals without cursor addressing. `--dump links` lists the
/// links.
public enum PlainTextRenderer {
  public static func render(_ page: Page, width: Int, glyphs: Glyphs = .unicode) -> String {
    var out: [String] = []
    for line in TextWrapper.wrap([StyledSpan(page.title, .title)], width: width) {
      out.append(line.map(\.text).joined())
    }
    if let byline = page.byline {
      for line in TextWrapper.wrap([StyledSpan(ScreenComposer.byline(byline))], width: width) {
        out.append(line.map(\.text).joined())
      }
    }
    if !page.alsoCalled.isEmpty {
      let text = "Also called: " + page.alsoCalled.joined(separator: ", ")
      for line in TextWrapper.wrap([StyledSpan(text)], width: width) {
        out.append(line.map(\.text).joined())
      }
    }
    out.append("")
    let layout = ContentLayout(page: page, width: width, glyphs: glyphs, options: .plainText)
    out += layout.lines.map(\.plainText)
    return out.joined(separator: "\n") + "\n"
  }
}
