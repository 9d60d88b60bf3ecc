import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The stack of views and the browser around the page, with a scripted terminal and a
/// host that answers from memory: q, Esc and ← pop one view, the last q quits; Go to,
/// history, bookmarks, reading positions, link information, open here, save.
@Suite struct ViewStackTests {
  typealias MemoryHost = LinkOpeningTests.MemoryHost

  @Test func qPopsOneViewAndTheLastOneQuits() {
    let reader = Harness(Pages.seed).press("? ")
    #expect(reader.top.kind == .help)
    reader.press("q")
    #expect(reader.top.kind == .page)
    reader.press("= q")
    #expect(reader.top.kind == .page)
    reader.press("/ q")
    #expect((reader.top as? PromptView)?.editor.text == "q", "a prompt types q")
    reader.press("Esc")
    #expect(reader.top.kind == .page)
    #expect(!reader.session.isFinished)
    reader.press("q")
    #expect(reader.session.isFinished)
  }

  @Test func escapeClearsTheSearchThenClosesButNeverQuits() {
    let reader = Harness(Pages.seed).press("/crutches Enter")
    #expect(reader.state.search != nil)
    reader.press("Esc")
    #expect(reader.state.search == nil)
    reader.press("Esc")
    #expect(!reader.session.isFinished)
    #expect(reader.status.contains("q quits"))
    reader.press("= Esc")
    #expect(reader.top.kind == .page)
  }

