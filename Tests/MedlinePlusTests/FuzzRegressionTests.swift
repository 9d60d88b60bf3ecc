import Foundation
import Testing

@testable import MedlinePlus

/// Inputs the fuzzers (`Tests/Fuzz`) found crashing a reader or breaking what the browser
/// relies on, kept in `Tests/Corpus/fuzz-regressions` and named after the fuzz target that
/// found them (`page-…`, `html-…`, …). Each is read the way that target reads it, and the
/// page must keep the target's invariants: no control, escape or bidi character in any text,
/// every section and link number in range.
@Suite struct FuzzRegressionTests {
  static let directory = Corpus.directory.appendingPathComponent("fuzz-regressions")

  static var files: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md5") }.sorted()
  }

  @Test func thereAreRegressions() {
    #expect(!Self.files.isEmpty)
  }

  @Test(arguments: files)
  func readsSafely(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
    let target = name.prefix { $0 != "-" }
    if target == "text" {
      for keepNewlines in [false, true] {
        let safe = SafeText.clean(
          String(decoding: bytes, as: UTF8.self), keepNewlines: keepNewlines)
        #expect(!safe.unicodeScalars.contains { $0 != "\n" && SafeText.needsAttention($0) })
        #expect(SafeText.clean(safe, keepNewlines: keepNewlines) == safe)
      }
      return
    }
    for page in Self.pages(from: bytes, target: String(target)) {
      var problems: [String] = []
      PageCheck.check(page, into: &problems)
      #expect(problems.isEmpty, "\(name): \(problems.prefix(5).joined(separator: "; "))")
    }
  }

  /// The pages a fuzz target makes of its input (see `Tests/Fuzz/Targets`).
  static func pages(from bytes: [UInt8], target: String) -> [Page] {
    let origin = "https://medlineplus.gov/page.html"
    switch target {
    case "textdump":
      let header = Array("Link: \(origin)\n".utf8)
      let source = bytes.starts(with: Array("Link:".utf8)) ? bytes : header + bytes
      return [try? TextDumpReader.read(SourceText.decode(source), origin: nil)].compactMap { $0 }
    case "markdown":
      return [try? MarkdownReader.read(SourceText.decode(bytes), origin: origin)].compactMap { $0 }
    case "html":
      let rest = Array(bytes.dropFirst())
      let source = rest.starts(with: Array("<".utf8)) ? rest : Array("<html>".utf8) + rest
      return [try? HTMLReader.read(source, origin: origin, contentType: "text/html")].compactMap {
        $0
      }
    case "layout":
      // Two setting bytes (width, then format and height); the layout itself is checked by
      // the fuzz target, the page it lays out here.
      guard bytes.count >= 2 else { return [] }
      let body = Array(bytes.dropFirst(2))
      switch bytes[1] & 0x03 {
      case 0:
        return [try? MarkdownReader.read(SourceText.decode(body), origin: nil)].compactMap { $0 }
      case 1: return pages(from: [0] + body, target: "html")
      case 2: return pages(from: body, target: "textdump")
      default:
        let opening = Array(
          "<?xml version=\"1.0\"?><health-topics total=\"1\"><health-topic title=\"T\">".utf8)
        let source = opening + body + Array("</health-topic></health-topics>".utf8)
        return pages(from: source, target: "page")
      }
    case "xml":
      let opening = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <health-topics total="1" date-generated="07/21/2012 02:30:21">
        <health-topic title="Fuzz" url="https://medlineplus.gov/fuzz.html" id="1" \
        language="English" date-created="01/01/2001">

        """.utf8)
      let closing = Array("</health-topic>\n</health-topics>\n".utf8)
      let isWhole = String(decoding: bytes.prefix(512), as: UTF8.self).contains("<health-topics")
      let source = isWhole ? bytes : opening + bytes + closing
      guard case .collection(let collection)? = try? HealthTopicsXMLReader.read(source, origin: nil)
      else { return [] }
      return collection.topics
    default:
      guard let document = try? PageReader.read(bytes, name: "page.html", origin: origin) else {
        return []
      }
      switch document {
      case .page(let page): return [page]
      case .collection(let collection): return collection.topics
      }
    }
  }
}

/// The invariants of `Tests/Fuzz/Support/PageInvariants.swift`, collected instead of fatal.
private enum PageCheck {
  static func check(_ page: Page, into problems: inout [String]) {
    var texts: [(String, String)] = [("title", page.title)]
    texts += page.alsoCalled.map { ("also called", $0) }
    texts += [page.summaryDescription, page.origin, page.language].compactMap { $0 }.map {
      ("page field", $0)
    }
    for group in page.outline {
      texts.append(("outline group", group.title))
      for entry in group.entries {
        texts.append(("outline entry", entry.title))
        if let section = entry.section, !page.sections.indices.contains(section) {
          problems.append("outline entry points past the sections")
        }
      }
    }
    for section in page.sections {
      texts.append(("section title", section.title))
      if let subtitle = section.subtitle { texts.append(("subtitle", subtitle)) }
      for block in section.blocks { check(block, page: page, texts: &texts, problems: &problems) }
    }
    for link in page.links {
      texts.append(("link title", link.title))
      texts += [link.url, link.spanishURL].compactMap { $0 }.map { ("link address", $0) }
      texts += link.organizations.map { ("organization", $0) }
      if let section = link.section, !page.sections.indices.contains(section) {
        problems.append("link points past the sections")
      }
    }
    for (what, text) in texts {
      if let bad = text.unicodeScalars.first(where: { $0 != "\n" && SafeText.needsAttention($0) }) {
        problems.append("\(what) holds U+\(String(bad.value, radix: 16, uppercase: true))")
      }
    }
  }

  private static func check(
    _ block: Block, page: Page, texts: inout [(String, String)], problems: inout [String]
  ) {
    switch block {
    case .paragraph(let runs), .heading(_, let runs):
      for run in runs {
        texts.append(("text", run.text))
        if let link = run.link, !page.links.indices.contains(link) {
          problems.append("a text run links past the links")
        }
      }
    case .list(_, let items):
      for item in items {
        for block in item { check(block, page: page, texts: &texts, problems: &problems) }
      }
    case .table(let table):
      texts += table.rows.flatMap { $0 }.map { ("table cell", $0) }
    case .image(let alt, let url):
      texts.append(("image alt", alt))
      if let url { texts.append(("image address", url)) }
    case .resources(let links):
      if !links.allSatisfy(page.links.indices.contains) {
        problems.append("a resource list links past the links")
      }
    case .preformatted(let runs):
      texts.append(("text", runs.plainText.replacingOccurrences(of: "\t", with: " ")))
      if !runs.compactMap(\.link).allSatisfy(page.links.indices.contains) {
        problems.append("preformatted text links past the links")
      }
    case .attribution(let text):
      texts.append(("text", text))
    case .quote(let blocks):
      for block in blocks { check(block, page: page, texts: &texts, problems: &problems) }
    }
  }
}
