import Foundation
import TestSupport
import Testing

/// The browser around the page, with the real binary in tmux as a reader uses it: Go to a
/// local address, history and bookmarks across two runs, coming back where one left off, a
/// key bound in the config file, `q` closing one view at a time, cards that stay with
/// `LESS=FRX`, and two instances writing their state at once.
@Suite(.enabled(if: Tools.runnable("tmux")))
struct BrowserMemoryInTmuxTests {
  let medterm = Medterm.executable.path
  private let seed = "Summary 1/15"

  /// A page file in the session's directory, from the corpus.
  private func copy(_ name: String, to tmux: TmuxSession, as target: String) throws -> String {
    let destination = tmux.directory.appendingPathComponent(target)
    try FileManager.default.copyItem(
      at: Medterm.corpus.appendingPathComponent(name), to: destination)
    return destination.path
  }

  /// `g` and an address without a scheme, as lynx takes it: `127.0.0.1:PORT/…` is http.
  @Test(.enabled(if: TestHTTPServer.runnable)) func goToALocalAddress() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("g")
    tmux.waitFor { TmuxSession.lastLine(of: $0).hasPrefix("Go to:") }
    try tmux.type("127.0.0.1:\(server.port)/corpus/diabetes.docling.md")
    try tmux.keys("Enter")
    let page = tmux.waitFor { $0.contains("Also called: Diabetes mellitus") }
    #expect(page?.contains("On this page") == true)
    try tmux.keys("Left")
    tmux.waitFor { $0.contains(self.seed) }
    // A typed line comes back with ↑ at the next Go to.
    try tmux.keys("g", "Up")
    tmux.waitFor { $0.contains("Go to: 127.0.0.1:\(server.port)/corpus/diabetes.docling.md") }
    try tmux.keys("Escape", "q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  /// A page visited and bookmarked in one run is in the history and the bookmarks of the
  /// next, and opens from there; the bookmarks file is one a person can read.
  @Test func historyAndBookmarksAcrossTwoRuns() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = try copy("highbloodpressure.docling.md", to: tmux, as: "hbp.md")
    try tmux.run("'\(medterm)' '\(page)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains("High Blood Pressure") }
    try tmux.keys("a")
    tmux.waitFor { $0.contains("Bookmark as: High Blood Pressure") }
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("bookmarked: High Blood Pressure") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }

    try tmux.run("clear; '\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("V")
    let history = tmux.waitFor { $0.contains("History") && $0.contains("High Blood Pressure") }
    #expect(history?.contains("Osteonecrosis") == true)
    try tmux.keys("q", "v")
    tmux.waitFor { $0.contains("Bookmarks") && $0.contains("file://") }
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("Also called: Benign essential hypertension") }
    try tmux.keys("q", "q")
    tmux.waitFor { $0.contains("exit=0") }
    let bookmarks = try String(
      contentsOf: tmux.directory.appendingPathComponent(".local/share/medterm/bookmarks"),
      encoding: .utf8)
    #expect(bookmarks.contains("file://\(page) High Blood Pressure\n"))
  }

