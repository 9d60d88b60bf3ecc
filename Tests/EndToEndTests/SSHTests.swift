import Foundation
import Glibc
import TestSupport
import Testing

/// medterm over a real SSH connection: a private sshd on 127.0.0.1, the `ssh -tt` client in
/// tmux, the real binary on the far side. What SSH changes is checked here: TERM and the
/// window size arrive in the pty request, window changes arrive as SIGWINCH through the
/// connection, COLORTERM does not arrive at all, and a dropped client must end medterm.
@Suite(
  .serialized,
  .enabled(
    if: SSHServer.runnable,
    "needs sshd, ssh, ssh-keygen and tmux; missing: \(SSHServer.missingTools)"))
struct SSHTests {
  @Test func browseThroughTheSidebarAndJump() throws {
    let server = try SSHServer()
    // A local terminal that announces true colour, as most do: SSH does not forward it.
    let tmux = try TmuxSession(
      width: 100, height: 30, extraEnvironment: ["COLORTERM": "truecolor"])
    try tmux.runMedterm(
      over: server, term: "xterm-256color", localEnvironment: ["COLORTERM": "truecolor"])
    let first = try Self.waitForFirstScreen(tmux, server)
    #expect(first?.contains("See, Play and Learn") == true)

    // The far side's medterm got what SSH carries, and nothing it does not.
    let pid = try #require(tmux.remoteMedtermPID())
    let environment = SSHServer.ProcessTable.environment(of: pid)
    #expect(environment["TERM"] == "xterm-256color")
    #expect(environment["LANG"] == "C.UTF-8")
    #expect(environment["COLORTERM"] == nil)
    #expect(environment["SSH_CONNECTION"]?.hasSuffix(" \(server.port)") == true)

    try tmux.keys("Tab", "Down")
    tmux.waitFor { $0.contains("▸ Start Here") && $0.contains("Start Here 2/15") }
    try tmux.keys("Down")
    tmux.waitFor { $0.contains("│ Diagnosis and Tests") && $0.contains("Diagnosis and Tests 3/15") }
    try tmux.keys("Down", "Down", "Down", "Down", "Down", "Down")
    tmux.waitFor { $0.contains("▸ Find an Expert") && $0.contains("Find an Expert 9/15") }
    try tmux.keys("Enter")
    let jumped = tmux.waitFor { $0.contains("│ Find an Expert") && $0.contains("Tab sidebar") }
    #expect(jumped?.contains("National Institute of Arthritis") == true)

    try tmux.keys("q")
    tmux.waitFor { $0.contains("ssh-exit=0") }
    #expect(SSHServer.ProcessTable.waitUntilEnded([pid], timeout: 5).isEmpty)
  }

  /// `less` on the far side takes the terminal over the same connection and gives it back.
  @Test(.enabled(if: Tools.runnable("python3"), "python3 is not installed"))
  func aLinkAndTheLinksListOpenInLessAndComeBack() throws {
    let server = try SSHServer()
    let web = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = tmux.directory.appendingPathComponent("links.md")
    let markdown = """
      # Link test

      ## Resources

      - [Evolve docs](\(web.url("/corpus/web/mercurial.source.html"))) (Mercurial)
      """
    try Data(markdown.utf8).write(to: page)
    try tmux.runMedterm(over: server, term: "xterm-256color", arguments: [page.path])
    Self.waitOrShowLog(tmux, server) { $0.contains("Link test") }
    try tmux.keys("}")
    let before = tmux.waitFor { $0.contains("[1] http://127.0.0.1") } ?? ""
    try tmux.keys("Enter")
    let paged = tmux.waitFor {
      $0.contains("Evolve: Shared Mutable History") && !$0.contains("Link test")
    }
    #expect(paged.map { TmuxSession.lastLine(of: $0).hasPrefix(":") } == true)
    try tmux.keys("q")
    let after = tmux.waitFor { $0.contains("Link test") } ?? ""
    #expect(after == before)

    try tmux.keys("L")
    tmux.waitFor { $0.contains("Links of Link test") && $0.contains("Evolve docs") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Link test") && $0.contains("[1] http://127.0.0.1") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("ssh-exit=0") }
  }

  /// A tmux window change reaches ssh as SIGWINCH, crosses as a window-change request, and
  /// reaches medterm as SIGWINCH on the far side.
  @Test func aResizeCrossesTheConnection() throws {
    let server = try SSHServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.runMedterm(over: server, term: "xterm-256color")
    try Self.waitForFirstScreen(tmux, server)

    // Each size must give exactly the screen medterm renders for it: tmux keeps stale rows
    // when it shrinks a window, so anything weaker can match before medterm has repainted.
    for (width, height) in [(70, 20), (50, 16), (100, 30)] {
      let expected = try Self.renderedScreen(width: width, height: height)
      try tmux.resize(width: width, height: height)
      tmux.waitFor { Self.trimmedRows($0) == expected }
    }

    try tmux.keys("q")
    tmux.waitFor { $0.contains("ssh-exit=0") }
  }

  /// Killing the client drops the connection; sshd closes the pty and the far side's
  /// medterm gets SIGHUP. Nothing of the session may be left running.
  @Test func killingTheClientEndsMedtermOnTheServer() throws {
    let server = try SSHServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.runMedterm(over: server, term: "xterm-256color")
    try Self.waitForFirstScreen(tmux, server)
    let medterm = try #require(tmux.remoteMedtermPID())
    let client = try #require(tmux.sshClientPID())
    let session = server.descendants()
    #expect(session.contains(medterm))

    kill(client, SIGKILL)
    tmux.waitFor { $0.contains("ssh-exit=137") }
    let left = SSHServer.ProcessTable.waitUntilEnded(session, timeout: 10)
    #expect(left.isEmpty, "still running: \(left.compactMap(SSHServer.ProcessTable.entry))")
    #expect(!SSHServer.ProcessTable.isRunning(medterm))
    #expect(server.descendants().isEmpty)
    // The daemon itself is unharmed and takes the next connection.
    try tmux.runMedterm(over: server, term: "xterm-256color")
    try Self.waitForFirstScreen(tmux, server)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("ssh-exit=0") }
  }

