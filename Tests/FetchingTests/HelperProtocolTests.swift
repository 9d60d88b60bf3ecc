import Foundation
import Glibc
import TestSupport
import Testing

/// The helper on its own: its command line, its output file rules, its line protocol.
@Suite(.enabled(if: TestHTTPServer.runnable, "python3 is not on PATH (CI=true makes this fail)"))
final class HelperProtocolTests {
  let server: TestHTTPServer
  let directory: TemporaryDirectory

  init() throws {
    server = try TestHTTPServer()
    directory = try TemporaryDirectory()
  }

  struct Run {
    var status: Int32
    var lines: [String]
    var seconds: Double
    /// User and system CPU time the helper used.
    var cpuSeconds: Double
  }

  /// Runs medterm-fetch with `arguments`, standard output to a file, and waits.
  func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
    let outputPath = directory.path + "/stdout-\(UUID().uuidString)"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, outputPath + ".err", O_WRONLY | O_CREAT, 0o600)
    let argv = ([Paths.helper] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = Date()
    var environment = ProcessInfo.processInfo.environment
    environment.merge(extra) { $1 }
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    guard posix_spawn(&pid, Paths.helper, &actions, nil, argv, envp) == 0 else {
      throw ServerError.cannotStart("medterm-fetch")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let cpuSeconds =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    let seconds = Date().timeIntervalSince(start)
    let text = try String(contentsOfFile: outputPath, encoding: .utf8)
    let errors = try String(contentsOfFile: outputPath + ".err", encoding: .utf8)
    #expect(errors.isEmpty, "nothing on standard error")
    return Run(
      status: (status >> 8) & 0xFF, lines: text.split(separator: "\n").map(String.init),
      seconds: seconds, cpuSeconds: cpuSeconds)
  }

  func bodyFile() -> String {
    let path = directory.path + "/body-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    return path
  }

  @Test func doneLineAndExitStatus() throws {
    let body = bodyFile()
    let result = try run([server.url("/corpus/web/mercurial.source.html"), body])
    #expect(result.status == 0)
    #expect(
      result.lines.last == "done 200 \(server.url("/corpus/web/mercurial.source.html")) text/html")
    #expect(result.lines.dropLast().allSatisfy { $0.hasPrefix("progress ") })
    let size = try FileManager.default.attributesOfItem(atPath: body)[.size] as? Int
    #expect(result.lines.dropLast().last == "progress \(size ?? -1) \(size ?? -1)")
  }

  /// The helper writes nothing but its body file: no cache, data or scratch directory.
  @Test func aFetchLeavesNothingInTheUsersDirectories() throws {
    let places = ["data", "cache", "tmp"].map { directory.path + "/home-" + $0 }
    for place in places {
      try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
    }
    let result = try run(
      [server.url("/corpus/web/mercurial.source.html"), bodyFile()],
      environment: [
        "XDG_DATA_HOME": places[0], "XDG_CACHE_HOME": places[1], "TMPDIR": places[2],
      ])
    #expect(result.status == 0)
    for place in places {
      #expect(try FileManager.default.contentsOfDirectory(atPath: place) == [], "\(place)")
    }
  }

  /// A TMPDIR that does not exist must not send anything into the real XDG directories.
  @Test func anInvalidTemporaryDirectoryWritesNothingElsewhere() throws {
    let places = ["data", "cache"].map { directory.path + "/home-" + $0 }
    for place in places {
      try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
    }
    let result = try run(
      [server.url("/corpus/web/mercurial.source.html"), bodyFile()],
      environment: [
        "XDG_DATA_HOME": places[0], "XDG_CACHE_HOME": places[1],
        "TMPDIR": directory.path + "/no/such/place",
      ])
    #expect(result.status == 0)
    for place in places {
      #expect(try FileManager.default.contentsOfDirectory(atPath: place) == [], "\(place)")
    }
  }

  /// A silent server is waited for in poll(2), not in a loop: URLSession's took a whole core
  /// (about 4 s of CPU here); the bound leaves room for a slow machine.
  @Test func waitingForASilentServerCostsNoCPU() throws {
    let result = try run([server.url("/slow"), bodyFile(), "--timeout", "4"])
    #expect(result.lines.last == "error timed-out 4")
    #expect(result.cpuSeconds < 0.5, "\(result.cpuSeconds) s of CPU in \(result.seconds) s")
  }

  @Test func silenceLongerThanTheStallLimitGivesUp() throws {
    let result = try run([server.url("/slow"), bodyFile(), "--timeout", "30", "--stall", "1"])
    #expect(result.status == 1)
    #expect(result.lines.first == "progress 0 1000", "the headers did arrive")
    #expect(result.lines.last == "error stalled 1")
    #expect(result.seconds < 5, "gave up after \(result.seconds) s")
  }

  /// The address reaches the server as written: `%20` and `%25` are not encoded again, and
  /// characters that strict parsers reject are passed on, not escaped a second time.
  @Test func theAddressIsFetchedAsWritten() throws {
    let target = "/echo-path/a%20b|c`d{e}f^g%25.html?q=%7C&r=a%20b"
    let body = bodyFile()
    let result = try run([server.url(target), body])
    #expect(result.status == 0)
    #expect(try String(contentsOfFile: body, encoding: .utf8) == target)
  }

  @Test func errorLineAndExitStatus() throws {
    let result = try run([server.url("/404"), bodyFile()])
    #expect(result.status == 1)
    #expect(result.lines == ["error http-status 404 Not Found"])
  }

  /// Refusing a redirect once crashed the helper now and then (corelibs asserts when a task
  /// is cancelled while its redirect callback is pending): repeat it.
  @Test func refusingARedirectNeverCrashes() throws {
    for _ in 0..<15 {
      let result = try run([server.url("/redirect/2"), bodyFile(), "--max-redirects", "1"])
      #expect(result.status == 1)
      #expect(result.lines == ["error too-many-redirects 1"])
    }
  }

  @Test func progressIsAtMostAboutTenLinesASecond() throws {
    let result = try run([
      server.url("/endless"), bodyFile(), "--timeout", "2", "--max-bytes", "100000000000",
    ])
    #expect(result.lines.last == "error timed-out 2")
    let progress = result.lines.filter { $0.hasPrefix("progress ") }
    #expect(progress.count >= 2)
    #expect(
      Double(progress.count) <= result.seconds * 10 + 3, "\(progress.count) in \(result.seconds) s")
  }

  @Test func theOutputFileIsNeverCreated() throws {
    let missing = directory.path + "/not-there"
    let result = try run([server.url("/corpus/web/mercurial.source.html"), missing])
    #expect(result.status == 1)
    #expect(result.lines.count == 1)
    #expect(result.lines.first?.hasPrefix("error output cannot open \(missing)") == true)
    #expect(!Paths.exists(missing))
  }

  @Test func theOutputFileIsNotFollowedThroughALink() throws {
    let target = bodyFile()
    let link = directory.path + "/link"
    #expect(symlink(target, link) == 0)
    let result = try run([server.url("/corpus/web/mercurial.source.html"), link])
    #expect(result.lines.first?.hasPrefix("error output") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: target)).isEmpty)
  }

  @Test(arguments: [
    [String](), ["http://x/"], ["http://x/", "out", "extra"], ["http://x/", "out", "--timeout"],
    ["http://x/", "out", "--timeout", "0"], ["http://x/", "out", "--max-bytes", "-1"],
    ["http://x/", "out", "--verbose"],
  ])
  func usageErrors(arguments: [String]) throws {
    let result = try run(arguments)
    #expect(result.status == 64)
    #expect(result.lines.count == 1)
    #expect(result.lines.first?.hasPrefix("error usage ") == true)
  }

  @Test(arguments: [
    ("javascript:alert(1)", "error unsupported-scheme javascript"),
    ("ftp://example.com/", "error unsupported-scheme ftp"),
    ("http://", "error invalid-url http://"),
  ])
  func theHelperRefusesOtherSchemesToo(url: String, line: String) throws {
    let result = try run([url, bodyFile()])
    #expect(result.status == 1)
    #expect(result.lines == [line])
  }
}
