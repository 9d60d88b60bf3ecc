import Foundation
import Glibc
import TestSupport
import Testing

/// Every way out of medterm leaves the terminal as it found it: the same `stty -g`, the
/// cursor visible, the alternate screen left, and an exit status that says what happened.
/// (Ctrl-C, whose job the shell ends differently, is in `BrowserInTmuxTests`.)
@Suite(.serialized, .enabled(if: Tools.runnable("tmux"), "tmux is not installed"))
struct TerminalRestoreTests {
  private let medterm = Medterm.executable.path

  /// Starts medterm under a shell that records the modes before and the status after;
  /// `pid` holds medterm's process id (the `exec` keeps it).
  private func start(_ tmux: TmuxSession, arguments: String = "") throws {
    try tmux.run(
      "stty -g > before.stty; sh -c 'echo $$ > pid; exec \"$0\" \"$@\"' '\(medterm)' \(arguments); "
        + "echo \"exit=$?\"; stty -g > after.stty")
    // The first screen: a page's status line (a one-entry page docks no sidebar).
    tmux.waitFor { $0.contains("On this page") || $0.contains("Contents") || $0.contains("? help") }
  }

  private func pid(_ tmux: TmuxSession) -> pid_t? {
    let text =
      (try? String(contentsOf: tmux.directory.appendingPathComponent("pid"), encoding: .utf8)) ?? ""
    return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Waits for the exit line, then checks the modes, the cursor and the alternate screen.
  private func expectRestored(
    _ tmux: TmuxSession, status: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    tmux.waitFor(sourceLocation: sourceLocation) { $0.contains("exit=\(status)") }
    try tmux.run("cmp before.stty after.stty && echo same-modes")
    tmux.waitFor(sourceLocation: sourceLocation) { $0.contains("same-modes") }
    let flags = try tmux.tmux(["display-message", "-p", "#{alternate_on} #{cursor_flag}"])
    #expect(
      flags.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1", sourceLocation: sourceLocation
    )
  }

