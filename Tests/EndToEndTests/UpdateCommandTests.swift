import Foundation
import TestSupport
import Testing

/// `medterm --update` against a real HTTP server on 127.0.0.1: the newest file is found,
/// downloaded, verified and installed; a failure leaves the previous library as it was.
@Suite(.serialized, .enabled(if: Tools.runnable("python3"), "python3 is not installed"))
struct UpdateCommandTests {
  private func site() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "medterm-update-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let bench = Medterm.executable.deletingLastPathComponent().appendingPathComponent(
      "medterm-bench")
    let old = directory.appendingPathComponent("mplus_topics_2024-08-09.xml").path
    let new = directory.appendingPathComponent("mplus_topics_2024-08-10.xml").path
    #expect(Spawn.run([bench.path, "make-xml", "--topics", "30", "--out", old]) == 0)
    #expect(Spawn.run([bench.path, "make-xml", "--topics", "40", "--out", new]) == 0)
    let html = """
      <html><body><ul>
      <li><a href="mplus_topics_2024-08-09.xml">older</a></li>
      <li><a href="mplus_topics_compressed_2024-08-10.zip">zip</a></li>
      <li><a href="mplus_topics_2024-08-10.xml">newest</a></li>
      </ul></body></html>
      """
    try Data(html.utf8).write(to: directory.appendingPathComponent("xml.html"))
    try Data("<html><body>no files here</body></html>".utf8).write(
      to: directory.appendingPathComponent("empty.html"))
    return directory
  }

  @Test func installsTheNewestAndKeepsItOnFailure() throws {
    let directory = try site()
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try TestHTTPServer(serving: directory.path)
    let data = directory.appendingPathComponent("xdg")
    let environment = ["XDG_DATA_HOME": data.path]

    var run = environment
    run["MEDTERM_XML_INDEX_URL"] = server.url("/corpus/xml.html")
    let first = try Medterm.run(["--update"], environment: run)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("40 topics"))
    let installed = data.appendingPathComponent("medterm/mplus_topics.xml")
    let bytes = try Data(contentsOf: installed)
    #expect(
      bytes
        == (try Data(contentsOf: directory.appendingPathComponent("mplus_topics_2024-08-10.xml"))))

    // A topic by name from the installed library.
    let topic = try Medterm.run(["--dump", "outline", "pimples"], environment: environment)
    #expect(topic.stdout.hasPrefix("Acne\n"))

    // A page without files, and a server error: a clear error, the library untouched.
    run["MEDTERM_XML_INDEX_URL"] = server.url("/corpus/empty.html")
    let none = try Medterm.run(["--update"], environment: run)
    #expect(none.status == 1)
    #expect(none.stderr.contains("medterm: --update:"))
    run["MEDTERM_XML_INDEX_URL"] = server.url("/500")
    let failed = try Medterm.run(["--update"], environment: run)
    #expect(failed.status == 1)
    #expect(try Data(contentsOf: installed) == bytes)
  }
}
