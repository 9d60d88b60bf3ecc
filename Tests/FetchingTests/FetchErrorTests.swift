import Testing

@testable import Fetching

@Suite struct FetchErrorTests {
  static let all: [FetchError] = [
    .invalidURL("htp:/x"), .unsupportedScheme("javascript"), .hostNotFound("example.invalid"),
    .connectionRefused("127.0.0.1:9"), .timedOut(seconds: 20), .timedOut(seconds: 1),
    .httpStatus(404, "Not Found"), .httpStatus(599, ""), .tooLarge(limit: 8 << 20),
    .tooLarge(limit: 1536 * 1024), .tooLarge(limit: 4096), .tooManyRedirects,
    .network("the connection was lost"), .cancelled, .helperMissing(""),
    .helperMissing("/opt/medterm/medterm-fetch"),
    .helperFailed("medterm-fetch exited with status 3"),
  ]

  @Test(arguments: all)
  func messagesAreOneSentence(error: FetchError) {
    let message = error.message
    #expect(
      message.first?.isUppercase == true || message.hasPrefix("medterm")
        || message.hasPrefix("“"))
    #expect(message.hasSuffix("."))
    #expect(!message.hasSuffix(".."))
    #expect(!message.contains("\n"))
  }

  @Test func messagesSayWhatHappened() {
    #expect(FetchError.httpStatus(404, "Not Found").message == "The server answered 404 Not Found.")
    #expect(FetchError.timedOut(seconds: 1).message == "The server did not answer within 1 second.")
    #expect(
      FetchError.tooLarge(limit: 8 << 20).message
        == "The page is larger than 8 MiB, the most medterm downloads.")
    #expect(FetchError.tooLarge(limit: 1536 * 1024).message.contains("1.5 MiB"))
    #expect(
      FetchError.unsupportedScheme("ftp").message
        == "medterm fetches only http and https addresses, not ftp:.")
  }

  @Test func textFromOutsideCannotDriveTheTerminal() {
    let hostile = "evil\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J\nhost\u{202E}"
    for error in [
      FetchError.invalidURL(hostile), .hostNotFound(hostile), .network(hostile),
      .httpStatus(400, hostile), .helperFailed(hostile),
    ] {
      #expect(
        !error.message.unicodeScalars.contains {
          $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E
        }, "\(error)")
    }
  }

  @Test func longTextIsShortened() {
    let message = FetchError.invalidURL("http://x/" + String(repeating: "a", count: 5000)).message
    #expect(message.count < 160)
  }
}

@Suite struct HelperLineTests {
  let request = FetchRequest(url: "http://x/", timeoutSeconds: 9, maximumBytes: 100)

  @Test func progress() {
    #expect(
      HelperLine("progress 10 -1", request: request) == .progress(received: 10, expected: nil))
    #expect(HelperLine("progress 10 20", request: request) == .progress(received: 10, expected: 20))
    #expect(HelperLine("progress x 20", request: request) == .unknown)
  }

  @Test func done() {
    #expect(
      HelperLine("done 200 http://x/y text/html; charset=utf-8", request: request)
        == .done(status: 200, finalURL: "http://x/y", contentType: "text/html; charset=utf-8"))
    #expect(
      HelperLine("done 204 http://x/y -", request: request)
        == .done(status: 204, finalURL: "http://x/y", contentType: nil))
    #expect(
      HelperLine("done two http://x/ -", request: request)
        == .failure(.helperFailed("unreadable reply “done two http://x/ -”")))
  }

  @Test func errors() {
    #expect(
      HelperLine("error http-status 404 Not Found", request: request)
        == .failure(.httpStatus(404, "Not Found")))
    #expect(
      HelperLine("error timed-out 9", request: request) == .failure(.timedOut(seconds: 9)))
    #expect(
      HelperLine("error too-large 100", request: request) == .failure(.tooLarge(limit: 100)))
    #expect(
      HelperLine("error too-many-redirects 5", request: request) == .failure(.tooManyRedirects))
    #expect(
      HelperLine("error host-not-found a.invalid", request: request)
        == .failure(.hostNotFound("a.invalid")))
    #expect(
      HelperLine("error usage expected URL", request: request)
        == .failure(.helperFailed("usage: expected URL")))
    #expect(HelperLine("hello", request: request) == .unknown)
  }
}
