import Foundation
import Glibc
import TestSupport
import Testing

@testable import LibraryUpdate
@testable import TopicLibrary

/// `--update` against the local test server: a generated xml.html and XML files in a
/// temporary directory, a temporary XDG_DATA_HOME, the real `medterm-fetch` helper.
@Suite(.enabled(if: TestHTTPServer.runnable, "python3 is not installed"))
struct LibraryUpdaterTests {
  let directory: TemporaryDirectory
  let served: String
  let server: TestHTTPServer
  let environment: [String: String]
  let library: String

  init() throws {
    directory = try TemporaryDirectory()
    served = directory.file("served")
    try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
    server = try TestHTTPServer(serving: served)
    environment = [
      "XDG_DATA_HOME": directory.file("data"),
      "HOME": directory.path,
      LibraryUpdater.indexURLVariable: server.url("/corpus/xml.html"),
    ]
    library = directory.file("data/medterm/mplus_topics.xml")
  }

  private var updater: LibraryUpdater {
    LibraryUpdater(environment: environment, helperPath: Paths.built("medterm-fetch"))
  }

  /// Serves `source` as `name`.
  private func serve(_ source: String, as name: String) throws {
    try? FileManager.default.removeItem(atPath: served + "/" + name)
    try FileManager.default.copyItem(atPath: source, toPath: served + "/" + name)
  }

  private func serve(bytes: [UInt8], as name: String) throws {
    try Paths.write(bytes, to: served + "/" + name)
  }

  /// An index page in the style of medlineplus.gov/xml.html linking to `links`.
  private func serveIndex(_ links: [String]) throws {
    var html = """
      <!DOCTYPE html>
      <html lang="en"><head><title>MedlinePlus XML Files</title></head><body>
      <h2>Health Topic XML</h2><ul>

      """
    for link in links { html += "<li><a href=\"\(link)\">\(link)</a> (29.6 MB)</li>\n" }
    html += "</ul><p><a href=\"mplus_topic_groups_2099-01-01.xml\">Groups</a></p></body></html>\n"
    try serve(bytes: Array(html.utf8), as: "xml.html")
  }

  /// Installs the 19-topic file as the current library.
  @discardableResult
  private func installGoodLibrary() throws -> UpdateResult {
    try serve(try GeneratedFiles.nineteenTopics.get(), as: "mplus_topics_2024-08-10.xml")
    try serveIndex(["mplus_topics_2024-08-10.xml"])
    return try updater.run { _ in }
  }

  /// The previous library is byte for byte what it was, its index still loads, and no
  /// temporary file is left in the data directory.
  private func expectPreviousLibraryIntact(
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let good = try Paths.bytes(try GeneratedFiles.nineteenTopics.get())
    #expect(try Paths.bytes(library) == good, sourceLocation: sourceLocation)
    let opened = try TopicLibrary.open(
      xmlPath: library,
      cacheDirectory: LibraryLocation.indexCacheDirectory(environment: environment))
    #expect(opened.loadedFromCache, sourceLocation: sourceLocation)
    #expect(opened.entries.count == 19, sourceLocation: sourceLocation)
    let leftovers = directory.listing("data/medterm").filter { $0.contains(".download-") }
    #expect(leftovers.isEmpty, "left behind: \(leftovers)", sourceLocation: sourceLocation)
  }

  // MARK: - Success

  @Test func installsTheNewestFileAndItsIndex() throws {
    try serve(try GeneratedFiles.nineteenTopics.get(), as: "mplus_topics_2024-08-10.xml")
    try serve(
      Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"), as: "mplus_topics_2024-08-09.xml"
    )
    try serveIndex([
      "mplus_topics_2024-08-09.xml",
      server.url("/corpus/mplus_topics_2024-08-10.xml"),  // absolute
      "mplus_topics_compressed_2024-08-11.zip",  // newer, but the zip
      "/corpus/mplus_topics_2024-08-10.xml",
    ])
    var events: [UpdateProgress] = []
    let result = try updater.run { events.append($0) }

    #expect(result.path == library)
    #expect(result.source.url == server.url("/corpus/mplus_topics_2024-08-10.xml"))
    #expect(result.source.date == "2024-08-10")
    #expect(result.topics == 19)
    #expect(!result.replacedPrevious)
    #expect(result.dateGenerated == "08/10/2024 02:30:32")
    let served = try Paths.bytes(try GeneratedFiles.nineteenTopics.get())
    #expect(result.bytes == served.count)
    #expect(try Paths.bytes(library) == served)
    #expect(LibraryLocation.rememberedLibrary(environment: environment) == library)

    #expect(events.first == .fetchingIndex(url: server.url("/corpus/xml.html")))
    #expect(events.contains(.found(result.source)))
    let downloads = events.compactMap { event -> (Int, Int?)? in
      if case .downloading(let received, let expected) = event { return (received, expected) }
      return nil
    }
    #expect(!downloads.isEmpty)
    #expect(downloads.last.map { $0.0 == served.count && $0.1 == served.count } == true)
    #expect(events.suffix(2) == [.verifying(topics: 19), .installing(path: library)])

    // The compact index was written: the next start loads it.
    let opened = try TopicLibrary.open(
      xmlPath: library,
      cacheDirectory: LibraryLocation.indexCacheDirectory(environment: environment))
    #expect(opened.loadedFromCache)
    #expect(opened.entries.count == 19)
    let files = directory.listing("data/medterm").filter { !$0.hasPrefix("index") }
    #expect(files == [".update.lock", "mplus_topics.xml"])
  }

