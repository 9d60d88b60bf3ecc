import Foundation
import Glibc
import TestSupport
import Testing

@testable import Fetching

/// What is refused before or without a server: bad addresses, missing or broken helpers,
/// closed ports, unknown hosts.
@Suite struct FetchRefusalTests {
  /// A path where no helper is: a refused address must be refused before this matters.
  static let noHelper = "/nonexistent/medterm-fetch"

  @Test(arguments: [
    ("javascript:alert(1)", "javascript"),
    ("JavaScript:alert(document.cookie)", "javascript"),
    ("data:text/html,<h1>hi</h1>", "data"),
    ("ftp://ftp.example.com/file.txt", "ftp"),
    ("file:///etc/passwd", "file"),
    ("mailto:someone@example.com", "mailto"),
  ])
  func otherSchemesAreRefusedBeforeSpawning(url: String, scheme: String) {
    #expect(throws: FetchError.unsupportedScheme(scheme)) {
      try FetchOperation.start(FetchRequest(url: url), helperPath: Self.noHelper)
    }
  }

  @Test(arguments: [
    "", "medlineplus.gov/diabetes.html", "http://", "https:///path", "http:/x",
    "http://exa mple.com/", "http://example.com/\u{1B}[2J", "://x", "http//x",
  ])
  func malformedAddressesAreRefusedBeforeSpawning(url: String) {
    #expect(throws: FetchError.invalidURL(url)) {
      try FetchOperation.start(FetchRequest(url: url), helperPath: Self.noHelper)
    }
  }

  @Test func spacesAndNonASCIIArePercentEncoded() throws {
    #expect(
      try WebAddress.validated("  https://example.com/a b/café?q=1 ")
        == "https://example.com/a%20b/caf%C3%A9?q=1")
    #expect(try WebAddress.validated("HTTP://Example.com") == "HTTP://Example.com")
  }

  @Test func aMissingHelperIsReported() {
    #expect(throws: FetchError.helperMissing(Self.noHelper)) {
      try FetchOperation.start(
        FetchRequest(url: "http://127.0.0.1/"), helperPath: Self.noHelper)
    }
    #expect(throws: FetchError.helperMissing("")) {
      try FetchOperation.start(FetchRequest(url: "http://127.0.0.1/"), helperPath: "")
    }
  }

  @Test func aHelperThatIsNotExecutableIsMissing() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    try TemporaryDirectory.writeScript("#!/bin/sh\n", to: path, mode: 0o644)
    #expect(throws: FetchError.helperMissing(path)) {
      try FetchOperation.start(FetchRequest(url: "http://127.0.0.1/"), helperPath: path)
    }
  }

  @Test func aHelperThatDiesWithoutALastLineFailed() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    try TemporaryDirectory.writeScript(
      "#!/bin/sh\necho 'progress 10 -1'\nexit 3\n", to: path, mode: 0o755)
    let operation = try FetchOperation.start(
      FetchRequest(url: "http://127.0.0.1/"), helperPath: path)
    let pid = try #require(operation.processIdentifier)
    #expect(operation.wait() == .failure(.helperFailed("medterm-fetch exited with status 3")))
    #expect(!Paths.exists(operation.temporaryPath))
    #expect(!Paths.processExists(pid))
  }

  @Test func aHelperThatTalksNonsenseFailed() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    try TemporaryDirectory.writeScript(
      "#!/bin/sh\necho 'error bogus-kind something odd'\n", to: path, mode: 0o755)
    let operation = try FetchOperation.start(
      FetchRequest(url: "http://127.0.0.1/"), helperPath: path)
    #expect(operation.wait() == .failure(.helperFailed("bogus-kind: something odd")))
  }

  @Test func theHelperGetsTheRequestAndAPrivateFile() throws {
    // A fake helper that writes its arguments to the body file and reports the file's mode
    // as the content type.
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    let script = """
      #!/bin/sh
      printf 'args %s\\n' "$*" > "$2"
      echo "done 200 $1 $(stat -c %a "$2")"
      """
    try TemporaryDirectory.writeScript(script, to: path, mode: 0o755)
    let request = FetchRequest(
      url: "http://127.0.0.1:9/a b", timeoutSeconds: 7, maximumBytes: 10_000,
      maximumRedirects: 2)
    let operation = try FetchOperation.start(request, helperPath: path)
    let file = operation.temporaryPath
    let response = try operation.wait().get()
    #expect(response.contentType == "600", "the body file is created 0600")
    #expect(response.finalURL == "http://127.0.0.1:9/a%20b")
    #expect(
      String(decoding: response.body, as: UTF8.self)
        == "args http://127.0.0.1:9/a%20b \(file) --timeout 7 --max-bytes 10000 --max-redirects 2\n"
    )
  }

  @Test func theHelperInheritsOnlyItsThreeDescriptors() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    try TemporaryDirectory.writeScript("#!/bin/sh\nexec sleep 20\n", to: path, mode: 0o755)
    // A descriptor of the test's own, inheritable: the helper must not get it.
    var leak: [Int32] = [-1, -1]
    #expect(pipe(&leak) == 0)
    defer { leak.forEach { close($0) } }

    let operation = try FetchOperation.start(
      FetchRequest(url: "http://127.0.0.1:9/"), helperPath: path)
    defer { operation.cancel() }
    let pid = try #require(operation.processIdentifier)
    // Wait until the shell has become `sleep` (its own script descriptor is gone then).
    let deadline = Date().addingTimeInterval(5)
    while (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) != "sleep\n"
      && Date() < deadline
    {
      usleep(5_000)
    }
    var descriptors: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") {
      descriptors[name] = try FileManager.default.destinationOfSymbolicLink(
        atPath: "/proc/\(pid)/fd/\(name)")
    }
    var pipeInfo = stat()
    fstat(operation.fileDescriptor, &pipeInfo)
    #expect(
      descriptors == ["0": "/dev/null", "1": "pipe:[\(pipeInfo.st_ino)]", "2": "/dev/null"])
  }

  @Test func aHelperThatHangsIsStoppedByTheWatchdog() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    try TemporaryDirectory.writeScript("#!/bin/sh\nexec sleep 30\n", to: path, mode: 0o755)
    let start = Date()
    let operation = try FetchOperation.start(
      FetchRequest(url: "http://127.0.0.1:9/", timeoutSeconds: 1), helperPath: path,
      watchdogGraceMilliseconds: 200)
    let pid = try #require(operation.processIdentifier)
    #expect(operation.wait() == .failure(.timedOut(seconds: 1)))
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed >= 1.1 && elapsed < 3, "took \(elapsed) s")
    #expect(!Paths.processExists(pid))
    #expect(!Paths.exists(operation.temporaryPath))
  }

  @Test func aBodyFileOverTheCapIsRefusedEvenIfTheHelperSaysDone() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/medterm-fetch"
    try "#!/bin/sh\nhead -c 5000 /dev/zero > \"$2\"\necho 'done 200 http://x/ -'\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    let operation = try FetchOperation.start(
      FetchRequest(url: "http://x/", maximumBytes: 4096), helperPath: path)
    #expect(operation.wait() == .failure(.tooLarge(limit: 4096)))
  }

  @Test func aClosedPortRefusesTheConnection() throws {
    let port = try Self.closedPort()
    let operation = try FetchOperation.start(
      FetchRequest(url: "http://127.0.0.1:\(port)/", timeoutSeconds: 5), helperPath: Paths.helper)
    #expect(operation.wait() == .failure(.connectionRefused("127.0.0.1:\(port)")))
  }

  @Test func anUnknownHostIsNotFound() throws {
    let operation = try FetchOperation.start(
      FetchRequest(url: "http://nonexistent.invalid/", timeoutSeconds: 5),
      helperPath: Paths.helper)
    #expect(operation.wait() == .failure(.hostNotFound("nonexistent.invalid")))
  }

  @Test func locateFindsTheHelperBesideTheRunningExecutable() throws {
    var buffer = [CChar](repeating: 0, count: 4097)
    let length = readlink("/proc/self/exe", &buffer, 4096)
    let runner = String(
      decoding: buffer[..<max(length, 0)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let beside = URL(fileURLWithPath: runner).deletingLastPathComponent()
      .appendingPathComponent("medterm-fetch").path
    let located = FetchHelper.locate()
    if FileManager.default.isExecutableFile(atPath: beside) {
      #expect(located == beside)
    } else if let located {
      #expect(located.hasSuffix("/medterm-fetch"))
      #expect(FileManager.default.isExecutableFile(atPath: located))
    }
  }

  /// A port nothing listens on: bound by us, then closed.
  static func closedPort() throws -> Int {
    try FreePort.pick()
  }
}

/// A private directory, removed with its content when the value goes away.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "medterm-fetch-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes an executable script through a close-on-exec descriptor. Without it a child that
  /// another test spawns at that moment inherits the open file, and running the script then
  /// fails with ETXTBSY ("Text file busy") for as long as that child lives.
  static func writeScript(_ text: String, to path: String, mode: mode_t) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    guard write(descriptor, bytes, bytes.count) == bytes.count else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    fchmod(descriptor, mode)
  }
}
