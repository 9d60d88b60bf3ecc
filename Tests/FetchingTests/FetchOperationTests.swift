import Foundation
import Glibc
import TestSupport
import Testing

@testable import Fetching

/// Each misbehaving endpoint of the local server, through `FetchOperation` and the real
/// `medterm-fetch`.
@Suite(.enabled(if: TestHTTPServer.runnable, "python3 is not on PATH (CI=true makes this fail)"))
final class FetchOperationTests {
  let server: TestHTTPServer

  init() throws {
    server = try TestHTTPServer()
  }

  /// Polls like the browser's event loop does, collecting every event.
  func fetch(
    _ path: String, timeout: Int = 5, maximumBytes: Int = 8 << 20, maximumRedirects: Int = 5
  ) throws -> (result: Result<FetchResponse, FetchError>, progress: [(Int, Int?)]) {
    let request = FetchRequest(
      url: server.url(path), timeoutSeconds: timeout, maximumBytes: maximumBytes,
      maximumRedirects: maximumRedirects)
    let operation = try FetchOperation.start(request, helperPath: Paths.helper)
    var progress: [(Int, Int?)] = []
    while true {
      for event in operation.poll(timeoutMilliseconds: 200) {
        switch event {
        case .progress(let received, let expected): progress.append((received, expected))
        case .finished(let result):
          #expect(!Paths.exists(operation.temporaryPath), "the body file must be removed")
          return (result, progress)
        }
      }
    }
  }

  @Test func corpusPageArrivesByteForByte() throws {
    let expected = try Paths.corpusBytes("web/iab-1.source.html")
    let (result, progress) = try fetch("/corpus/web/iab-1.source.html")
    let response = try result.get()
    #expect(response.status == 200)
    #expect(response.body == expected)
    #expect(response.contentType == "text/html")
    #expect(response.finalURL == server.url("/corpus/web/iab-1.source.html"))
    #expect(!progress.isEmpty)
    #expect(progress.map(\.0) == progress.map(\.0).sorted(), "progress never goes back")
    #expect(progress.allSatisfy { $0.0 <= expected.count && $0.1 == expected.count })
  }

  @Test(arguments: [
    ("/404", FetchError.httpStatus(404, "Not Found")),
    ("/500", FetchError.httpStatus(500, "Internal Server Error")),
    ("/status/403", FetchError.httpStatus(403, "Forbidden")),
    ("/status/503", FetchError.httpStatus(503, "Service Unavailable")),
  ])
  func errorStatusesAreErrors(path: String, error: FetchError) throws {
    let (result, _) = try fetch(path)
    #expect(result == .failure(error))
  }

  @Test func anEmptyReplyIsNotAnError() throws {
    let response = try fetch("/status/204").result.get()
    #expect(response.status == 204)
    #expect(response.body.isEmpty)
    #expect(response.contentType == nil)
  }

  @Test func redirectsAreFollowedUpToTheLimit() throws {
    let response = try fetch("/redirect/5").result.get()
    #expect(response.status == 200)
    #expect(response.finalURL == server.url("/redirect/0"))
    #expect(response.body == Array("arrived after redirects".utf8))
    #expect(try fetch("/redirect/2", maximumRedirects: 2).result.get().status == 200)
  }

  @Test func oneRedirectTooManyIsAnError() throws {
    #expect(try fetch("/redirect/6").result == .failure(.tooManyRedirects))
    #expect(try fetch("/redirect/3", maximumRedirects: 2).result == .failure(.tooManyRedirects))
    #expect(try fetch("/redirect/1", maximumRedirects: 0).result == .failure(.tooManyRedirects))
  }

  @Test func aRedirectToAnotherSchemeIsRefused() throws {
    let (result, _) = try fetch("/redirect-to?ftp://example.com/file")
    #expect(result == .failure(.unsupportedScheme("ftp")))
  }

  @Test func aStalledReplyTimesOut() throws {
    let start = Date()
    let (result, progress) = try fetch("/slow", timeout: 2)
    let elapsed = Date().timeIntervalSince(start)
    #expect(result == .failure(.timedOut(seconds: 2)))
    #expect(elapsed >= 1.8 && elapsed < 4.5, "took \(elapsed) s")
    #expect(progress.first?.1 == 1000, "the headers did arrive")
  }

