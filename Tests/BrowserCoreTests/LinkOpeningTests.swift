import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// Opening links through the session, with a host that answers from memory and a scripted
/// terminal that records what reached the pager.
@Suite struct LinkOpeningTests {
  /// Answers loads from a table of addresses; unknown addresses fail like a 404.
  final class MemoryHost: BrowserHost {
    var pages: [String: (String?, [UInt8])]
    private(set) var requested: [String] = []

    init(_ pages: [String: (String?, [UInt8])]) {
      self.pages = pages
    }

    func load(_ url: String) -> Result<any LoadTask, LoadFailure> {
      requested.append(url)
      guard let (type, bytes) = pages[url] else {
        return .success(Done(.failure(LoadFailure("The server answered 404 Not Found."))))
      }
      return .success(Done(.success(LoadedResource(url: url, contentType: type, bytes: bytes))))
    }

    final class Done: LoadTask {
      let result: Result<LoadedResource, LoadFailure>
      init(_ result: Result<LoadedResource, LoadFailure>) { self.result = result }
      func poll(timeoutMilliseconds: Int) -> LoadStatus { .finished(result) }
      func cancel() {}
    }
  }

  private func run(
    _ page: Page, keys: String, host: MemoryHost? = nil, pager: Bool = true
  ) -> (BrowserSession, ScriptedTerminal) {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: 100, height: 30), keys: Key.script(keys))
    terminal.pagerAvailable = pager
    let session = BrowserSession(
      state: BrowserState(page: page, width: 100, height: 30), terminal: terminal, host: host)
    session.environment = ["PAGER": "less -R"]
    session.run()
    return (session, terminal)
  }

  /// A card is medterm's own view, not a pager text: it stays until the reader closes it,
  /// whatever `$LESS` says (less -F would quit at once on a text that fits the screen).
  @Test func aLinkWithoutAddressOpensACard() {
    let (session, terminal) = run(Pages.seed, keys: "2 0 Enter")
    #expect(terminal.pagerTexts.isEmpty)
    #expect(session.top.kind == .text)
    let card = terminal.lastScreen?.plainText ?? ""
    #expect(card.contains("Legg-Calvé-Perthes Disease (For Parents)"))
    #expect(card.contains("Nemours Foundation"))
    #expect(card.contains("Children"))
    let (closed, _) = run(Pages.seed, keys: "2 0 Enter q")
    #expect(closed.top.kind == .page)
    #expect(!closed.isFinished)
  }

  /// `#anchor` links (the mercurial page's table of contents) go to the section, without
  /// loading anything; an anchor no section has says so.
  @Test func aLinkIntoThePageJumpsToItsSection() {
    let page = Pages.mercurialWhole
    let host = MemoryHost([:])
    let (session, terminal) = run(page, keys: "7 Enter Enter", host: host)
    #expect(page.links[6].url == "#setting-up")
    #expect(session.state.page.sections[session.state.currentSection].title == "Setting up")
    #expect(session.state.top == session.state.layout.sectionStarts[session.state.currentSection])
    #expect(host.requested.isEmpty && terminal.pagerTexts.isEmpty)

    var broken = page
    broken.links[6].url = "#nowhere"
    let (stayed, _) = run(broken, keys: "7 Enter Enter", host: host)
    #expect(stayed.state.top == 0)
    #expect(stayed.state.message == "no place #nowhere on this page")
    #expect(host.requested.isEmpty)
  }

  @Test func aFailedLoadShowsTheExactError() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let host = MemoryHost([:])
    let (session, terminal) = run(page, keys: "} Enter", host: host)
    #expect(host.requested == ["https://medlineplus.gov/diabetes.html"])
    #expect(session.top.kind == .text)
    #expect(terminal.lastScreen?.plainText.contains("The server answered 404 Not Found.") == true)
  }

  @Test func aTopicLinkOpensInTheBrowserAndBackReturnsToTheSamePlace() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let topic = Array(Pages.corpusText("diabetes.docling.md").utf8)
    let host = MemoryHost(["https://medlineplus.gov/diabetes.html": ("text/markdown", topic)])
    let (session, terminal) = run(page, keys: "j j } Enter", host: host)
    #expect(terminal.pagerTexts.isEmpty)
    #expect(session.state.page.title == "Diabetes")
    let (back, _) = run(page, keys: "j j } Enter Left", host: host)
    #expect(back.state.page.title == "Diabetes Medicines")
    #expect(back.state.top == 2)
    let (forward, _) = run(page, keys: "j j } Enter Left Right", host: host)
    #expect(forward.state.page.title == "Diabetes")
  }

  @Test func otherPagesGoToThePagerAsReadableText() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let web = Array(Pages.corpusText("web/lemonde-1.source.html").utf8)
    let host = MemoryHost([
      "https://medlineplus.gov/diabetes.html": ("text/html; charset=utf-8", web)
    ])
    let (session, terminal) = run(page, keys: "} Enter", host: host)
    #expect(session.state.page.title == "Diabetes Medicines")
    let text = terminal.pagerTexts.first ?? ""
    #expect(text.contains("Le projet de loi sur le renseignement"))
    #expect(text.contains("\u{1B}[1m"))
    #expect(!text.contains("<script"))
  }

  @Test func binaryAndPlainTextResponses() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let pdf: [UInt8] = Array("%PDF-1.7\n".utf8) + [0, 1, 2, 3, 0xFF]
    let host = MemoryHost(["https://medlineplus.gov/diabetes.html": ("application/pdf", pdf)])
    let (_, terminal) = run(page, keys: "} Enter", host: host)
    #expect(terminal.lastScreen?.plainText.contains("application/pdf") == true)
    #expect(terminal.pagerTexts.isEmpty)
    // A short text stays on screen in medterm's own view; a long one goes to the pager.
    let plain = MemoryHost([
      "https://medlineplus.gov/diabetes.html": (
        "text/plain", Array("line one\n\u{1B}[2Jline two\n".utf8)
      )
    ])
    let (_, plainTerminal) = run(page, keys: "} Enter", host: plain)
    let shown = plainTerminal.lastScreen?.plainText ?? ""
    #expect(plainTerminal.pagerTexts.isEmpty)
    #expect(shown.contains("line one"))
    #expect(shown.contains("line two"))
    #expect(!shown.contains("\u{1B}"))
    let long = (1...200).map { "line \($0)\u{1B}[2J" }.joined(separator: "\n")
    let longHost = MemoryHost([
      "https://medlineplus.gov/diabetes.html": ("text/plain", Array(long.utf8))
    ])
    let (_, longTerminal) = run(page, keys: "} Enter", host: longHost)
    let text = longTerminal.pagerTexts.first ?? ""
    #expect(text.contains("line 200"))
    #expect(!text.contains("\u{1B}[2J"))
  }

  @Test func refusedSchemesNeverLoad() {
    let markdown =
      "# T\n\n[js](javascript:alert(1)) [data](data:text/html,hi) [mail](mailto:a@b.c)\n"
    let page = Pages.page(Array(markdown.utf8))
    let host = MemoryHost([:])
    for number in 1...3 {
      let (session, terminal) = run(page, keys: "\(number) Enter Enter", host: host)
      #expect(terminal.pagerTexts.isEmpty)
      #expect(session.state.message?.hasPrefix("medterm does not open") == true)
    }
    #expect(host.requested.isEmpty)
  }

  @Test func withoutAPagerTheTextIsShownInsideAndQGoesBack() {
    let (session, terminal) = run(Pages.seed, keys: "L", pager: false)
    #expect(terminal.pagerTexts.isEmpty)
    #expect(session.top.kind == .text)
    #expect(terminal.lastScreen?.plainText.contains("Links of Osteonecrosis") == true)
    let (back, _) = run(Pages.seed, keys: "L q", pager: false)
    #expect(back.top.kind == .page)
    #expect(back.state.page.title == "Osteonecrosis")
  }

  @Test func yCopiesTheAddress() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let (_, terminal) = run(page, keys: "} y")
    #expect(terminal.clipboard == ["https://medlineplus.gov/diabetes.html"])
  }

  @Test func theLinksListHasEveryLink() {
    let (_, terminal) = run(Pages.seed, keys: "L")
    let text = terminal.pagerTexts.first ?? ""
    for number in 1...23 { #expect(text.contains("[\(number)]")) }
  }
}
