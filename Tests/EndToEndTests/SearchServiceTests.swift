import Foundation
import TestSupport
import Testing

/// `medterm --search`, bare words without a library, and `medterm --code`: the real binary
/// against a local server replaying the services' answers (MEDTERM_SEARCH_URL,
/// MEDTERM_CONNECT_URL), through medterm-fetch.
@Suite(.enabled(if: Tools.runnable("python3"), "needs python3 for the local HTTP server"))
struct SearchServiceTests {
  /// A cache of its own for each test (answers are kept there), removed after the run.
  private let cache = FileManager.default.temporaryDirectory
    .appendingPathComponent("medterm-cache-\(UUID().uuidString)").path

  private func search(
    _ server: TestHTTPServer, _ path: String, _ arguments: [String], base: String? = nil
  ) throws -> Medterm.Result {
    let address = base ?? server.url(path)
    return try Medterm.run(
      arguments,
      environment: [
        "MEDTERM_SEARCH_URL": address, "MEDTERM_CONNECT_URL": address,
        "XDG_DATA_HOME": "/nonexistent/medterm-test", "XDG_CACHE_HOME": cache,
        "MEDTERM_NO_STATE": "1",
      ])
  }

  @Test func aSearchSeenOnceAnswersOfflineMarkedWithItsAge() throws {
    defer { try? FileManager.default.removeItem(atPath: cache) }
    var server: TestHTTPServer? = try TestHTTPServer()
    let address = try #require(server?.url("/corpus/service/search-a1c-0.xml"))
    let online = try search(
      try #require(server), "", ["--search", "a1c", "--dump", "outline"], base: address)
    #expect(online.status == 0 && online.stderr.isEmpty)
    let directory = cache + "/medterm/services"
    let files = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(files.count == 1)
    let mode =
      try FileManager.default.attributesOfItem(atPath: directory + "/" + files[0])[
        .posixPermissions] as? Int
    #expect(mode == 0o600)
    server = nil  // the server is gone: nothing listens at the address any more
    let offline = try Medterm.run(
      ["--search", "a1c", "--dump", "outline"],
      environment: [
        "MEDTERM_SEARCH_URL": address, "XDG_DATA_HOME": "/nonexistent/medterm-test",
        "XDG_CACHE_HOME": cache, "MEDTERM_NO_STATE": "1",
      ])
    #expect(offline.status == 0)
    #expect(offline.stdout == online.stdout)
    #expect(offline.stderr.contains("did not answer: from the cache, less than a minute old"))
    // The topic the answer carried opens offline too.
    let topic = try Medterm.run(
      ["a1c", "--dump", "outline"],
      environment: [
        "MEDTERM_SEARCH_URL": address, "XDG_DATA_HOME": "/nonexistent/medterm-test",
        "XDG_CACHE_HOME": cache, "MEDTERM_NO_STATE": "1",
      ])
    #expect(topic.stdout.hasPrefix("A1C\n"))
  }

  @Test func theResultsAreListedWithTheirNamesAndSnippets() throws {
    let server = try TestHTTPServer()
    let result = try search(
      server, "/corpus/service/search-a1c-0.xml", ["--search", "a1c", "--dump", "outline"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("3 results for “a1c” (English), 1–2 shown\n"))
    #expect(result.stdout.contains("1. A1C · also called Hemoglobin A1C test, HbA1C"))
    #expect(result.stdout.contains("   The A1C test measures your average blood sugar & more."))
    #expect(result.stdout.contains("2. Blood Sugar"))
  }

  @Test func theResultsOpenInTheTopicIndexAndEnterOpensTheTopic() throws {
    let server = try TestHTTPServer()
    let index = try search(
      server, "/corpus/service/search-a1c-0.xml", ["--search", "a1c", "--dump-screen", "80x12"])
    #expect(index.stdout.contains("MedlinePlus search: 3 results for “a1c”"))
    #expect(index.stdout.contains("▸ A1C · Hemoglobin A1C test, HbA1C"))
    // The selected result's snippet, under the list.
    #expect(index.stdout.contains(" The A1C test measures your average blood sugar & more."))
    // Enter opens the topic from the record in the answer: the sidebar of a topic page.
    let topic = try search(
      server, "/corpus/service/search-a1c-0.xml",
      ["--search", "a1c", "--dump-screen", "100x24", "--keys", "Down Enter"])
    #expect(topic.stdout.contains("Blood Sugar"))
    #expect(topic.stdout.contains("Blood sugar, or glucose, is the main sugar"))
  }

  @Test func typingInTheIndexNarrowsTheResults() throws {
    let server = try TestHTTPServer()
    let result = try search(
      server, "/corpus/service/search-a1c-0.xml",
      ["--search", "a1c", "--dump-screen", "80x12", "--keys", "g l u"])
    #expect(result.stdout.contains("Blood Sugar"))
    #expect(!result.stdout.contains("▸ A1C"))
  }

  @Test func wordsWithNoLibraryAskTheServiceAndSaySo() throws {
    let server = try TestHTTPServer()
    let result = try search(
      server, "/corpus/service/search-a1c-0.xml", ["a1c", "--dump", "outline"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("A1C\nAlso called: Glycohemoglobin"))
    #expect(result.stderr.contains("the MedlinePlus search service answered"))
  }

  @Test(arguments: [
    ("/corpus/service/search-none.xml", "no topic for 'zzzz' (English)"),
    ("/fail/503/ws", "The server answered 503 Service Unavailable."),
    ("/fail/429/ws", "The server answered 429 Too Many Requests."),
    ("/retry/429/30", "429 Too Many Requests (it asks to wait 30 seconds)."),
    ("/retry/503/1", "503 Service Unavailable (it asks to wait 1 second)."),
    ("/404", "The server answered 404 Not Found."),
    ("/corpus/fixtures/latin1.html", "answered with a web page, not results"),
    ("/corpus/service/search-broken.xml", "answer breaks off or is garbled at line"),
    ("/cut/service/search-a1c-0.xml", "the MedlinePlus search service: "),
    ("/big", "larger than 8 MiB, the most medterm downloads"),
  ])
  func aBadAnswerIsOneClearLine(path: String, message: String) throws {
    let server = try TestHTTPServer()
    let result = try search(server, path, ["--search", "zzzz"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("medterm: "))
    #expect(result.stderr.contains(message))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stdout.isEmpty)
  }

  @Test func badArgumentsAreRefused() throws {
    let server = try TestHTTPServer()
    let noWords = try search(server, "/404", ["--search"])
    #expect(noWords.status != 0 && noWords.stderr.contains("--search needs words"))
    let language = try search(server, "/404", ["--search", "x", "--lang", "fr"])
    #expect(language.status != 0 && language.stderr.contains("--lang must be en or es"))
  }

  @Test func aCodeListsThePagesConnectNames() throws {
    let server = try TestHTTPServer()
    let list = try search(
      server, "/corpus/service/connect-m8705.json", ["--code", "icd10cm:m8705", "--dump", "text"])
    #expect(list.status == 0)
    #expect(list.stdout.hasPrefix("2 MedlinePlus pages for ICD-10-CM M87.05\n"))
    #expect(list.stdout.contains("1. Osteonecrosis (health topic)"))
    let opened = try search(
      server, "/corpus/service/connect-m8705.json",
      ["--code", "icd10cm:M87.05", "--dump-screen", "90x16", "--keys", "Down Enter"])
    #expect(opened.stdout.contains("Your hip is the joint where your thigh bone meets"))
  }

  @Test(arguments: [
    ("icd10cm:M87.05", "/corpus/service/connect-none.json", "has no page for ICD-10-CM M87.05"),
    ("icd10cm:M87..05", "/404", "is not an ICD-10-CM code"),
    ("nosuch:1", "/404", "is not a code system medterm knows"),
    ("icd10cm:M87.05", "/fail/503/x", "MedlinePlus Connect: The server answered 503"),
    ("icd10cm:M87.05", "/corpus/service/connect-broken.json", "breaks off or is garbled"),
    ("icd10cm:M87.05", "/corpus/fixtures/latin1.html", "answered with a web page"),
  ])
  func aCodeThatFindsNothingIsOneClearLine(code: String, path: String, message: String) throws {
    let server = try TestHTTPServer()
    let result = try search(server, path, ["--code", code])
    #expect(result.status == 1)
    #expect(result.stderr.contains(message))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }
}
