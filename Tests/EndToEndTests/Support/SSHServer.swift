import Foundation
import Glibc
import TestSupport

/// A private `sshd` on 127.0.0.1 and a free port, so medterm can be driven over a real SSH
/// connection: a throwaway host key and user key and its own config, all in a temporary
/// directory; nothing of the machine's `/etc/ssh` or anyone's `~/.ssh` is read or changed.
/// `stop()` (and deinit) ends the daemon and every process it started.
final class SSHServer {
  /// sshd refuses to run from a relative path (it re-executes itself for each connection).
  static var daemonPath: String? {
    ["/usr/sbin/sshd", "/usr/local/sbin/sshd"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// What a machine needs for these tests, and what of it is missing.
  static var missingTools: [String] {
    (daemonPath == nil ? ["sshd"] : [])
      + ["ssh", "ssh-keygen", "tmux"].filter { !Tools.available($0) }
  }

  /// For `.enabled(if:)`: run when everything is there, or always under CI.
  static var runnable: Bool { Tools.isCI || missingTools.isEmpty }

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "medterm-sshd-\(UUID().uuidString.prefix(8))")
  let port: Int
  /// The account the client logs in as: whoever runs the tests (root here and in CI).
  let user: String
  /// The listening daemon's process id.
  let pid: pid_t
  private var stopped = false

  var keyPath: String { directory.appendingPathComponent("user_key").path }
  var pidFilePath: String { directory.appendingPathComponent("sshd.pid").path }
  var logPath: String { directory.appendingPathComponent("sshd.log").path }
  var destination: String { "\(user)@127.0.0.1" }

  /// The daemon's log (`-e`: everything on standard error, which goes to the log file).
  var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

  /// The client's options, without a destination. Nothing from `~/.ssh` or `/etc/ssh`;
  /// BatchMode so that a failed key login ends instead of prompting in the pane; LANG and
  /// LC_* are sent as Debian's stock ssh_config does, COLORTERM is not.
  var clientOptions: [String] {
    [
      "-F", "/dev/null", "-i", keyPath, "-o", "StrictHostKeyChecking=no",
      "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes",
      "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10", "-o", "SendEnv=LANG LC_*",
      "-p", "\(port)",
    ]
  }

  init(timeout: TimeInterval = 10) throws {
    // Under CI the tests run whatever is missing: say what, rather than time out later.
    if let tool = Self.missingTools.first { throw StartError.missing(tool) }
    guard let daemon = Self.daemonPath else { throw StartError.missing("sshd") }
    guard let account = getpwuid(geteuid()), let name = account.pointee.pw_name else {
      throw StartError.cannotStart("the current user has no passwd entry")
    }
    user = String(cString: name)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // The privilege-separation directory is created by the init system, which a container
    // does not run; without it a root sshd exits at once.
    if geteuid() == 0 { mkdir("/run/sshd", 0o755) }
    for key in ["host_key", "user_key"] {
      let path = directory.appendingPathComponent(key).path
      let status = Spawn.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path])
      guard status == 0 else { throw StartError.cannotStart("ssh-keygen exited \(status)") }
    }
    try FileManager.default.copyItem(
      atPath: directory.appendingPathComponent("user_key.pub").path,
      toPath: directory.appendingPathComponent("authorized_keys").path)

