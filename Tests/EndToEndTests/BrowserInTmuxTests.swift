import Foundation
import Testing

/// The real binary in a real terminal (tmux), driven by keys, checked on the screen.
@Suite(.serialized, .enabled(if: Tools.runnable("tmux"), "tmux is not installed"))
struct BrowserInTmuxTests {
  private let medterm = Medterm.executable.path

  @Test func browseJumpSearchResizeAndQuit() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("stty -g > before.stty; '\(medterm)'; echo \"exit=$?\"; stty -g > after.stty")
    let first = tmux.waitFor { $0.contains("On this page") && $0.contains("Summary 1/15") }
    #expect(first?.contains("Osteonecrosis") == true)
    #expect(first?.contains("See, Play and Learn") == true)
    #expect(first?.contains("No links available") == true)

    // Into the sidebar; arrows browse sections and the content follows.
    try tmux.keys("Tab", "Down", "Down")
    tmux.waitFor { $0.contains("│ Diagnosis and Tests") && $0.contains("Diagnosis and Tests 3/15") }

    // Down to "Find an Expert" and Enter.
    try tmux.keys("Down", "Down", "Down", "Down", "Down", "Down")
    let expert = tmux.waitFor { $0.contains("Find an Expert 9/15") }
    #expect(expert?.contains("▸ Find an Expert") == true)
    try tmux.keys("Enter")
    let jumped = tmux.waitFor { $0.contains("│ Find an Expert") && $0.contains("Tab sidebar") }
    #expect(jumped?.contains("National Institute of Arthritis") == true)

    // Search.
    try tmux.type("/crutches")
    tmux.waitFor { $0.contains("/crutches") }
    try tmux.keys("Enter")
    let found = tmux.waitFor { $0.contains("match 1 of 1") }
    #expect(found?.contains("crutches") == true)

    // Resize: the layout follows at once, the reading position stays.
    try tmux.resize(width: 50, height: 16)
    let narrow = tmux.waitFor { screen in
      let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return rows.count >= 16 && rows[15].contains("Summary 1/15") && !screen.contains("│")
    }
    #expect(narrow?.contains("crutches") == true)
    try tmux.resize(width: 120, height: 35)
    tmux.waitFor { $0.contains("│") && $0.contains("On this page") }

    // Quit: the shell prompt comes back, and the terminal modes are what they were.
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
    try tmux.run("cmp before.stty after.stty && echo same-modes")
    tmux.waitFor { $0.contains("same-modes") }
    try tmux.run("echo typed-and-echoed")
    tmux.waitFor { $0.contains("typed-and-echoed\n") || $0.contains("typed-and-echoed\r") }
  }

  @Test func controlCLeavesTheTerminalSane() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try tmux.run("stty -g > before.stty; '\(medterm)'")
    tmux.waitFor { $0.contains("On this page") }
    try tmux.keys("C-c")
    // An interactive shell drops the rest of a command line whose job died of SIGINT, so the
    // status is asked for on a line of its own.
    tmux.waitFor {
      TmuxSession.lastLine(of: $0) == TmuxSession.prompt.trimmingCharacters(in: .whitespaces)
    }
    try tmux.run("echo \"exit=$?\"; stty -g > after.stty")
    tmux.waitFor { $0.contains("exit=130") }
    try tmux.run("cmp before.stty after.stty && echo same-modes")
    tmux.waitFor { $0.contains("same-modes") }
  }

  /// Home and End as PuTTY, rxvt and tmux send them (ESC[1~, ESC[4~), whatever TERM says;
  /// a sequence nobody defined is dropped whole, so its `[` never runs "previous section".
  @Test func homeEndSequencesAndUnknownOnesAreWholeKeys() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("'\(medterm)'")
    tmux.waitFor { $0.contains("Summary 1/15") }
    try tmux.keys("]", "]", "]")
    tmux.waitFor { $0.contains("Treatments and Therapies 4/15") }
    try tmux.tmux(["send-keys", "-t", "0", "-H", "1b", "5b", "34", "7e"])
    let end = tmux.waitFor { $0.contains("100%") }
    #expect(end?.contains("Link number") == false)
    try tmux.tmux(["send-keys", "-t", "0", "-H", "1b", "5b", "31", "7e"])
    tmux.waitFor { $0.contains("Summary 1/15") }
    try tmux.keys("]", "]")
    tmux.waitFor { $0.contains("Diagnosis and Tests 3/15") }
    try tmux.tmux(["send-keys", "-t", "0", "-H", "1b", "5b", "39", "39", "3b", "35", "7e"])
    try tmux.keys("]")
    let after = tmux.waitFor { $0.contains("Treatments and Therapies 4/15") }
    #expect(after?.contains("Link number") == false)
    try tmux.keys("q")
  }

  /// A page opened from disk resolves its relative links next to itself, as a browser does.
  @Test func relativeLinksOfAFileOpenTheFileBesideIt() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let site = tmux.directory.appendingPathComponent("my site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    let page = "<html><body><h1>Start</h1><p>Read <a href='guide%20one.html'>the guide</a>.</p>"
    let guide = "<html><body><h1>Guide</h1><p>Hello from the guide.</p></body></html>"
    try Data(page.utf8).write(to: site.appendingPathComponent("index.html"))
    try Data(guide.utf8).write(to: site.appendingPathComponent("guide one.html"))
    try tmux.run("cd 'my site' && PAGER=cat '\(medterm)' index.html")
    tmux.waitFor { $0.contains("Start 1/1") }
    try tmux.keys("}")
    let selected = tmux.waitFor { $0.contains("file://") }
    #expect(selected?.contains("/my%20site/guide%20one.html") == true)
    try tmux.keys("Enter")
    let shown = tmux.waitFor { $0.contains("Hello from the guide.") }
    #expect(shown != nil)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Start 1/1") }
    try tmux.keys("q")
  }

  /// A page on a pipe: keys come from the terminal itself, as in less.
  @Test func aPageFromAPipeIsBrowsedWithKeysFromTheTerminal() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let seed = Medterm.corpus.appendingPathComponent("osteonecrosis.seed.txt").path
    try tmux.run("cat '\(seed)' | '\(medterm)' -; echo \"exit=$?\"")
    tmux.waitFor { $0.contains("On this page") && $0.contains("Summary 1/15") }
    try tmux.keys("]")
    tmux.waitFor { $0.contains("Start Here 2/15") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  @Test func dumbTerminalGetsTextAndANote() throws {
    let tmux = try TmuxSession(width: 80, height: 24, term: "dumb")
    try tmux.run("'\(medterm)' 2>note.txt | head -3; cat note.txt")
    let screen = tmux.waitFor { $0.contains("printing the page as text") }
    #expect(screen?.contains("Osteonecrosis") == true)
  }

  @Test func asciiLocaleDrawsPlainASCII() throws {
    let tmux = try TmuxSession(
      width: 100, height: 30, extraEnvironment: ["LANG": "C", "LC_ALL": "C"])
    try tmux.run("'\(medterm)'")
    let screen = tmux.waitFor { $0.contains("On this page") }
    #expect(screen?.contains("|") == true)
    #expect(screen?.contains("│") == false)
    try tmux.keys("q")
  }
}
