import Foundation

/// Pages made to hurt a terminal browser: escape sequences that would set the window title
/// or the clipboard, bidi overrides, a 1 MB line, 100,000 sections, 1,000,000 links,
/// 10,000 levels of nesting, zero-width and combining characters, and a MedlinePlus page
/// with nothing in its menu. Written once per test run into a temporary directory (the
/// largest is about 40 MB) and shared by every test that asks; removed when the run ends.
enum HostilePages {
  /// One generated page and what a test may expect of it on screen.
  struct Page: Sendable, CustomStringConvertible {
    /// The file name, which also chooses the form (`.md` or `.html`).
    let name: String
    /// Text the first screen shows once the page is up.
    let marker: String
    /// True when the page is longer than a screen and has several sections and links, so
    /// `G`, `]` and `}` each change the screen.
    let moves: Bool
    /// Large enough that its keypress-to-repaint time is worth reporting.
    let isBig: Bool

    var path: String { HostilePages.directory.appendingPathComponent(name).path }
    var description: String { name }
  }

  static let all: [Page] = [
    Page(name: "escapes.md", marker: "Escapes", moves: true, isBig: false),
    Page(name: "escapes.html", marker: "Escapes", moves: true, isBig: false),
    Page(name: "bidi.md", marker: "Bidi", moves: true, isBig: false),
    Page(name: "zero-width.md", marker: "Zero", moves: true, isBig: false),
    Page(name: "no-links.html", marker: "Nothing Here", moves: false, isBig: false),
    Page(name: "nested.html", marker: "Nested", moves: true, isBig: false),
    Page(name: "nested.md", marker: "Nested", moves: true, isBig: false),
    Page(name: "long-line.md", marker: "Long Line", moves: true, isBig: true),
    Page(name: "sections.md", marker: "Many Sections", moves: true, isBig: true),
    Page(name: "links.md", marker: "Many Links", moves: true, isBig: true),
  ]

  /// The pages the tests run on: all of them, or those `HOSTILE_PAGES` names (comma
  /// separated), to try one page by hand without the slow ones.
  static var selected: [Page] {
    guard let names = ProcessInfo.processInfo.environment["HOSTILE_PAGES"], !names.isEmpty else {
      return all
    }
    let wanted = Set(names.split(separator: ",").map(String.init))
    return all.filter { wanted.contains($0.name) }
  }

