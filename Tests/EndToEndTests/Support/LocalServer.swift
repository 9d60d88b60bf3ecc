import Foundation
import Glibc

/// The test HTTP server (`Tests/FetchingTests/Server/test_server.py`) on 127.0.0.1 and a
/// free port: the corpus under `/corpus/`, plus endpoints that misbehave on purpose.
final class LocalServer {
  let port: Int
  private let pid: pid_t

  /// Serves `directory` under `/corpus/` (the test corpus unless given).
  init(directory: URL = Medterm.corpus) throws {
    let script = Medterm.packageRoot.appendingPathComponent(
      "Tests/FetchingTests/Server/test_server.py")
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw ServerError.cannotStart("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = SpawnAttributes()
    let arguments = ["python3", script.path, directory.path]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child: pid_t = 0
    guard posix_spawnp(&child, "python3", &actions, &attributes.value, argv, environ) == 0 else {
      close(ends[0])
      close(ends[1])
      throw ServerError.cannotStart("python3 could not be started")
    }
    close(ends[1])
    pid = child
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while read(ends[0], &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
    close(ends[0])
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
      kill(child, SIGTERM)
      throw ServerError.cannotStart("the server said \(text)")
    }
    self.port = port
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
  }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  enum ServerError: Error {
    case cannotStart(String)
  }
}
