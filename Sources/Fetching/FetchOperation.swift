/// Fetching: downloads http(s) pages for medterm through the `medterm-fetch` helper process.
///
/// Why a helper: URLSession (FoundationNetworking, libcurl and its library chain) costs
/// 12–15 ms at every start of a binary that links it, fetch or no fetch (measured).
/// So this module imports neither Foundation nor FoundationNetworking, only Glibc; it spawns
/// the helper, reads its line protocol (see Sources/medterm-fetch/main.swift) and hands the
/// body back as bytes. It must not know about pages, readers or terminals: what the bytes
/// mean is the caller's business, and so are `file:` addresses.
import CFetchSupport
import Glibc

/// One fetch in flight. Made by `start`, driven by `poll` from the caller's event loop (the
/// pipe is `fileDescriptor`, for `poll(2)` beside the terminal) or by `wait`, ended by
/// `cancel`. The temporary body file is removed and the helper reaped on every path:
/// success, error, cancel and deinit.
///
/// Not thread-safe: use an operation from one thread at a time.
public final class FetchOperation {
  public let request: FetchRequest
  /// The body file's name (for tests: it must be gone when the operation ends).
  let temporaryPath: String
  private var child: ChildProcess?
  private var file: PrivateFile?
  private var pipe: Int32
  private var pending: [UInt8] = []
  private var outcome: Result<FetchResponse, FetchError>?
  private var delivered = false
  /// The helper enforces the timeout itself; this one, a little later, catches a helper that
  /// hangs or never writes its last line.
  private let watchdogDeadline: Int

  /// A line longer than this is not the protocol talking.
  private static let maximumLineLength = 64 * 1024
  /// How long past the request's timeout the watchdog waits for the helper's own verdict.
  static let watchdogGraceMilliseconds = 5_000

  private init(
    request: FetchRequest, child: ChildProcess, file: PrivateFile, pipe: Int32,
    watchdogGraceMilliseconds: Int
  ) {
    self.request = request
    self.child = child
    self.file = file
    self.temporaryPath = file.path
    self.pipe = pipe
    self.watchdogDeadline =
      MonotonicClock.milliseconds() + max(request.timeoutSeconds, 1) * 1000
      + watchdogGraceMilliseconds
  }

  deinit {
    child?.terminate()
    closePipe()
    file?.remove()
  }

  /// Refuses anything but http(s) before spawning anything, then starts the helper at
  /// `helperPath` (see `FetchHelper.locate()`) writing to a fresh private temporary file.
  public static func start(
    _ request: FetchRequest, helperPath: String
  ) throws(FetchError) -> FetchOperation {
    try start(request, helperPath: helperPath, watchdogGraceMilliseconds: watchdogGraceMilliseconds)
  }