  /// `=`: the selected link's whole address and everything known of it; without a
  /// selection, the page's own.
  @Test func linkInformation() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let reader = Harness(page, width: 60, height: 30).press("} =")
    #expect(reader.top.kind == .text)
    let card = reader.screen.plainText
    #expect(card.contains("https://medlineplus.gov/diabetes.html"))
    #expect(card.contains("1 of \(page.links.count) on “Diabetes Medicines”"))
    let about = Harness(page).press("=").screen.plainText
    #expect(about.contains("About Diabetes Medicines"))
    #expect(about.contains("Links"))
    #expect(about.contains("\(page.links.count)"))
  }

  /// Go to: an address, a file, a topic name; `g g` the top; addresses completed from
  /// history with Tab.
  @Test func goToOpensWhatIsTyped() {
    let topic = Array(Pages.corpusText("diabetes.docling.md").utf8)
    let host = MemoryHost(["http://www.example.org": ("text/markdown", topic)])
    let reader = Harness(Pages.seed, host: host).press("g www.example.org Enter")
    #expect(host.requested == ["http://www.example.org"])
    #expect(reader.state.page.title == "Diabetes")
    reader.press("Left")
    #expect(reader.state.page.title == "Osteonecrosis")
    // The visit is in the history, and Tab completes it.
    reader.press("g w Tab")
    #expect((reader.top as? PromptView)?.editor.text == "http://www.example.org")
    reader.press("Esc G g g")
    #expect(reader.state.top == 0)
    reader.press("g javascript:alert(1) Enter")
    #expect(reader.status.contains("does not open javascript: addresses"))
    #expect(host.requested.count == 1)
  }

  @Test func historyListsVisitsNewestFirstAndOpensThem() {
    let topic = Array(Pages.corpusText("diabetes.docling.md").utf8)
    let host = MemoryHost(["http://a.example": ("text/markdown", topic)])
    let reader = Harness(Pages.seed, host: host)
    reader.session.begin()
    reader.press("g a.example Enter Left V")
    #expect(reader.top.kind == .history)
    let rows = (reader.top as? ListView)?.rows.map(\.title) ?? []
    #expect(rows == ["Diabetes", "Osteonecrosis"])
    reader.press("Enter")
    #expect(reader.top.kind == .page)
    #expect(reader.state.page.title == "Diabetes")
    reader.press("V d")
    #expect((reader.top as? ListView)?.rows.map(\.title) == ["Osteonecrosis"])
  }

  @Test func bookmarksAreAddedRenamedOpenedAndDeleted() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let topic = Array(Pages.corpusText("diabetes.docling.md").utf8)
    let host = MemoryHost(["https://medlineplus.gov/diabetes.html": ("text/markdown", topic)])
    let reader = Harness(page, host: host)
    // The selected link is what `a` bookmarks, under a name the reader may change.
    reader.press("} a C-u Sugars Enter")
    #expect(reader.status.contains("bookmarked"))
    #expect(
      reader.session.memory.bookmarks.first?.address == "https://medlineplus.gov/diabetes.html")
    reader.press("a Enter")
    #expect(reader.status.contains("already bookmarked"))
    reader.press("v r C-u Sugar Enter")
    #expect(reader.session.memory.bookmarks.first?.title == "Sugar")
    reader.press("Enter")
    #expect(reader.state.page.title == "Diabetes")
    reader.press("v d n")
    #expect(reader.session.memory.bookmarks.count == 1, "n keeps it")
    reader.press("d y")
    #expect(reader.session.memory.bookmarks.isEmpty)
  }

  /// A page opened again comes back where the reader left it, with a note; Home still goes
  /// to the top.
  @Test func aPageReopensWhereItWasLeft() {
    let memory = TransientMemory()
    let first = Harness(Pages.seed)
    first.session.memory = memory
    first.session.begin()
    first.press("] ] ] j j")
    let left = first.state.position
    let section = first.state.page.sections[first.state.currentSection].title
    first.press("q")
    for view in first.session.stack { first.session.remember(left: view) }
    let second = Harness(Pages.seed)
    second.session.memory = memory
    second.session.begin()
    #expect(second.state.position == left)
    #expect(second.status.contains("back where you left off: \(section)"))
    second.press("Home")
    #expect(second.state.top == 0)
  }

  /// Enter opens a page that is not a topic page in the pager, O opens it here (headings
  /// as the sidebar), | in the pager whatever it is; `set open here` makes Enter open here.
  @Test func openHereOrInThePager() {
    let page = Pages.file("diabetesmedicines.docling.md")
    let web = Array(Pages.corpusText("web/lemonde-1.source.html").utf8)
    let host = MemoryHost(["https://medlineplus.gov/diabetes.html": ("text/html", web)])
    let paged = Harness(page, host: host).press("} Enter")
    #expect(paged.terminal.pagerTexts.count == 1)
    let here = Harness(page, host: host).press("} O")
    #expect(here.terminal.pagerTexts.isEmpty)
    #expect(here.top.kind == .page)
    #expect(here.state.page.title.contains("renseignement"))
    #expect(!here.state.sidebar.rows.isEmpty)
    here.press("Left")
    #expect(here.state.page.title == "Diabetes Medicines")
    let setting = Harness(page, host: host)
    setting.session.openMode = .here
    setting.press("} Enter")
    #expect(setting.terminal.pagerTexts.isEmpty && setting.top.kind == .page)
    let topic = Array(Pages.corpusText("diabetes.docling.md").utf8)
    let topicHost = MemoryHost(["https://medlineplus.gov/diabetes.html": ("text/markdown", topic)])
    let forced = Harness(page, host: topicHost).press("} |")
    #expect(forced.terminal.pagerTexts.first?.contains("Diabetes") == true)
  }

  /// With `LESS=FRX`, less quits at once on a text that fits the screen: such a text (a
  /// short page, the links of a short page) stays on screen as medterm's own view.
  @Test func aShortTextNeverFlashesBy() {
    let markdown = "# Short\n\nOne [link](https://example.org/).\n"
    let reader = Harness(Pages.page(Array(markdown.utf8)))
    reader.session.environment = ["PAGER": "less", "LESS": "FRX"]
    reader.press("L")
    #expect(reader.terminal.pagerTexts.isEmpty)
    #expect(reader.top.kind == .text)
    #expect(reader.screen.plainText.contains("Links of Short"))
  }

  /// A key that does nothing where it is pressed says so, whichever view.
  @Test func unboundKeysSaySo() {
    let reader = Harness(Pages.seed).press("V Z")
    #expect(reader.status.contains("Z does nothing here; ? for help"))
    #expect(reader.top.kind == .history)
  }
}
