import Foundation
import Glibc

/// TestSupport: what several test targets need and would otherwise each write again.
///
/// The local HTTP server (`Server/test_server.py`) on 127.0.0.1 and a free port, serving a
/// directory under `/corpus/<name>` plus endpoints that misbehave on purpose (`/404`,
/// `/slow`, `/endless`, `/gzip`, `/cut/<name>`, `/stall/<name>`, `/fail/<code>/…`, see the
/// script). Killed in deinit, so a failing test leaves no server behind.
public final class TestHTTPServer {
  public let port: Int
  private let pid: pid_t

  /// python3 on PATH, or CI (where it is installed, so a missing one must fail, not skip).
  public static var runnable: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true" || PackagePaths.onPath("python3") != nil
  }

  /// Serves `directory` (the test corpus when not given).
  public init(serving directory: String = PackagePaths.corpus) throws {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw ServerError.cannotStart("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addclose(&actions, ends[1])
    // Test threads block most signals and a spawned child inherits the mask.
    let attributes = SpawnAttributes()
    let arguments = ["python3", PackagePaths.serverScript, directory]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, "python3", &actions, &attributes.value, argv, environ)
    close(ends[1])
    guard spawned == 0 else {
      close(ends[0])
      throw ServerError.cannotStart("python3: \(String(cString: strerror(spawned)))")
    }
    self.pid = pid
    defer { close(ends[0]) }
    // The first line is "PORT <n>"; wait for it at most 10 s (a cold python3 is slow).
    var line: [UInt8] = []
    let deadline = Date().addingTimeInterval(10)
    while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
      var descriptor = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
      guard Glibc.poll(&descriptor, 1, 100) > 0 else { continue }
      var byte: UInt8 = 0
      guard read(ends[0], &byte, 1) == 1 else { break }
      line.append(byte)
    }
    let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
      kill(pid, SIGKILL)
      waitpid(pid, nil, 0)
      throw ServerError.cannotStart("test_server.py said “\(text)”")
    }
    self.port = port
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}

public enum ServerError: Error {
  case cannotStart(String)
}