  /// `start` with the watchdog's grace as a parameter, so a test need not wait five seconds.
  static func start(
    _ request: FetchRequest, helperPath: String, watchdogGraceMilliseconds: Int
  ) throws(FetchError) -> FetchOperation {
    let url = try WebAddress.validated(request.url)
    guard !helperPath.isEmpty, FetchHelper.isExecutableFile(helperPath) else {
      throw .helperMissing(helperPath)
    }
    let file = try PrivateFile.create()
    var ends: [Int32] = [-1, -1]
    guard cfetch_pipe_cloexec(&ends) == 0 else {
      throw .helperFailed("cannot make a pipe: \(String(cString: strerror(errno)))")
    }
    defer { close(ends[1]) }
    let flags = fcntl(ends[0], F_GETFL)
    _ = fcntl(ends[0], F_SETFL, flags | O_NONBLOCK)
    var arguments = [
      helperPath, url, file.path,
      "--timeout", String(max(request.timeoutSeconds, 1)),
      "--max-bytes", String(max(request.maximumBytes, 0)),
      "--max-redirects", String(max(request.maximumRedirects, 0)),
    ]
    if let stall = request.stallSeconds { arguments += ["--stall", String(max(stall, 1))] }
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(
        path: helperPath, arguments: arguments, outputDescriptor: ends[1])
    } catch {
      close(ends[0])
      throw error
    }
    return FetchOperation(
      request: request, child: child, file: file, pipe: ends[0],
      watchdogGraceMilliseconds: watchdogGraceMilliseconds)
  }

  /// The read end of the helper's output, for `poll(2)` with POLLIN; -1 once the operation
  /// has finished (after `cancel`, `poll` answers at once without it).
  public var fileDescriptor: Int32 { pipe }

  /// The helper's process id while it may run (for tests).
  var processIdentifier: pid_t? { child?.pid }

  /// Reads whatever the helper has said, waiting at most `timeoutMilliseconds` for the first
  /// line. Progress lines that arrive together are folded into the latest. When the last
  /// line arrives the body is read, the file removed and the helper reaped, and the result is
  /// returned as `.finished` exactly once; after that `poll` returns nothing.
  public func poll(timeoutMilliseconds: Int) -> [FetchEvent] {
    var events: [FetchEvent] = []
    let start = MonotonicClock.milliseconds()
    while outcome == nil {
      readAvailable(into: &events)
      guard outcome == nil, events.isEmpty else { break }
      let now = MonotonicClock.milliseconds()
      if now >= watchdogDeadline {
        finish(.failure(.timedOut(seconds: request.timeoutSeconds)), helperIsDone: false)
        break
      }
      let remaining = min(start + timeoutMilliseconds - now, watchdogDeadline - now)
      guard remaining > 0 else { break }
      var descriptor = pollfd(fd: pipe, events: Int16(POLLIN), revents: 0)
      _ = Glibc.poll(&descriptor, 1, Int32(clamping: remaining))
    }
    if let outcome, !delivered {
      delivered = true
      events.append(.finished(outcome))
    }
    return events
  }

  /// Stops the fetch: SIGTERM to the helper (SIGKILL if it lingers), reaped, the file
  /// removed. The next `poll` returns `.finished(.failure(.cancelled))`. Does nothing once
  /// the fetch has finished.
  public func cancel() {
    finish(.failure(.cancelled), helperIsDone: false)
  }

  /// Blocks until the fetch ends (the helper's own timeout bounds this). Returns the same
  /// result again if it was already delivered by `poll`.
  public func wait() -> Result<FetchResponse, FetchError> {
    while true {
      if delivered, let outcome { return outcome }
      for event in poll(timeoutMilliseconds: 1000) {
        if case .finished(let result) = event { return result }
      }
    }
  }

  /// Reads until the pipe is empty; parses complete lines; handles the end of the output.
  private func readAvailable(into events: inout [FetchEvent]) {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while outcome == nil, pipe >= 0 {
      let count = buffer.withUnsafeMutableBytes { read(pipe, $0.baseAddress, $0.count) }
      if count > 0 {
        pending += buffer[..<count]
        handleLines(into: &events)
        if outcome == nil && pending.count > Self.maximumLineLength {
          finish(
            .failure(.helperFailed("the helper wrote a line longer than 64 KiB")),
            helperIsDone: false)
        }
      } else if count == 0 {
        // The helper closed its output without a last line: it died or was killed.
        let status = child?.reap(graceMilliseconds: 1000) ?? 0
        finish(.failure(.helperFailed("medterm-fetch \(ChildProcess.describe(status))")))
      } else if errno != EINTR {
        return  // EAGAIN: nothing more for now.
      }
    }
  }

  private func handleLines(into events: inout [FetchEvent]) {
    while outcome == nil, let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
      let line = String(decoding: pending[..<newline], as: UTF8.self)
      pending.removeSubrange(...newline)
      switch HelperLine(line, request: request) {
      case .progress(let received, let expected):
        if case .progress = events.last { events.removeLast() }
        events.append(.progress(received: received, expected: expected))
      case .done(let status, let finalURL, let contentType):
        finish(
          Result { () throws(FetchError) -> FetchResponse in
            guard let file else { throw .helperFailed("the body file is gone") }
            let body = try file.readAll(limit: max(request.maximumBytes, 0))
            return FetchResponse(
              finalURL: finalURL, status: status, contentType: contentType, body: body)
          })
      case .failure(let error):
        finish(.failure(error))
      case .unknown:
        continue
      }
    }
  }

  /// Records the outcome and releases everything: the helper, the pipe and the file. After
  /// its last line the helper exits at once, so it gets a grace period; otherwise (cancel,
  /// watchdog, nonsense) it is terminated.
  private func finish(_ result: Result<FetchResponse, FetchError>, helperIsDone: Bool = true) {
    guard outcome == nil else { return }
    outcome = result
    if helperIsDone {
      child?.reap(graceMilliseconds: 1000)
    } else {
      child?.terminate()
    }
    child = nil
    closePipe()
    file?.remove()
    file = nil
    pending = []
  }

  private func closePipe() {
    guard pipe >= 0 else { return }
    close(pipe)
    pipe = -1
  }
}