  /// Reopening a page returns to the section where the reader left it, with a note; Home
  /// still goes to the top.
  @Test func aPageReopensWhereTheReaderLeftIt() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("]", "]", "]", "j")
    tmux.waitFor { $0.contains("Treatments and Therapi") && $0.contains("4/15") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
    try tmux.run("clear; '\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains("back where you left off: Treatments and Therapies") }
    try tmux.keys("Home")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  /// A `bind` in the config file shows in help against its key, and the key does it; a
  /// mistake in the file shows on the screen, with its line.
  @Test func aBindInTheConfigShowsInHelpAndWorks() throws {
    let tmux = try TmuxSession(width: 100, height: 40)
    let config = tmux.directory.appendingPathComponent(".config/medterm")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try "bind page x next-section\nbind page y flap\n".write(
      to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains("config:2: no command “flap”") }
    try tmux.keys("?")
    let help = tmux.waitFor { $0.contains("Keys: Page") }
    let row = help?.split(separator: "\n").first { $0.contains("next section") } ?? ""
    #expect(row.contains("] x"), "help lists the new key: \(row)")
    try tmux.keys("q", "x")
    tmux.waitFor { $0.contains("Start Here 2/15") }
    try tmux.keys("M")
    tmux.waitFor { $0.contains("Messages") && $0.contains("no command “flap”") }
    try tmux.keys("q", "q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  /// `q` closes one view at a time: help, a card, link information; the last one quits.
  @Test func qClosesOneViewAtATime() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("?")
    tmux.waitFor { $0.contains("Keys: Page") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains(self.seed) && !$0.contains("Keys: Page") }
    try tmux.keys("}", "=")
    tmux.waitFor { $0.contains("This link has no address in this copy") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Osteonecrosis") && $0.contains("On this page") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  /// With `LESS=FRX`, less quits at once on a text that fits the screen: a card is
  /// medterm's own view and stays until the reader closes it.
  @Test func cardsStayWithLessFRX() throws {
    let tmux = try TmuxSession(width: 100, height: 30, extraEnvironment: ["LESS": "FRX"])
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.type("20")
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("Legg-Calvé-Perthes Disease") && $0.contains("Nemours") }
    usleep(800_000)
    #expect(tmux.screen().contains("This link has no address in this copy of the page"))
    try tmux.keys("q")
    tmux.waitFor { $0.contains("On this page") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  /// Two medterm instances on one state directory at once: each bookmarks and visits its
  /// own page, in turns; the files keep both.
  @Test func twoInstancesWriteTheirStateAtOnce() throws {
    let shared = FileManager.default.temporaryDirectory.appendingPathComponent(
      "medterm-shared-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: shared) }
    let environment = [
      "XDG_STATE_HOME": shared.path + "/state", "XDG_DATA_HOME": shared.path + "/data",
    ]
    let first = try TmuxSession(width: 100, height: 30, extraEnvironment: environment)
    let second = try TmuxSession(width: 100, height: 30, extraEnvironment: environment)
    let one = try copy("highbloodpressure.docling.md", to: first, as: "one.md")
    let two = try copy("diabetes.docling.md", to: second, as: "two.md")
    try first.run("'\(medterm)' '\(one)'; echo \"exit=$?\"")
    try second.run("'\(medterm)' '\(two)'; echo \"exit=$?\"")
    first.waitFor { $0.contains("High Blood Pressure") }
    second.waitFor { $0.contains("Diabetes") }
    try first.keys("a")
    try second.keys("a")
    first.waitFor { $0.contains("Bookmark as:") }
    second.waitFor { $0.contains("Bookmark as:") }
    try first.keys("Enter")
    try second.keys("Enter")
    first.waitFor { $0.contains("bookmarked") }
    second.waitFor { $0.contains("bookmarked") }
    try first.keys("q")
    try second.keys("q")
    first.waitFor { $0.contains("exit=0") }
    second.waitFor { $0.contains("exit=0") }
    let bookmarks = try String(
      contentsOf: shared.appendingPathComponent("data/medterm/bookmarks"), encoding: .utf8)
    #expect(bookmarks.contains("one.md High Blood Pressure"))
    #expect(bookmarks.contains("two.md Diabetes"))
    let history = try String(
      contentsOf: shared.appendingPathComponent("state/medterm/history"), encoding: .utf8)
    #expect(history.contains("one.md") && history.contains("two.md"))
  }

  /// `MEDTERM_NO_STATE=1`: history and bookmarks work for the run, and nothing is written.
  @Test func noStateWritesNothing() throws {
    let tmux = try TmuxSession(width: 100, height: 30, extraEnvironment: ["MEDTERM_NO_STATE": "1"])
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("a")
    tmux.waitFor { $0.contains("Bookmark as:") }
    try tmux.keys("Enter", "v")
    tmux.waitFor { $0.contains("Bookmarks") && $0.contains("1 entry") }
    try tmux.keys("q", "q")
    tmux.waitFor { $0.contains("exit=0") }
    let state = tmux.directory.appendingPathComponent(".local")
    #expect(!FileManager.default.fileExists(atPath: state.path))
  }

  /// `S`: the page or the section being read, as text, Markdown or JSON by the file name;
  /// a file that is there is replaced only after a yes, and what was saved reads back.
  @Test func saveThePageOrASection() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("'\(medterm)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains(self.seed) }
    try tmux.keys("S")
    tmux.waitFor { $0.contains("Save the whole page (p) or this section (s)?") }
    try tmux.keys("p")
    tmux.waitFor { $0.contains("Save to (.txt, .md or .json): osteonecrosis.txt") }
    try tmux.keys("C-u")
    try tmux.type("page.md")
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("saved the Markdown to \(tmux.directory.path)/page.md") }
    try tmux.keys("]", "S", "s", "C-u")
    try tmux.type("page.md")
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("page.md exists: replace it? (y/n)") }
    try tmux.keys("n")
    tmux.waitFor { $0.contains("not saved") }
    try tmux.keys("S", "s", "C-u")
    try tmux.type("start.json")
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("saved the JSON") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
    let outline = try Medterm.run(
      ["--dump", "outline", tmux.directory.appendingPathComponent("page.md").path])
    #expect(outline.status == 0)
    #expect(outline.stdout.contains("Diagnosis and Tests"))
    #expect(outline.stdout.contains("Osteonecrosis"))
    let json = try String(
      contentsOf: tmux.directory.appendingPathComponent("start.json"), encoding: .utf8)
    #expect(json.contains("\"title\": \"Osteonecrosis: Start Here\""))
    #expect(!json.contains("\"Diagnosis and Tests\""))
  }

  /// A library file that breaks off says so in the index's header, where the reader is,
  /// not only on stderr after quitting.
  @Test func aTruncatedLibrarySaysSoInTheHeader() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    let whole = try Data(
      contentsOf: Medterm.corpus.appendingPathComponent("mplus_topics_2012-07-21.gsa-fixture.xml"))
    let text = String(decoding: whole, as: UTF8.self)
    let cut = try #require(text.range(of: "</health-topic>", options: .backwards))
    let path = tmux.directory.appendingPathComponent("cut.xml")
    try Data(text[..<cut.lowerBound].utf8).write(to: path)
    try tmux.run("'\(medterm)' '\(path.path)'; echo \"exit=$?\"")
    let header = tmux.waitFor { $0.contains("file breaks off at line") }
    #expect(header?.contains("declared") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }
}