  @Test func aSilentServerIsGivenUpAfterTheStallLimit() throws {
    let start = Date()
    let request = FetchRequest(url: server.url("/slow"), timeoutSeconds: 30, stallSeconds: 1)
    let operation = try FetchOperation.start(request, helperPath: Paths.helper)
    #expect(operation.wait() == .failure(.stalled(seconds: 1)))
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < 5, "took \(elapsed) s")
    #expect(
      FetchError.stalled(seconds: 60).message
        == "The server sent nothing for 60 seconds; medterm gave up.")
  }

  @Test func anEndlessBodyStopsAtTheCap() throws {
    let start = Date()
    let (result, progress) = try fetch("/endless", timeout: 10, maximumBytes: 1 << 20)
    #expect(result == .failure(.tooLarge(limit: 1 << 20)))
    #expect(Date().timeIntervalSince(start) < 8)
    #expect(progress.allSatisfy { $0.0 <= 1 << 20 && $0.1 == nil })
  }

  @Test(arguments: ["/big", "/big-unannounced"])
  func aBodyOverTheDefaultCapIsRefused(path: String) throws {
    #expect(try fetch(path).result == .failure(.tooLarge(limit: 8 << 20)))
  }

  @Test func aBodyUnderARaisedCapArrives() throws {
    let response = try fetch("/big", maximumBytes: 16 << 20).result.get()
    #expect(response.body.count == 9 << 20)
    #expect(response.body.allSatisfy { $0 == UInt8(ascii: "y") })
  }

  @Test(arguments: ["/gzip", "/deflate"])
  func compressedBodiesAreDecoded(path: String) throws {
    let expected = try Paths.corpusBytes("web/iab-1.source.html")
    let (result, progress) = try fetch(path)
    let response = try result.get()
    #expect(response.body.count == expected.count)
    #expect(response.body == expected)
    #expect(progress.allSatisfy { $0.1 == nil }, "a compressed length is not announced")
  }

  @Test func aLatin1BodyIsPassedOnUntouched() throws {
    let expected = try Paths.corpusBytes("fixtures/latin1.html")
    let response = try fetch("/latin1").result.get()
    #expect(response.body == expected)
    #expect(response.body.contains(0xE9), "é stays one ISO-8859-1 byte: the reader transcodes")
    #expect(response.contentType == "text/html; charset=ISO-8859-1")
  }

  @Test func serverTextCannotReachTheTerminal() throws {
    let response = try fetch("/evil").result.get()
    let type = try #require(response.contentType)
    #expect(!type.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(type.hasPrefix("text/html"))
  }

  @Test func cancelDuringAStalledReplyIsPromptAndClean() throws {
    let request = FetchRequest(url: server.url("/slow"), timeoutSeconds: 30)
    let operation = try FetchOperation.start(request, helperPath: Paths.helper)
    let pid = try #require(operation.processIdentifier)
    let path = operation.temporaryPath
    #expect(Paths.exists(path))
    // Wait until the headers arrived, so the helper really is mid-download.
    let first = operation.poll(timeoutMilliseconds: 5000)
    #expect(first.contains { if case .progress = $0 { true } else { false } })
    let start = Date()
    operation.cancel()
    let events = operation.poll(timeoutMilliseconds: 5000)
    #expect(Date().timeIntervalSince(start) < 1)
    #expect(events == [.finished(.failure(.cancelled))])
    #expect(operation.poll(timeoutMilliseconds: 0).isEmpty, "finished is said once")
    #expect(operation.wait() == .failure(.cancelled))
    #expect(operation.fileDescriptor == -1)
    #expect(!Paths.exists(path), "the body file is removed")
    #expect(!Paths.processExists(pid), "the helper is gone and reaped")
  }

  @Test func droppingAnOperationCleansUp() throws {
    var operation: FetchOperation? = try FetchOperation.start(
      FetchRequest(url: server.url("/slow"), timeoutSeconds: 30), helperPath: Paths.helper)
    let pid = try #require(operation?.processIdentifier)
    let path = try #require(operation?.temporaryPath)
    _ = operation?.poll(timeoutMilliseconds: 2000)
    operation = nil
    #expect(!Paths.exists(path))
    #expect(!Paths.processExists(pid))
  }

  @Test func theBodyFileIsPrivateAndRemovedAfterSuccess() throws {
    let operation = try FetchOperation.start(
      FetchRequest(url: server.url("/corpus/web/mercurial.source.html")),
      helperPath: Paths.helper)
    var info = stat()
    #expect(stat(operation.temporaryPath, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(info.st_uid == getuid())
    let response = try operation.wait().get()
    #expect(response.body == (try Paths.corpusBytes("web/mercurial.source.html")))
    #expect(!Paths.exists(operation.temporaryPath))
    #expect(operation.wait() == .success(response), "wait answers again after the end")
  }

}
