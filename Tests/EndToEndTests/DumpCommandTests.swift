import Foundation
import Testing

/// `medterm --dump` as a user runs it: the real binary, real files, real exit codes.
@Suite struct DumpCommandTests {
  @Test func builtInPageOutline() throws {
    let result = try Medterm.run(["--dump", "outline"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Osteonecrosis")
    #expect(lines.contains("  See, Play and Learn"))
    #expect(lines.contains("    (no links available)"))
    #expect(lines.contains("    Find an Expert"))
    #expect(lines.contains("  More on this page"))
  }

  @Test func textIsWrappedToTheWidth() throws {
    let result = try Medterm.run(["--dump", "text", "--width", "60"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("Ã"))
    #expect(result.stdout.contains("Kienböck's Disease"))
    for line in result.stdout.split(separator: "\n") {
      #expect(line.count <= 60, "too wide: \(line)")
    }
  }

  @Test func linksAreNumberedWithOrganizations() throws {
    let result = try Medterm.run(["--dump", "links"])
    #expect(
      result.stdout.contains(
        "  [20] Legg-Calvé-Perthes Disease (For Parents)\n       Nemours Foundation\n       (no address in this copy)"
      ))
  }

  @Test func jsonOfAFileFromStandardInput() throws {
    let bytes = try Data(
      contentsOf: Medterm.corpus.appendingPathComponent("diabetesmedicines.docling.md"))
    let result = try Medterm.run(["--dump", "json", "-"], stdin: bytes)
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["title"] as? String == "Diabetes Medicines")
    #expect(object?["sourceFormat"] as? String == "markdown")
    let links = object?["links"] as? [[String: Any]]
    #expect(links?.first?["number"] as? Int == 1)
  }

  @Test func missingFileIsOneLineAndExitOne() throws {
    let result = try Medterm.run(["--dump", "outline", "/nonexistent/page.md"])
    #expect(result.status == 1)
    #expect(result.stderr == "medterm: /nonexistent/page.md: No such file or directory\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func readerErrorsNameFileAndLine() throws {
    let legacy = Medterm.corpus.appendingPathComponent("mplus_vocab_2011-04-23.legacy-tiny.xml")
      .path
    let result = try Medterm.run(["--dump", "outline", legacy])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "medterm: \(legacy): this is the pre-2012 MedlinePlus vocabulary format"))
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)

    let directory = try Medterm.run(["--dump", "outline", "/tmp"])
    #expect(directory.stderr == "medterm: /tmp: is a directory\n")

    let empty = try Medterm.run(["--dump", "outline", "-"], stdin: Data())
    #expect(empty.stderr == "medterm: <stdin>: the file is empty\n")
  }

  @Test func usageErrorsComeFromTheArgumentParser() throws {
    let result = try Medterm.run(["--dump", "pdf"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--dump"))
  }
}
