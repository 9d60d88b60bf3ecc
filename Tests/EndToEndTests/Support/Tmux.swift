import Foundation
import TestSupport
import Testing

/// Tools the end-to-end tests drive. Missing on a developer machine: the test is skipped
/// with its reason. Under CI (`CI=true`) every tool is installed, so the test runs and fails
/// loudly instead of hiding a gap.
enum Tools {
  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  static func available(_ name: String) -> Bool { PackagePaths.onPath(name) != nil }

  /// For `.enabled(if:)`: run when the tool is there, or always under CI.
  static func runnable(_ name: String) -> Bool { isCI || available(name) }
}

/// A tmux server of its own (private socket, no config) with one window of a fixed size,
/// running a plain shell: the test types commands and reads the screen like a person.
final class TmuxSession {
  let socket = "medterm-test-\(UUID().uuidString.prefix(8))"
  static let prompt = "medterm-test$ "
  /// The shell's working directory: private to this session, removed with it, so files the
  /// test writes (stty dumps, notes) never land in the checkout.
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "medterm-tmux-\(UUID().uuidString.prefix(8))")

  init(
    width: Int, height: Int, term: String = "xterm-256color",
    extraEnvironment: [String: String] = [:]
  )
    throws
  {
    var environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory.path, "LANG": "C.UTF-8", "TERM": term, "PS1": Self.prompt,
    ]
    for (key, value) in extraEnvironment { environment[key] = value }
    let assignments = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try tmux([
      "new-session", "-d", "-c", directory.path, "-x", "\(width)", "-y", "\(height)",
      "env -i \(assignments) bash --norc --noprofile",
    ])
    // tmux's own TERM inside the pane is set by default-terminal; force the one asked for.
    _ = waitFor { $0.contains(Self.prompt.trimmingCharacters(in: .whitespaces)) }
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: directory)
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(socket)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, outputPath: file.path)
    return String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
  }

  /// Types a shell command line and Enter.
  func run(_ commandLine: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", commandLine])
    try tmux(["send-keys", "-t", "0", "Enter"])
  }

  /// Sends tmux key names (`Down`, `Tab`, `C-c`, `q`).
  func keys(_ names: String...) throws {
    try tmux(["send-keys", "-t", "0"] + names)
  }

  /// Types literal text.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", text])
  }

  func screen(escapes: Bool = false) -> String {
    (try? tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))) ?? ""
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the screen until the condition holds; returns the screen, or nil after the timeout
  /// (and records an issue with what was on screen).
  @discardableResult
  func waitFor(
    timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = screen()
      if condition(last) { return last }
      usleep(50_000)
    }
    Issue.record("screen never matched; it showed:\n\(last)", sourceLocation: sourceLocation)
    return nil
  }

  /// The last line of a screen that is not blank.
  static func lastLine(of screen: String) -> String {
    screen.split(separator: "\n").last { !$0.allSatisfy { $0 == " " } }.map(String.init) ?? ""
  }

  /// The screen's rows.
  func rows() -> [String] {
    screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}
