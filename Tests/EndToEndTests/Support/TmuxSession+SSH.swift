import Foundation
import Glibc
import Testing

extension TmuxSession {
  /// Where the far side writes medterm's process id (the session directory is on this
  /// machine, and so is the far side).
  var remotePIDFile: URL { directory.appendingPathComponent("medterm.pid") }

  /// Types `ssh -tt … exec /bin/sh -c 'echo $$ > pidfile; exec medterm ARGS'` at the
  /// pane's shell, then `ssh-exit=STATUS` when the client ends. The far side's login shell
  /// is the user's and may not know `$$`, hence `/bin/sh`; `exec` keeps the pid in the
  /// file medterm's, so the test watches the real process. TERM is set for the client
  /// only: SSH carries it, with the window size, in its pty request; the far side sees no
  /// other variable of this shell unless `SendEnv` sends it.
  func runMedterm(
    over server: SSHServer, term: String, arguments: [String] = [],
    localEnvironment: [String: String] = [:]
  ) throws {
    try? FileManager.default.removeItem(at: remotePIDFile)
    // sshd gives the far side the account's own HOME: medterm's state and config go to this
    // session's directory instead, so that no test sees another's history or positions.
    let state = ["XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"].map {
      "\($0)=" + Self.quoted(directory.appendingPathComponent("remote-\($0)").path)
    }
    let script =
      "echo $$ > \(Self.quoted(remotePIDFile.path)); \(state.joined(separator: " ")) exec "
      + ([Medterm.executable.path] + arguments).map(Self.quoted).joined(separator: " ")
    let remote = "exec /bin/sh -c \(Self.quoted(script))"
    let assignments = localEnvironment.merging(["TERM": term]) { _, new in new }
      .map { "\($0.key)=\(Self.quoted($0.value))" }.sorted()
    let client =
      ["ssh", "-tt"] + server.clientOptions + [server.destination, remote]
    try run(
      (assignments + client.map(Self.quoted)).joined(separator: " ")
        + "; echo \"ssh-exit=$?\"")
  }

  /// medterm's process id on the far side, once the remote shell has written it.
  func remoteMedtermPID(
    timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation
  ) -> pid_t? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let text = (try? String(contentsOf: remotePIDFile, encoding: .utf8)) ?? ""
      if let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
      usleep(20_000)
    }
    Issue.record("the far side never wrote medterm's pid", sourceLocation: sourceLocation)
    return nil
  }

  /// The shell tmux started in the pane.
  func panePID() -> pid_t? {
    let text = (try? tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"])) ?? ""
    return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// The ssh client the pane's shell is running, if it is running one.
  func sshClientPID() -> pid_t? {
    guard let shell = panePID() else { return nil }
    return SSHServer.ProcessTable.children(of: shell).first { $0.name == "ssh" }?.pid
  }

  /// Single quotes for the shell: the command line is parsed three times (the pane's
  /// shell, the far side's login shell, its `sh -c`), and each quoting survives one parse.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