    // A free port can be taken by someone else before sshd binds it: try a few.
    let pidFile = directory.appendingPathComponent("sshd.pid").path
    let log = directory.appendingPathComponent("sshd.log").path
    var lastFailure = ""
    for _ in 0..<5 {
      let port = try FreePort.pick()
      try Self.configuration(directory: directory, port: port).write(
        to: directory.appendingPathComponent("sshd_config"), atomically: true, encoding: .utf8)
      let child = try Self.spawn(daemon, directory: directory)
      switch Self.waitUntilListening(child, pidFile: pidFile, timeout: timeout) {
      case .listening:
        self.port = port
        self.pid = child
        return
      case .exited:
        lastFailure = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      case .timedOut:
        Self.terminate(child)
        try? FileManager.default.removeItem(at: directory)
        throw StartError.cannotStart("sshd did not listen within \(timeout) s")
      }
    }
    try? FileManager.default.removeItem(at: directory)
    throw StartError.cannotStart("sshd exited: \(lastFailure)")
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(at: directory)
  }

  /// Ends every process the daemon started, then the daemon. Sessions go first: a session
  /// whose listener is gone is reparented to init, and no walk of the tree finds it again.
  func stop() {
    guard !stopped else { return }
    stopped = true
    for signal in [SIGTERM, SIGTERM, SIGKILL] {
      let tree = ProcessTable.descendants(of: pid)
      if tree.isEmpty { break }
      tree.forEach { kill($0, signal) }
      ProcessTable.waitUntilEnded(tree, timeout: 2)
    }
    Self.terminate(pid)
  }

  /// The processes the daemon started and that are still running (sessions, shells,
  /// medterm and its children).
  func descendants() -> [pid_t] {
    ProcessTable.descendants(of: pid).filter(ProcessTable.isRunning)
  }

  enum StartError: Error, CustomStringConvertible {
    case missing(String)
    case cannotStart(String)

    var description: String {
      switch self {
      case .missing(let tool): "\(tool) is not installed"
      case .cannotStart(let reason): "sshd could not be started: \(reason)"
      }
    }
  }

  // MARK: - Starting

  private static func configuration(directory: URL, port: Int) -> String {
    let path = directory.path
    return """
      ListenAddress 127.0.0.1
      Port \(port)
      HostKey \(path)/host_key
      AuthorizedKeysFile \(path)/authorized_keys
      PidFile \(path)/sshd.pid
      PubkeyAuthentication yes
      PasswordAuthentication no
      KbdInteractiveAuthentication no
      UsePAM no
      StrictModes no
      PermitRootLogin prohibit-password
      AcceptEnv LANG LC_* TERM COLORTERM NO_COLOR
      PrintMotd no
      PrintLastLog no
      UseDNS no
      X11Forwarding no
      AllowAgentForwarding no
      AllowTcpForwarding no

      """
  }

  /// Starts `sshd -D -e` (foreground, log on standard error) with an empty signal mask:
  /// the test runner blocks SIGTERM in its threads and a child would inherit that.
  private static func spawn(_ daemon: String, directory: URL) throws -> pid_t {
    let log = directory.appendingPathComponent("sshd.log").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let arguments = [
      daemon, "-D", "-e", "-f", directory.appendingPathComponent("sshd_config").path,
    ]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let attributes = SpawnAttributes()
    var child: pid_t = 0
    let status = posix_spawn(&child, daemon, &actions, &attributes.value, argv, environ)
    guard status == 0 else {
      throw StartError.cannotStart("\(daemon): \(String(cString: strerror(status)))")
    }
    return child
  }

  private enum Readiness {
    case listening, exited, timedOut
  }

  /// sshd writes its pid file once it listens; a lost race for the port ends it instead.
  private static func waitUntilListening(
    _ child: pid_t, pidFile: String, timeout: TimeInterval
  ) -> Readiness {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      var status: Int32 = 0
      if waitpid(child, &status, WNOHANG) == child { return .exited }
      let written = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
      if written.trimmingCharacters(in: .whitespacesAndNewlines) == "\(child)" {
        return .listening
      }
      usleep(10_000)
    }
    return .timedOut
  }

  /// SIGTERM, a moment to exit, then SIGKILL; always reaped, so no zombie is left.
  private static func terminate(_ child: pid_t) {
    kill(child, SIGTERM)
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(2)
    while waitpid(child, &status, WNOHANG) == 0 {
      if Date() > deadline {
        kill(child, SIGKILL)
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return
      }
      usleep(10_000)
    }
  }
}

extension SSHServer {
  /// The machine's processes as `/proc` shows them. Remote processes of these tests run on
  /// this machine, so a remote pid can be checked directly.
  enum ProcessTable {
    struct Entry {
      var pid: pid_t
      var parent: pid_t
      /// `R`, `S`, … `Z` for a zombie.
      var state: Character
      var name: String
    }

    static func entry(_ pid: pid_t) -> Entry? {
      guard
        let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
      else { return nil }
      // The name sits in parentheses and may itself hold spaces and parentheses.
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 2, let state = fields[0].first, let parent = pid_t(fields[1]) else {
        return nil
      }
      let name = String(stat[stat.index(after: open)..<close])
      return Entry(pid: pid, parent: parent, state: state, name: name)
    }

    static func all() -> [Entry] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      return names.compactMap { pid_t($0) }.compactMap(entry)
    }

    /// Alive and not a zombie. An orphan's zombie stays in the table until init reaps it,
    /// which a container's init may do late or never; it has ended all the same.
    static func isRunning(_ pid: pid_t) -> Bool {
      guard let entry = entry(pid) else { return false }
      return entry.state != "Z" && entry.state != "X"
    }

    static func children(of pid: pid_t) -> [Entry] {
      all().filter { $0.parent == pid }
    }

    /// Children, their children, and so on, parents before children.
    static func descendants(of pid: pid_t) -> [pid_t] {
      let table = all()
      var found: [pid_t] = []
      var frontier = [pid]
      while let next = frontier.popLast() {
        let children = table.filter { $0.parent == next }.map(\.pid)
        found += children
        frontier += children
      }
      return found
    }

    /// The process's environment, as it was when it started.
    static func environment(of pid: pid_t) -> [String: String] {
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else {
        return [:]
      }
      var result: [String: String] = [:]
      for item in data.split(separator: 0) {
        let text = String(decoding: item, as: UTF8.self)
        guard let equals = text.firstIndex(of: "=") else { continue }
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      return result
    }

    /// Polls until none of `pids` runs; returns those still running at the timeout.
    @discardableResult
    static func waitUntilEnded(_ pids: [pid_t], timeout: TimeInterval) -> [pid_t] {
      let deadline = Date().addingTimeInterval(timeout)
      var running = pids.filter(isRunning)
      while !running.isEmpty && Date() < deadline {
        usleep(20_000)
        running = running.filter(isRunning)
      }
      return running
    }
  }
}
