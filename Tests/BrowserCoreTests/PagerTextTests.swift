import BrowserCore
import MedlinePlus
import Testing

/// The text medterm pipes to the pager: web pages with footnoted links, link cards, binary
/// cards, plain text and the `L` list. What matters most here is the boundary: nothing but
/// bold and underline may reach the pager, whatever the page holds.
@Suite struct PagerTextTests {
  static let webPages = [
    "lemonde-1", "mercurial", "hukumusume", "iab-1", "google-sre-book-1", "medicalnewstoday",
  ]
  static let pages: [Page] =
    webPages.map { Pages.file("web/\($0).source.html") } + [Pages.seed, Pages.highBloodPressure]

  // MARK: Footnotes

  @Test(arguments: ["lemonde-1", "mercurial", "iab-1"])
  func footnoteNumbersAreThePageLinkNumbers(_ name: String) throws {
    let page = Pages.file("web/\(name).source.html")
    try #require(!page.links.isEmpty)
    let text = PagerDocument.render(page, width: 80, style: .plain)
    let (body, footnotes) = try #require(Self.splitFootnotes(text))

    // Every link the body shows is marked with its page number, right after its text.
    let flowing = body.joined(separator: " ")
    for (index, words) in Self.linkTexts(of: page) {
      guard let last = words.last else { continue }
      #expect(
        flowing.contains(last + "[\(index + 1)]") || flowing.contains(last + " [\(index + 1)]"),
        "link \(index + 1) (\(words))")
    }
    // No marker in the body names a link that is not there.
    for number in Self.markers(in: flowing) {
      #expect((1...page.links.count).contains(number), "marker [\(number)]")
    }
    // The list at the end: every link once, in order, with its own address.
    #expect(footnotes.map(\.number) == Array(1...page.links.count))
    for entry in footnotes {
      let link = page.links[entry.number - 1]
      #expect(entry.lines.contains(link.url ?? "(no address)"), "footnote \(entry.number)")
      let title = link.title.isEmpty ? "(untitled link)" : link.title
      #expect(entry.title == title.split(separator: " ").joined(separator: " "))
    }
  }

  @Test func resourceListsAreFootnotedToo() throws {
    let page = Pages.highBloodPressure
    let text = PagerDocument.render(page, width: 100, style: .plain)
    let index = try #require(
      page.links.firstIndex { $0.title == "What Is High Blood Pressure?" && !$0.badges.isEmpty })
    #expect(text.contains("What Is High Blood Pressure?[\(index + 1)] NIH Video"))
    let (_, footnotes) = try #require(Self.splitFootnotes(text))
    #expect(footnotes[index].lines.contains("https://www.nhlbi.nih.gov/health/high-blood-pressure"))
  }

  @Test func titleHeadingsImagesAndPreformattedText() throws {
    let page = Page(
      title: "Pager test", format: .markdown,
      sections: [
        Section(
          id: "one", title: "First part", level: 2,
          blocks: [
            .paragraph([TextRun("Read "), TextRun("the manual", link: 0), TextRun(" first.")]),
            .image(alt: "A diagram of the hip", url: "hip.png"),
            .preformatted([TextRun("$ hg log\n\tindented   by a tab\n\n\nafter two blank lines")]),
            .table(Table(rows: [["Drug", "Dose"], ["Aspirin", "81 mg"]], hasHeader: true)),
          ])
      ],
      links: [Link(title: "the manual", url: "https://example.org/manual", kind: .inline)])
    let plain = PagerDocument.render(page, width: 60, style: .plain)
    let lines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Pager test")
    #expect(lines[1] == String(repeating: "─", count: 10))
    #expect(plain.contains("Read the manual[1] first."))
    #expect(plain.contains("[image: A diagram of the hip]"))
    #expect(plain.contains("$ hg log\n        indented   by a tab\n\n\nafter two blank lines"))
    #expect(plain.contains("Drug    │ Dose"))
    #expect(plain.hasSuffix("Links\n[1] the manual\n    https://example.org/manual\n"))

    let sgr = PagerDocument.render(page, width: 60, style: .sgr)
    #expect(sgr.hasPrefix("\u{1B}[1mPager test\u{1B}[22m\n"))
    #expect(sgr.contains("\n\u{1B}[1mFirst part\u{1B}[22m\n"))
    #expect(sgr.contains("Read \u{1B}[4mthe manual\u{1B}[24m[1] first."))
    #expect(PagerStyle.stripSGR(sgr) == plain)
  }

  // MARK: Widths and styles

  /// Every line fits the width, except a line that is only an address (or "label address"):
  /// addresses are never broken, so that they can be copied whole.
  @Test(arguments: [30, 40, 80, 132])
  func linesFitTheWidthExceptAddresses(_ width: Int) {
    for page in Self.pages {
      let addresses = Self.addresses(of: page)
      let outputs = [
        PagerDocument.render(page, width: width, style: .plain),
        PagerDocument.render(page, width: width, style: .plain, glyphs: .ascii),
        LinksList.render(page, width: width, style: .plain),
      ]
      for output in outputs {
        for line in output.split(separator: "\n") where DisplayWidth.of(line) > width {
          let last = line.split(separator: " ").last.map(String.init) ?? ""
          #expect(
            addresses.contains(last) || addresses.contains(Self.percentDecoded(last)),
            "\(page.title) at \(width): \(line)")
        }
      }
    }
  }

  @Test func plainHasNoEscapeAndSGRHasOnlyBoldAndUnderline() {
    for page in Self.pages {
      let plain = PagerDocument.render(page, width: 80, style: .plain)
      #expect(!plain.unicodeScalars.contains("\u{1B}"), "\(page.title)")
      #expect(Self.forbidden(in: plain).isEmpty, "\(page.title)")

      let sgr = PagerDocument.render(page, width: 80, style: .sgr)
      #expect(Self.forbidden(in: sgr).isEmpty, "\(page.title)")
      #expect(sgr.contains(Self.bold) && sgr.contains(Self.boldOff), "\(page.title)")
      #expect(PagerStyle.stripSGR(sgr) == plain, "\(page.title)")

      let links = LinksList.render(page, width: 80, style: .sgr)
      #expect(Self.forbidden(in: links).isEmpty)
      #expect(PagerStyle.stripSGR(links) == LinksList.render(page, width: 80, style: .plain))
    }
    let lemonde = PagerDocument.render(
      Pages.file("web/lemonde-1.source.html"), width: 80, style: .sgr)
    #expect(lemonde.contains(Self.underline) && lemonde.contains(Self.underlineOff))
  }

  @Test func everyLineClosesItsAttributes() {
    let text = PagerDocument.render(Pages.file("web/lemonde-1.source.html"), width: 50, style: .sgr)
    for line in text.split(separator: "\n") {
      #expect(line.ranges(of: Self.bold).count == line.ranges(of: Self.boldOff).count, "\(line)")
      #expect(
        line.ranges(of: Self.underline).count == line.ranges(of: Self.underlineOff).count,
        "\(line)")
    }
  }

  // MARK: A hostile page

  static let hostile =
    "A\u{1B}[2J\u{1B}]52;c;U0VDUkVU\u{07}\u{1B}]8;;https://evil.example/\u{07}B"
    + "\u{1B}]8;;\u{07}\u{9B}31mC\u{202E}D\u{2066}E\u{0085}F\r\u{7F}\u{1B}P1;2q\u{1B}\\G"

  static let hostilePage = Page(
    title: "Title " + hostile, alsoCalled: ["Also " + hostile],
    origin: "https://o.example/" + hostile,
    format: .html,
    sections: [
      Section(
        id: "s", title: "Section " + hostile, subtitle: hostile, level: 2,
        blocks: [
          .heading(level: 3, [TextRun("Heading " + hostile)]),
          .paragraph([TextRun("Text " + hostile), TextRun("link " + hostile, link: 0)]),
          .list(ordered: false, items: [[.paragraph([TextRun(hostile, link: 1)])]]),
          .table(Table(rows: [["H" + hostile, "x"], [hostile, "y"]], hasHeader: true)),
          .image(alt: "alt " + hostile, url: hostile),
          .preformatted([TextRun("pre\t" + hostile + "\nline")]),
          .quote([.paragraph([TextRun(hostile)])]),
          .attribution(hostile),
          .resources([1]),
        ])
    ],
    links: [
      Link(
        title: "Link " + hostile, url: "https://x.example/" + hostile, kind: .inline, section: 0),
      Link(
        title: hostile, url: "https://y.example/" + hostile, organizations: ["Org " + hostile],
        badges: [.nih], alsoInSpanish: true, spanishURL: "https://es.example/" + hostile,
        section: 0),
    ])

  @Test func aHostileModelCannotDriveTheTerminal() {
    let page = Self.hostilePage
    var outputs: [String] = []
    for style in [PagerStyle.sgr, .plain] {
      for glyphs in [Glyphs.unicode, .ascii] {
        outputs.append(PagerDocument.render(page, width: 60, style: style, glyphs: glyphs))
        outputs.append(LinksList.render(page, width: 60, style: style, glyphs: glyphs))
        for (index, link) in page.links.enumerated() {
          outputs.append(
            LinkCard.render(
              link: link, number: index + 1, page: page, error: "failed: " + Self.hostile,
              width: 60, style: style, glyphs: glyphs))
          outputs.append(
            BinaryCard.render(
              link: link, number: index + 1, url: link.url ?? "", contentType: Self.hostile,
              size: 12, width: 60, style: style, glyphs: glyphs))
        }
        outputs.append(
          PlainTextPager.render(
            "body " + Self.hostile + "\n", url: "https://t.example/" + Self.hostile, width: 60,
            style: style, glyphs: glyphs))
      }
    }
    for output in outputs {
      #expect(Self.forbidden(in: output).isEmpty, "\(output)")
      // The payloads of the sequences went with them.
      #expect(!output.contains("U0VDUkVU"))
      #expect(!output.contains("evil.example"))
      #expect(!output.contains("[2J"))
      #expect(!output.contains("31m"))
      #expect(output.contains("ABCDEFG") || output.contains("ABCDEF G"), "\(output)")
    }
  }

  /// Through the readers. libxml2 drops raw control bytes before the reader's own cleaning
  /// sees them, so the printable remains of a sequence ("[2J") may show as text: harmless,
  /// as long as no control character gets through. Markdown link text cannot hold the
  /// brackets of ESC [ or OSC (nor a URL its parentheses), so its links carry C1 CSI, ESC 7
  /// and bidi controls instead.
  @Test(arguments: ["html", "markdown"])
  func aHostileSourceReadByTheReadersCannotEither(_ kind: String) throws {
    let h = Self.hostile
    let quiet = "\u{9B}31m\u{202E}\u{2066}\u{1B}7x"
    let source =
      kind == "html"
      ? """
      <html><head><title>T \(h)</title></head><body><h1>Title \(h) &#x1b;[2J &#x202e;x</h1>
      <p>Text \(h) <a href="https://x.example/\(h)">link \(h) &#x9b;31m &#x1b;]52;c;QQ&#x7;</a></p>
      <h2>Part \(h)</h2><ul><li><a href="https://y.example/\(quiet)">item \(h)</a></li></ul>
      <pre>pre \(h)</pre><img alt="alt \(h)" src="i.png"></body></html>
      """
      : """
      # Title \(h)

      Text \(h) [link \(quiet)](https://x.example/\(quiet)) and more.

      ## Part \(h)

      - [item \(quiet)](https://y.example/\(quiet))

      ```
      pre \(h)
      ```

      ![alt \(quiet)](i.png)
      """
    let page = Pages.page(Array(source.utf8))
    try #require(page.links.count == 2)
    for style in [PagerStyle.sgr, .plain] {
      let outputs = [
        PagerDocument.render(page, width: 60, style: style),
        LinksList.render(page, width: 60, style: style),
        LinkCard.render(
          link: page.links[0], number: 1, page: page, error: h, width: 60, style: style),
      ]
      for output in outputs {
        #expect(Self.forbidden(in: output).isEmpty, "\(output)")
      }
    }
  }

  // MARK: Link cards

  @Test func cardForTheSeedsLinkWithoutAnAddress() throws {
    let page = Pages.seed
    let index = try #require(
      page.links.firstIndex { $0.title == "Legg-Calvé-Perthes Disease (For Parents)" })
    let card = LinkCard.render(
      link: page.links[index], number: index + 1, page: page, error: nil, width: 80,
      style: .plain)
    let lines = card.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Legg-Calvé-Perthes Disease (For Parents)")
    #expect(lines[1] == String(repeating: "─", count: 40))
    #expect(lines[2] == "This link has no address in this copy of the page.")
    #expect(
      lines.contains("Link             \(index + 1) of \(page.links.count) on “Osteonecrosis”"))
    #expect(lines.contains("Organizations    Nemours Foundation"))
    #expect(lines.contains("Section          Children"))
    #expect(
      card.contains(
        "Address          no address in this copy of the page: it was read from a text\n"
          + "                 dump, which keeps the titles of links but not their addresses"))
    #expect(!card.contains("Error"))
    for line in lines { #expect(DisplayWidth.of(line) <= 80) }
  }

  @Test func cardForAFailedFetchShowsEveryField() throws {
    let page = Pages.highBloodPressure
    let index = try #require(
      page.links.firstIndex { $0.title == "What Is High Blood Pressure?" && !$0.badges.isEmpty })
    let link = page.links[index]
    let error = "The request timed out after 20 seconds (www.nhlbi.nih.gov)."
    let card = LinkCard.render(
      link: link, number: index + 1, page: page, error: error, width: 100, style: .plain)
    let lines = card.split(separator: "\n").map(String.init)
    #expect(lines[0] == "What Is High Blood Pressure?")
    #expect(lines[2] == "medterm could not open this link.")
    #expect(
      lines.contains(
        "Link             \(index + 1) of \(page.links.count) on “High Blood Pressure”"))
    #expect(lines.contains("Organizations    National Heart, Lung, and Blood Institute"))
    #expect(lines.contains("Section          Start Here"))
    #expect(lines.contains("Badges           NIH, Video"))
    #expect(
      lines.contains("Also in Spanish  https://www.nhlbi.nih.gov/es/salud/presion-arterial-alta"))
    #expect(lines.contains("Address          https://www.nhlbi.nih.gov/health/high-blood-pressure"))
    #expect(lines.contains("Error            " + error))

    // Narrow: labels stand above their values; the long error wraps under its label.
    let narrow = LinkCard.render(
      link: link, number: index + 1, page: page, error: error, width: 30, style: .sgr)
    #expect(narrow.contains("\(Self.bold)Error\(Self.boldOff)\n  The request timed out after\n"))
  }

  // MARK: Binary and plain text

  @Test func binaryCardSaysWhatItIsAndHowToKeepIt() {
    let link = Link(title: "Brochure (PDF)", url: "https://example.org/files/brochure.pdf")
    let card = BinaryCard.render(
      link: link, number: 7, url: "https://example.org/files/brochure.pdf",
      contentType: "application/pdf", size: 2_345_678, width: 80, style: .plain)
    #expect(
      card == """
        Brochure (PDF)
        ──────────────
        This link leads to a PDF document, which medterm cannot show as text.

        Link     7
        Type     application/pdf
        Size     2.3 MB (2,345,678 bytes)
        Address  https://example.org/files/brochure.pdf

        To keep it, open the address in a web browser, or save it with:
          curl -L -o brochure.pdf 'https://example.org/files/brochure.pdf'

        """)
    #expect(!card.contains("| sh") && !card.contains("bash"))
    // Opened from a page, it says where the link is, as the link card does.
    let page = Page(title: "Hub", format: .markdown, links: [link, link])
    let placed = BinaryCard.render(
      link: link, number: 2, page: page, url: "https://example.org/files/brochure.pdf",
      contentType: "application/pdf", size: 1, width: 80, style: .plain)
    #expect(placed.contains("Link     2 of 2 on \u{201C}Hub\u{201D}\n"))

    let image = BinaryCard.render(
      link: nil, number: nil, url: "https://example.org/-rf?x='1'", contentType: "IMAGE/PNG",
      size: nil, width: 80, style: .plain)
    #expect(image.hasPrefix("A file from example.org\n"))
    #expect(image.contains("an image (PNG)"))
    #expect(image.contains("Size     unknown"))
    #expect(image.contains("curl -L -o rf 'https://example.org/-rf?x='\\''1'\\'''"))
  }

  @Test func sizesInHumanUnits() {
    let card = { (size: Int) in
      BinaryCard.render(
        link: nil, number: nil, url: "https://e.example/f", contentType: nil, size: size,
        width: 80, style: .plain)
    }
    #expect(card(1).contains("Size     1 byte\n"))
    #expect(card(999).contains("Size     999 bytes\n"))
    #expect(card(1000).contains("Size     1.0 kB (1,000 bytes)\n"))
    #expect(card(15_500).contains("Size     16 kB (15,500 bytes)\n"))
    #expect(card(123_456_789).contains("Size     123 MB (123,456,789 bytes)\n"))
    #expect(card(3_000_000_000).contains("Size     3.0 GB (3,000,000,000 bytes)\n"))
    #expect(card(5).contains("Type     not given by the server"))
  }

  @Test func plainTextKeepsTabsAndNewlinesOnly() {
    let body = Array(
      "Name\tDose\r\nAspirin\t81 mg\n\u{1B}[2Jgone\u{1B}]52;c;U0VDUkVU\u{07}\u{9B}1m!\n".utf8)
    let text = PlainTextPager.render(
      body, url: "https://example.org/dose.txt", width: 40, style: .plain)
    #expect(
      text == "Text from https://example.org/dose.txt\n" + String(repeating: "─", count: 40)
        + "\n\nName\tDose\nAspirin\t81 mg\ngone!\n")
    let latin1 = PlainTextPager.render(
      [0x63, 0x61, 0x66, 0xE9], url: "u", width: 40, style: .plain)
    #expect(latin1.hasSuffix("\ncafé\n"))
  }

  // MARK: The L list

  @Test func linksListMatchesTheDumpWrappedAndStyled() throws {
    let page = Pages.seed
    let list = LinksList.render(page, width: 200, style: .plain)
    let dump = PageLinksDump.render(page)
    #expect(list.hasPrefix("Links of Osteonecrosis\n──────────────────────\n\nStart Here\n"))
    #expect(
      list.contains(
        "  [20] Legg-Calvé-Perthes Disease (For Parents)\n       Nemours Foundation\n"
          + "       (no address in this copy)\n"))
    // The same sections and numbered titles as `--dump links`, in the same order.
    let dumpEntries = dump.split(separator: "\n").filter { $0.hasPrefix("  [") }
      .map { $0.trimmingPrefix("  ").split(separator: " ").joined(separator: " ") }
    let listEntries = list.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("[") }
      .map { $0.split(separator: " ").joined(separator: " ") }
    #expect(listEntries == dumpEntries)

    let hbp = LinksList.render(Pages.highBloodPressure, width: 60, style: .sgr)
    #expect(
      hbp.contains(
        "    [7] \(Self.underline)High Blood Pressure (Hypertension)\(Self.underlineOff) "
          + "\(Self.bold)Easy-to-Read\(Self.boldOff)\n        Food and Drug Administration\n"
          + "        https://www.fda.gov/consumers/womens-health/high-blood-pressure-hypertension\n"
          + "        Also in Spanish: https://www.fda.gov/"))
    let empty = LinksList.render(Page(title: "Empty", format: .markdown), width: 60, style: .plain)
    #expect(empty == "Links of Empty\n──────────────\n\n(this page has no links)\n")
  }

  // MARK: ASCII

  @Test func withoutUTF8EverythingIsASCII() {
    var outputs: [String] = []
    for page in Self.pages + [Self.hostilePage] {
      outputs.append(PagerDocument.render(page, width: 60, style: .sgr, glyphs: .ascii))
      outputs.append(LinksList.render(page, width: 60, style: .plain, glyphs: .ascii))
      if let link = page.links.first {
        outputs.append(
          LinkCard.render(
            link: link, number: 1, page: page, error: "échec « réseau »", width: 60,
            style: .plain, glyphs: .ascii))
      }
    }
    outputs.append(
      BinaryCard.render(
        link: Link(title: "Fiche – été"), number: 1, url: "https://exemple.fr/fiche-été.pdf",
        contentType: "application/pdf", size: 10, width: 60, style: .plain, glyphs: .ascii))
    outputs.append(
      PlainTextPager.render(
        "Légende\tcafé — thé\n", url: "https://exemple.fr/é", width: 60, style: .plain,
        glyphs: .ascii))
    for output in outputs {
      let stray = output.unicodeScalars.filter { !$0.isASCII }
      #expect(stray.isEmpty, "\(String(String.UnicodeScalarView(stray.prefix(10))))")
    }
    #expect(outputs.last?.contains("Legende\tcafe -- the") == true)
    #expect(outputs.last?.hasPrefix("Text from https://exemple.fr/%C3%A9\n") == true)
    let lemonde = PagerDocument.render(
      Pages.file("web/lemonde-1.source.html"), width: 80, style: .plain, glyphs: .ascii)
    #expect(lemonde.hasPrefix("Le projet de loi sur le renseignement massivement approuve a"))
  }

  // MARK: Which pagers get SGR

  @Test func sgrOnlyForLessThatPassesIt() {
    let style = { (command: String?, less: String?) in
      PagerStyle.forPager(command: command, environment: less.map { ["LESS": $0] } ?? [:])
    }
    #expect(style(nil, nil) == .sgr)
    #expect(style("", nil) == .sgr)
    #expect(style("less -R", nil) == .sgr)
    #expect(style("/usr/bin/less -FRX", nil) == .sgr)
    #expect(style("less -r", nil) == .sgr)
    #expect(style("less --RAW-CONTROL-CHARS", nil) == .sgr)
    #expect(style("less", "FRX") == .sgr)
    #expect(style("less", "-iR") == .sgr)
    #expect(style("less", nil) == .plain)
    #expect(style("less", "-i") == .plain)
    #expect(style("less -Pprompt-R", nil) == .plain)
    #expect(style("less -+R", nil) == .plain)
    #expect(style("more", nil) == .plain)
    #expect(style("most", nil) == .plain)
    #expect(style("cat", "R") == .plain)
    #expect(PagerStyle.forPager(environment: ["PAGER": "less -R"]) == .sgr)
    #expect(
      PagerStyle.forPager(environment: ["PAGER": "more", "MEDTERM_PAGER": "less -R"]) == .sgr)
    #expect(PagerStyle.forPager(environment: ["PAGER": "more"]) == .plain)
    #expect(PagerStyle.forPager(environment: [:]) == .sgr)
  }

  // MARK: Helpers

  static let bold = "\u{1B}[1m"
  static let boldOff = "\u{1B}[22m"
  static let underline = "\u{1B}[4m"
  static let underlineOff = "\u{1B}[24m"

  /// What must never reach the pager: an ESC that does not start one of the four SGR codes,
  /// C0 controls other than newline (and tab), DEL, C1 controls, bidi controls.
  static func forbidden(in text: String) -> [Unicode.Scalar] {
    var rest = text
    for code in [bold, boldOff, underline, underlineOff] { rest = rest.replacing(code, with: "") }
    return rest.unicodeScalars.filter { scalar in
      let value = scalar.value
      if value == 0x0A || value == 0x09 { return false }
      return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
        || value == 0x061C
    }
  }

  struct Footnote {
    var number: Int
    var title: String
    var lines: [String]
  }

  /// The body lines and the parsed "Links" list of a plain rendering: each entry's first
  /// line is `[n] title`, its last line the address, and lines between continue the title.
  static func splitFootnotes(_ text: String) -> (body: [String], footnotes: [Footnote])? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.lastIndex(of: "Links") else { return nil }
    var footnotes: [Footnote] = []
    for line in lines[(start + 1)...] where !line.isEmpty {
      let trimmed = line.drop { $0 == " " }
      if let match = trimmed.prefixMatch(of: /\[(\d+)\] (.*)/), let number = Int(match.output.1),
        number == footnotes.count + 1
      {
        footnotes.append(Footnote(number: number, title: String(match.output.2), lines: []))
      } else if !footnotes.isEmpty {
        footnotes[footnotes.count - 1].lines.append(String(trimmed))
      }
    }
    for index in footnotes.indices {
      let parts = [footnotes[index].title] + footnotes[index].lines.dropLast()
      footnotes[index].title = parts.joined(separator: " ").split(separator: " ")
        .joined(separator: " ")
    }
    return (Array(lines[..<start]), footnotes)
  }

  /// The words of each link's text in the body, by link index, from the model.
  static func linkTexts(of page: Page) -> [(Int, [String])] {
    var texts: [(Int, [String])] = []
    func visit(_ runs: [TextRun]) {
      var position = 0
      while position < runs.count {
        guard let link = runs[position].link else {
          position += 1
          continue
        }
        var text = ""
        while position < runs.count && runs[position].link == link {
          text += runs[position].text
          position += 1
        }
        texts.append((link, text.split(whereSeparator: \.isWhitespace).map(String.init)))
      }
    }
    func visit(_ block: Block) {
      switch block {
      case .paragraph(let runs), .heading(_, let runs): visit(runs)
      case .list(_, let items): items.joined().forEach(visit)
      case .quote(let blocks): blocks.forEach(visit)
      default: break
      }
    }
    page.sections.flatMap(\.blocks).forEach(visit)
    return texts
  }

  static func markers(in text: String) -> [Int] {
    text.matches(of: /\[(\d+)\]/).compactMap { Int($0.output.1) }
  }

  static func addresses(of page: Page) -> Set<String> {
    Set(
      (page.links + page.furnitureLinks).flatMap { [$0.url, $0.spanishURL].compactMap(\.self) }
        + [page.origin].compactMap(\.self))
  }

  /// `PagerSanitizer` percent-encodes non-ASCII addresses in ASCII mode.
  static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One reading of the variables: MEDTERM_PAGER first, git's word splitting, less -R by
  /// default; cat is the pager that does not wait.
  @Test func pagerCommandWords() {
    #expect(PagerCommand.words(environment: [:]) == ["less", "-R"])
    #expect(PagerCommand.words(environment: ["PAGER": "  "]) == ["less", "-R"])
    #expect(
      PagerCommand.words(environment: ["PAGER": "/usr/bin/most 'two words' \"x y\""])
        == ["/usr/bin/most", "two words", "x y"])
    #expect(PagerCommand.words(environment: ["PAGER": "more", "MEDTERM_PAGER": "cat"]) == ["cat"])
    #expect(PagerCommand.programName(["/usr/bin/most", "-s"]) == "most")
    #expect(PagerCommand.doesNotWait(["/bin/cat"]) && !PagerCommand.doesNotWait(["less"]))
  }
}