  /// Stopping the server (its deinit) while a session is open ends the session, medterm
  /// and the daemon; the daemon's pid file named the process that was stopped.
  @Test func theServerLeavesNoProcessBehind() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let (daemon, started, configPath) = try { () throws -> (pid_t, [pid_t], String) in
      let server = try SSHServer()
      try tmux.runMedterm(over: server, term: "xterm-256color")
      try Self.waitForFirstScreen(tmux, server)
      let medterm = try #require(tmux.remoteMedtermPID())
      let pidFile = try String(contentsOfFile: server.pidFilePath, encoding: .utf8)
      #expect(pidFile.trimmingCharacters(in: .whitespacesAndNewlines) == "\(server.pid)")
      let started = server.descendants()
      #expect(started.contains(medterm))
      return (server.pid, started, server.directory.appendingPathComponent("sshd_config").path)
    }()
    #expect(!SSHServer.ProcessTable.isRunning(daemon))
    let left = started.filter(SSHServer.ProcessTable.isRunning)
    #expect(left.isEmpty, "still running: \(left.compactMap(SSHServer.ProcessTable.entry))")
    // No daemon of this configuration anywhere, whoever its parent is now.
    let strays = SSHServer.ProcessTable.all().filter {
      $0.state != "Z"
        && (try? String(contentsOfFile: "/proc/\($0.pid)/cmdline", encoding: .utf8))?
          .contains(configPath) == true
    }
    #expect(strays.isEmpty)
    // The client noticed: the connection is gone and the pane's shell is back.
    tmux.waitFor { $0.contains("ssh-exit=") }
  }

  /// What SSH sessions commonly carry: plain `xterm`, `screen` (tmux and screen users),
  /// `vt100` (serial consoles, old clients), never COLORTERM. Each must give a usable
  /// screen; colours only where terminfo says the terminal has them.
  @Test(arguments: ["xterm", "screen", "vt100"])
  func commonTerminalTypes(term: String) throws {
    let server = try SSHServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.runMedterm(over: server, term: term)
    // The same text as on any other terminal; only the escapes differ.
    try Self.waitForFirstScreen(tmux, server)
    let pid = try #require(tmux.remoteMedtermPID())
    #expect(SSHServer.ProcessTable.environment(of: pid)["TERM"] == term)

    let painted = tmux.screen(escapes: true)
    // A colour is a whole SGR parameter 30–37, 40–47, 38 or 48; 39 and 49 (the default
    // colours) tmux writes for every terminal.
    let colours = painted.contains(/\e\[(?:[0-9]*;)*(?:3[0-8]|4[0-8])[;m]/)
    #expect(colours == (term != "vt100"), "colour escapes: \(colours)")
    // Without colours the selection must still show: reverse video or bold.
    #expect(painted.contains(/\e\[(?:[0-9]*;)*[17][;m]/))

    try tmux.keys("Tab", "Down")
    tmux.waitFor { $0.contains("Start Here 2/15") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("ssh-exit=0") }
  }

  /// Waits for the built-in page's first screen, exactly as medterm renders it.
  @discardableResult
  private static func waitForFirstScreen(
    _ tmux: TmuxSession, _ server: SSHServer, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String? {
    let expected = try renderedScreen(width: 100, height: 30)
    return waitOrShowLog(tmux, server, sourceLocation: sourceLocation) {
      trimmedRows($0) == expected
    }
  }

  /// `waitFor`, and on a timeout the daemon's log too: it tells whether the login, the
  /// session or medterm was what never came.
  @discardableResult
  private static func waitOrShowLog(
    _ tmux: TmuxSession, _ server: SSHServer, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) -> String? {
    let screen = tmux.waitFor(sourceLocation: sourceLocation, condition)
    if screen == nil { Issue.record("sshd's log:\n\(server.log)", sourceLocation: sourceLocation) }
    return screen
  }

  /// The built-in page's first screen at a size, from `--dump-screen` (the browser's own
  /// composer, without a terminal).
  private static func renderedScreen(width: Int, height: Int) throws -> [String] {
    let result = try Medterm.run(["--dump-screen", "\(width)x\(height)"])
    return trimmedRows(result.stdout)
  }

  /// Rows without trailing blanks and without blank rows at the end, as capture-pane and
  /// --dump-screen differ there.
  private static func trimmedRows(_ screen: String) -> [String] {
    var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    while rows.last?.isEmpty == true { rows.removeLast() }
    return rows
  }
}