  @Test func quit() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try start(tmux)
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }

  @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
  func terminatingSignals(signal: Int32, status: Int) throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try start(tmux)
    let process = try #require(pid(tmux))
    kill(process, signal)
    try expectRestored(tmux, status: status)
  }

  /// A fault (a trap in Swift code is SIGILL or SIGTRAP, a bad pointer SIGSEGV or SIGBUS, an
  /// abort SIGABRT) gives the terminal back before the runtime's crash report: the report is
  /// on the ordinary screen, keypad mode is off, and no prompt waits for a key.
  @Test(arguments: [(SIGSEGV, 139), (SIGABRT, 134), (SIGILL, 132), (SIGBUS, 135)])
  func aCrashGivesTheTerminalBack(signal: Int32, status: Int) throws {
    let tmux = try TmuxSession(width: 100, height: 40)
    try start(tmux)
    let process = try #require(pid(tmux))
    kill(process, signal)
    // The runtime symbolicates its report, which takes a while on a debug build.
    tmux.waitFor(timeout: 60) { $0.contains("exit=\(status)") }
    try expectRestored(tmux, status: status)
    let keypad = try tmux.tmux(["display-message", "-p", "#{keypad_cursor_flag}#{keypad_flag}"])
    #expect(keypad.trimmingCharacters(in: .whitespacesAndNewlines) == "00")
    #expect(!tmux.screen().contains("Press space to interact"))
  }

  /// Pages the readers refuse, behind links on a local server: each gives a card with the
  /// reader's error in the pager, and the browser, and the terminal, carry on.
  @Test(.enabled(if: Tools.runnable("python3"), "needs python3"))
  func aPageTheReaderRefusesGivesACardAndTheBrowserGoesOn() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let files = [
      "legacy.xml":
        "<?xml version=\"1.0\"?>\n<MedicalTopics><MedicalTopic ID=\"1\"/></MedicalTopics>\n",
      "cut.xml":
        "<?xml version=\"1.0\"?>\n<health-topics total=\"2\">\n<health-topic title=\"A\" id=\"1\">",
      "empty.html": "",
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: tmux.directory.appendingPathComponent(name))
    }
    let server = try TestHTTPServer(serving: tmux.directory.path)
    let page = """
      # Broken links

      - [Old vocabulary](\(server.url("/corpus/legacy.xml")))
      - [Cut library](\(server.url("/corpus/cut.xml")))
      - [Empty page](\(server.url("/corpus/empty.html")))
      """
    try Data(page.utf8).write(to: tmux.directory.appendingPathComponent("broken.md"))
    try start(tmux, arguments: "broken.md")
    let expected = [
      "1": "pre-2012 MedlinePlus vocabulary format",
      "2": "holds no complete topic",
      "3": "the file is empty",
    ]
    for (number, words) in expected.sorted(by: { $0.key < $1.key }) {
      try tmux.type(number)
      try tmux.keys("Enter", "Enter")
      let card = tmux.waitFor { $0.contains(words) }
      #expect(card?.contains("cannot read") == true || card?.contains("no complete") == true)
      try tmux.keys("q")
      tmux.waitFor { $0.contains("Broken links") && $0.contains("[\(number)]") }
    }
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }

  /// `file:` links to what is not a file (a FIFO no one writes to, the terminal, an endless
  /// device, standard input) would block the screen or never end: each is refused on its
  /// card at once, and the browser goes on.
  @Test func linksToDevicesAndPipesAreRefusedAtOnce() throws {
    let tmux = try TmuxSession(width: 120, height: 30)
    let fifo = tmux.directory.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let page = """
      # Devices

      - [Pipe](file://\(fifo))
      - [Terminal](file:///dev/tty)
      - [Zeros](file:///dev/zero)
      - [Input](file:///proc/self/fd/0)
      """
    try Data(page.utf8).write(to: tmux.directory.appendingPathComponent("devices.md"))
    try start(tmux, arguments: "devices.md")
    let expected = [
      "1": "is a pipe (FIFO), not a file", "2": "/dev/tty: is a character device",
      "3": "/dev/zero: is a character device", "4": "/proc/self/fd/0: is a character device",
    ]
    for (number, words) in expected.sorted(by: { $0.key < $1.key }) {
      try tmux.type(number)
      try tmux.keys("Enter", "Enter")
      tmux.waitFor(timeout: 5) { $0.contains(words) && $0.contains("could not open this link") }
      try tmux.keys("q")
      tmux.waitFor { $0.contains("Devices") && $0.contains("[\(number)]") }
    }
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }

  @Test func suspendAndResume() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try tmux.run("stty -g > before.stty; '\(medterm)'")
    tmux.waitFor { $0.contains("On this page") }
    try tmux.keys("C-z")
    tmux.waitFor { $0.contains("Stopped") }
    try tmux.run("stty -g > stopped.stty; cmp before.stty stopped.stty && echo same-while-stopped")
    tmux.waitFor { $0.contains("same-while-stopped") }
    try tmux.run("fg")
    let back = tmux.waitFor { $0.contains("On this page") && $0.contains("Summary 1/15") }
    #expect(back != nil)
    try tmux.keys("j", "q")
    try tmux.run("echo \"exit=$?\"; stty -g > after.stty")
    try expectRestored(tmux, status: 0)
  }

  @Test func aKilledPagerGivesTheScreenBack() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try start(tmux)
    try tmux.keys("L")
    tmux.waitFor { $0.contains("Links of Osteonecrosis") }
    let medtermPid = try #require(pid(tmux))
    // The pager is medterm's child.
    let children =
      (try? String(
        contentsOfFile: "/proc/\(medtermPid)/task/\(medtermPid)/children", encoding: .utf8)) ?? ""
    let pager = try #require(children.split(separator: " ").compactMap { pid_t($0) }.first)
    kill(pager, SIGKILL)
    let back = tmux.waitFor { $0.contains("On this page") && $0.contains("Summary 1/15") }
    #expect(back != nil)
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }

  /// less users press Ctrl-C to stop a search; the SIGINT reaches medterm too, and must
  /// not end it once the pager is gone.
  @Test(.enabled(if: Tools.runnable("less"), "less is not installed"))
  func controlCInThePagerBelongsToThePager() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try start(tmux)
    try tmux.keys("L")
    tmux.waitFor { $0.contains("Links of Osteonecrosis") }
    try tmux.keys("C-c")
    try tmux.keys("C-\\")
    try tmux.keys("q")
    let back = tmux.waitFor { $0.contains("On this page") && $0.contains("Summary 1/15") }
    #expect(back != nil)
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }

  /// Resizes faster than a frame: the screen at the end is the one a fresh paint gives, with
  /// no Ctrl-L.
  @Test func aStormOfResizesEndsOnTheRightScreen() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try start(tmux)
    try tmux.keys("j", "j", "j")
    for step in 0..<40 {
      try tmux.resize(width: 30 + (step * 37) % 150, height: 6 + (step * 11) % 40)
    }
    try tmux.resize(width: 90, height: 28)
    // Settled: the same screen twice in a row, a quarter of a second apart.
    var settled = ""
    tmux.waitFor { screen in
      defer { settled = screen }
      usleep(250_000)
      return screen == settled && screen.contains("On this page")
    }
    try tmux.keys("C-l")
    usleep(500_000)
    #expect(tmux.screen() == settled)
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }

  @Test func tinyAndChangingSizesNeverCrash() throws {
    let tmux = try TmuxSession(width: 80, height: 24)
    try start(tmux)
    try tmux.resize(width: 19, height: 5)
    tmux.waitFor { $0.contains("too small") }
    for (width, height) in [
      (1, 1), (20, 5), (3, 2), (132, 40), (40, 10), (1, 50), (200, 3), (60, 20),
    ] {
      try tmux.resize(width: width, height: height)
      try tmux.keys("j")
    }
    try tmux.resize(width: 80, height: 24)
    let screen = tmux.waitFor { $0.contains("On this page") }
    #expect(screen != nil)
    #expect(pid(tmux).map { kill($0, 0) == 0 } == true)
    try tmux.keys("q")
    try expectRestored(tmux, status: 0)
  }
}