  /// The directory, with every page written: generated on first use, once per process.
  static let directory: URL = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "medterm-hostile-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in generators {
      let data = Data(text().utf8)
      try? data.write(to: directory.appendingPathComponent(name))
    }
    // A C callback cannot capture: it reads the path from the static property again.
    atexit { try? FileManager.default.removeItem(at: HostilePages.directory) }
    return directory
  }()

  private static let generators: [(String, @Sendable () -> String)] = [
    ("escapes.md", escapesMarkdown), ("escapes.html", escapesHTML), ("bidi.md", bidi),
    ("zero-width.md", zeroWidth), ("no-links.html", noLinks), ("nested.html", nestedHTML),
    ("nested.md", nestedMarkdown), ("long-line.md", longLine), ("sections.md", manySections),
    ("links.md", manyLinks),
  ]

  // MARK: - Escape sequences

  static let esc = "\u{1B}"
  static let bel = "\u{07}"
  static let st = "\u{1B}\\"
  /// Sets the window title (OSC 0 and 2): the pane title would become "owned".
  static let setTitle = "\u{1B}]0;owned\u{07}\u{1B}]2;owned\u{1B}\\"
  /// Sets the clipboard (OSC 52): "owned" in base64; tmux makes it a paste buffer.
  static let setClipboard = "\u{1B}]52;c;b3duZWQ=\u{07}"
  /// The same, through tmux's passthrough (DCS tmux; …).
  static let passthrough = "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;b3duZWQ=\u{07}\u{1B}\\"
  /// Clears the screen, homes the cursor, leaves the alternate screen, colours red; and the
  /// 8-bit CSI (U+009B) spelling.
  static let screenControls = "\u{1B}[2J\u{1B}[H\u{1B}[?1049l\u{1B}[31m\u{9B}2J\u{9B}H"
  /// An OSC 8 hyperlink around `text`.
  static func hyperlink(_ text: String) -> String {
    "\u{1B}]8;;http://evil.example/\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\"
  }
  static var everything: String { setTitle + setClipboard + passthrough + screenControls }

  /// In Markdown the sequences' own `]` and `(` would end a link's text or address, and a
  /// backslash would escape the next reference, so inside links they are spelled as numeric
  /// character references.
  static func referenced(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
        || "[]()\\".unicodeScalars.contains(scalar)
      {
        output += "&#\(scalar.value);"
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  private static func escapesMarkdown() -> String {
    var text = "# Escapes \(everything)title\n\nAlso called: alias \(setTitle)one, two\n\n"
    for index in 1...40 {
      text += "## Section \(index) \(setClipboard)\(screenControls)heading\n\n"
      text += "Text \(everything) and \(hyperlink("an OSC 8 link")) in a paragraph, "
      text += "raw \(screenControls)controls.\n\n"
      text += "- [Link \(referenced(everything)) text \(index)]"
      text += "(https://example.com/\(referenced(setClipboard))/\(index))\n"
      text += "- [Plain link \(index)](https://example.com/\(index)\(referenced(setTitle)))\n"
      text += "- <https://example.com/auto\(referenced(setClipboard))>\n\n"
    }
    return text
  }

  /// HTML allows the sequences raw and as references (`&#27;`, `&#x9B;`); both are used.
  private static func escapesHTML() -> String {
    let referencedAll = everything.unicodeScalars.map {
      $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "&#\($0.value);" : String($0)
    }.joined()
    var text = """
      <!DOCTYPE html><html><head><title>Escapes \(everything)\(referencedAll)</title></head>
      <body><h1>Escapes \(everything)</h1>

      """
    for index in 1...40 {
      text += "<h2>Section \(index) \(referencedAll)</h2>\n"
      text += "<p>Text \(everything) and \(hyperlink("an OSC 8 link")) \(referencedAll).</p>\n"
      text +=
        "<ul><li><a href=\"https://example.com/\(index)\(setClipboard)\">Link \(everything)</a>"
      text += "</li><li><a href=\"https://example.com/&#27;]52;c;b3duZWQ=&#7;/\(index)\">"
      text += "Link \(referencedAll)</a></li>"
      text += "<li><img alt=\"Image \(referencedAll)\" src=\"x.png\"></li></ul>\n"
    }
    return text + "</body></html>\n"
  }

  // MARK: - Unicode

  private static let overrides = [
    "\u{202E}", "\u{202D}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{2066}", "\u{2067}",
    "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
  ]

  private static func bidi() -> String {
    let all = overrides.joined()
    var text = "# Bidi \u{202E}txt.exe\u{202C} title\n\n"
    for index in 1...40 {
      text += "## Section \(index) \u{202E}desrever\u{202C} \(all)\n\n"
      text += "Reversed \u{202E}gnirts a si siht\u{202C} and isolated \u{2067}abc\u{2069} "
      text += "text, Arabic \u{0627}\u{0644}\u{0639}\u{0631}\u{0628}\u{064A}\u{0629} and "
      text += "Hebrew \u{05E2}\u{05D1}\u{05E8}\u{05D9}\u{05EA} mixed.\n\n"
      text += "- [Link \u{202E}fdp.exe\u{202C} \(index)](https://example.com/\u{202E}gpj.exe)\n"
      text += "- [Isolated \(all) \(index)](https://example.com/\(index))\n\n"
    }
    return text
  }

  private static func zeroWidth() -> String {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
    let rainbowFlag = "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"
    let thumbs = "\u{1F44D}\u{1F3FD}"
    let flag = "\u{1F1FA}\u{1F1F8}"
    let heart = "\u{2764}\u{FE0F}"
    let zalgo = "e" + String(repeating: "\u{0301}\u{0316}", count: 10)
    let zero = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{FE0F}\u{034F}"
    let wide = "\u{8840}\u{6DB2}\u{691C}\u{67FB} \u{D55C}\u{AD6D}\u{C5B4}"
    let sample = "\(family) \(rainbowFlag) \(thumbs) \(flag) \(heart) \(zalgo) \(zero) \(wide)"
    var text = "# Zero \(family) width \(zalgo)\n\n"
    for index in 1...40 {
      text += "## Section \(index) \(zalgo)\(family)\(zero)\n\n"
      // Lines packed with clusters so that wrapping has to split next to them.
      text += String(repeating: "\(sample) ", count: 12) + "\n\n"
      text += String(repeating: zalgo, count: 200) + "\n\n"
      text += String(repeating: family, count: 60) + "\n\n"
      text += "- [Link \(family)\(zalgo) \(index)](https://example.com/\(index)\(zero))\n"
      text += "- [\(zero)](https://example.com/zero\(index))\n\n"
    }
    return text
  }

  // MARK: - Structure

  /// The MedlinePlus topic markup with every menu group empty.
  private static func noLinks() -> String {
    let groups = [
      "Basics", "Learn More", "See, Play and Learn", "Research", "Resources", "For You",
    ]
    let columns = groups.map {
      """
          <div class="toccolumn"><h3>\($0)</h3>
            <ul class="bulletlist"><li>No links available</li></ul></div>

      """
    }.joined()
    return """
      <!DOCTYPE html>
      <html lang="en" id="health-topic"><head><meta charset="utf-8">
      <title>Nothing Here | MedlinePlus</title>
      <link rel="canonical" href="https://medlineplus.gov/nothinghere.html"></head>
      <body><div id="mplus-content"><article>
      <div class="page-info"><div class="page-title syndicate">
        <h1 itemprop="name">Nothing Here</h1></div></div>
      <div class="main"><section id="toc-section"><div id="table-of-contents">
        <span class="toc-label">On this page</span>
      \(columns)
      </div></section></div></article></div></body></html>

      """
  }

  static let nestingDepth = 10_000

  private static func nestedHTML() -> String {
    var text = "<!DOCTYPE html><html><head><title>Nested</title></head><body><h1>Nested</h1>\n"
    text += "<h2>Lists</h2>\n"
    for level in 1...nestingDepth { text += "<ul><li>level \(level)\n" }
    text += String(repeating: "</li></ul>", count: nestingDepth) + "\n"
    text += "<h2>Quotes</h2>\n" + String(repeating: "<blockquote>", count: nestingDepth)
    text += "deep" + String(repeating: "</blockquote>", count: nestingDepth) + "\n"
    text += "<h2>Divs</h2>\n" + String(repeating: "<div><ol><li>", count: nestingDepth)
    text += "<a href=\"https://example.com/deep\">deep link</a>\n</body></html>\n"
    return text
  }

  /// Markdown nests by indentation, which grows the file with the square of the depth, so
  /// the 10,000 levels are spelled as list markers on one line (`- - - x`, which CommonMark
  /// reads as nested lists) and as quote markers; indentation goes 1,000 levels deep.
  private static func nestedMarkdown() -> String {
    var text = "# Nested\n\n## Markers\n\n"
    text += String(repeating: "- ", count: nestingDepth) + "deep\n\n"
    text += String(repeating: "1. ", count: nestingDepth) + "deep\n\n"
    text += "## Quotes\n\n" + String(repeating: "> ", count: nestingDepth) + "deep\n\n"
    text += "## Indented\n\n"
    for level in 0..<1_000 {
      text += String(repeating: "  ", count: level) + "- level \(level)\n"
    }
    text += "\n## After\n\n[a link](https://example.com/after)\n"
    return text
  }

  /// One paragraph of 1 MB on one line: words, with an unbreakable run now and then.
  private static func longLine() -> String {
    var line = ""
    line.reserveCapacity(1_100_000)
    var index = 0
    while line.utf8.count < 1_000_000 {
      index += 1
      line += index % 500 == 0 ? String(repeating: "x", count: 4_000) + " " : "word\(index) "
    }
    return "# Long Line\n\n## One Line\n\n\(line)\n\n## After\n\n[a link](https://example.com/)\n"
  }

  static let sectionCount = 100_000

  private static func manySections() -> String {
    var text = "# Many Sections\n\n"
    text.reserveCapacity(sectionCount * 40)
    for index in 1...sectionCount {
      text +=
        "## Section \(index)\n\nText of section \(index) [link](https://example.com/\(index)).\n\n"
    }
    return text
  }

  static let linkCount = 1_000_000

  /// A million links in a hundred sections.
  private static func manyLinks() -> String {
    var text = "# Many Links\n\n"
    text.reserveCapacity(linkCount * 45)
    for index in 0..<linkCount {
      if index % 10_000 == 0 { text += "\n## Links from \(index + 1)\n\n" }
      text += "- [Link \(index + 1)](https://example.com/\(index + 1))\n"
    }
    return text
  }
}