  @Test func aNewerFileReplacesThePreviousOne() throws {
    try installGoodLibrary()
    let newer = HandmadeTopics.xml([.init(title: "A1C"), .init(title: "Acne")])
    try serve(bytes: Array(newer.utf8), as: "mplus_topics_2024-08-11.xml")
    try serveIndex(["mplus_topics_2024-08-10.xml", "mplus_topics_2024-08-11.xml"])
    let result = try updater.run { _ in }
    #expect(result.replacedPrevious)
    #expect(result.source.date == "2024-08-11")
    #expect(result.topics == 2)
    let opened = try TopicLibrary.open(
      xmlPath: library,
      cacheDirectory: LibraryLocation.indexCacheDirectory(environment: environment))
    #expect(opened.loadedFromCache)
    #expect(opened.entries.map(\.title) == ["A1C", "Acne"])
  }

  @Test func staleDownloadsOfAKilledUpdateAreRemoved() throws {
    try installGoodLibrary()
    let stale = directory.file("data/medterm/mplus_topics.xml.download-99999")
    try Paths.write(Array("<health-topics>".utf8), to: stale)
    try installGoodLibrary()
    #expect(!Paths.exists(stale))
  }

  // MARK: - Failures keep the previous library

  @Test func serverErrorKeepsThePreviousLibrary() throws {
    try installGoodLibrary()
    try serveIndex(["/fail/500/mplus_topics_2024-08-12.xml"])
    let url = server.url("/fail/500/mplus_topics_2024-08-12.xml")
    let error = #expect(throws: LibraryError.self) { try updater.run { _ in } }
    #expect(
      error == .downloadFailed(url: url, reason: "The server answered 500 Internal Server Error."))
    #expect(error?.message.contains("previous library is unchanged") == true)
    try expectPreviousLibraryIntact()
  }

  @Test func connectionCutMidDownloadKeepsThePreviousLibrary() throws {
    try installGoodLibrary()
    try serveIndex(["/cut/mplus_topics_2024-08-10.xml"])
    #expect {
      try updater.run { _ in }
    } throws: { error in
      guard case .downloadFailed(let url, _)? = error as? LibraryError else { return false }
      return url == server.url("/cut/mplus_topics_2024-08-10.xml")
    }
    try expectPreviousLibraryIntact()
  }

  /// A file that breaks off but arrives as a complete response (the server itself had a
  /// truncated copy) is caught by the verification.
  @Test func truncatedFileKeepsThePreviousLibrary() throws {
    try installGoodLibrary()
    let whole = try Paths.bytes(try GeneratedFiles.nineteenTopics.get())
    try serve(bytes: Array(whole.prefix(whole.count * 2 / 3)), as: "mplus_topics_2024-08-12.xml")
    try serveIndex(["mplus_topics_2024-08-12.xml"])
    let error = #expect(throws: LibraryError.self) { try updater.run { _ in } }
    guard case .verificationFailed(_, let reason)? = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(reason.contains("breaks off after"))
    #expect(reason.contains("mplus_topics_2024-08-12.xml"))
    #expect(!reason.contains(".download-"))
    try expectPreviousLibraryIntact()
  }

  @Test func fileWithFewerTopicsThanItDeclaresIsRefused() throws {
    try installGoodLibrary()
    var text = String(
      decoding: try Paths.bytes(try GeneratedFiles.nineteenTopics.get()), as: UTF8.self)
    text = text.replacingOccurrences(of: "total=\"19\"", with: "total=\"25\"")
    try serve(bytes: Array(text.utf8), as: "mplus_topics_2024-08-12.xml")
    try serveIndex(["mplus_topics_2024-08-12.xml"])
    let error = #expect(throws: LibraryError.self) { try updater.run { _ in } }
    guard case .verificationFailed(_, let reason)? = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(reason == "it says it has 25 topics but holds 19.")
    try expectPreviousLibraryIntact()
  }

  @Test func somethingElseUnderTheRightNameIsRefused() throws {
    try installGoodLibrary()
    try serve(
      bytes: Array("<html><body>Maintenance</body></html>".utf8), as: "mplus_topics_2024-08-12.xml")
    try serve(
      Paths.corpusFile("mplus_vocab_2011-04-23.legacy-tiny.xml"), as: "mplus_topics_2024-08-13.xml")
    try serveIndex(["mplus_topics_2024-08-12.xml"])
    #expect {
      try updater.run { _ in }
    } throws: { error in
      guard case .verificationFailed(_, let reason)? = error as? LibraryError else { return false }
      return reason.contains("not a MedlinePlus health-topics XML file")
    }
    try serveIndex(["mplus_topics_2024-08-13.xml"])
    #expect {
      try updater.run { _ in }
    } throws: { error in
      guard case .verificationFailed(_, let reason)? = error as? LibraryError else { return false }
      return reason.contains("pre-2012")
    }
    try expectPreviousLibraryIntact()
  }

  /// The helper is killed (SIGKILL) while the body is arriving, as a crash would.
  @Test func killedDownloadKeepsThePreviousLibrary() throws {
    try installGoodLibrary()
    try serveIndex(["/stall/mplus_topics_2024-08-10.xml"])
    let url = server.url("/stall/mplus_topics_2024-08-10.xml")
    var killed: [pid_t] = []
    #expect {
      try updater.run { event in
        guard case .downloading(let received, _) = event, received > 0, killed.isEmpty else {
          return
        }
        killed = HelperProcesses.fetching(url)
        for pid in killed { kill(pid, SIGKILL) }
      }
    } throws: { error in
      guard case .downloadFailed(url, _)? = error as? LibraryError else { return false }
      return true
    }
    #expect(killed.count == 1)
    try expectPreviousLibraryIntact()
  }

  @Test func cancelledDownloadKeepsThePreviousLibrary() throws {
    try installGoodLibrary()
    try serveIndex(["/stall/mplus_topics_2024-08-10.xml"])
    var started = false
    #expect(throws: LibraryError.cancelled) {
      try updater.run(
        progress: { event in
          if case .downloading = event { started = true }
        },
        isCancelled: { started })
    }
    #expect(HelperProcesses.fetching(server.url("/stall/mplus_topics_2024-08-10.xml")).isEmpty)
    try expectPreviousLibraryIntact()
  }

  // MARK: - The index page

  @Test func indexPageWithoutALinkIsAClearError() throws {
    try serveIndex(["mplus_topics_compressed_2024-08-10.zip", "mplus_topics_2024-08-10.txt"])
    let error = #expect(throws: LibraryError.self) { try updater.run { _ in } }
    #expect(error == .noTopicsLink(indexURL: server.url("/corpus/xml.html")))
    #expect(
      error?.message
        == "\(server.url("/corpus/xml.html")) links to no health-topics file "
        + "(mplus_topics_YYYY-MM-DD.xml).")
    #expect(!Paths.exists(library))
  }

  @Test func missingIndexPageIsAClearError() throws {
    let error = #expect(throws: LibraryError.self) { try updater.run { _ in } }
    #expect(
      error
        == .indexPageUnavailable(
          url: server.url("/corpus/xml.html"), reason: "The server answered 404 Not Found."))
  }

  @Test func theEnvironmentOverridesTheIndexAddress() {
    #expect(LibraryUpdater(environment: [:]).indexURL == "https://medlineplus.gov/xml.html")
    #expect(
      LibraryUpdater(environment: [LibraryUpdater.indexURLVariable: "http://127.0.0.1:1/x.html"])
        .indexURL == "http://127.0.0.1:1/x.html")
    #expect(
      LibraryUpdater(indexURL: "http://a/", environment: [LibraryUpdater.indexURLVariable: ""])
        .indexURL == "http://a/")
  }

  @Test func anotherUpdateHoldingTheLockIsReported() throws {
    let data = directory.file("data/medterm")
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    let held = try UpdateLock(directory: data)
    defer { held.release() }
    #expect(throws: LibraryError.updateInProgress(lockPath: data + "/.update.lock")) {
      try updater.run { _ in }
    }
  }
}
