import Foundation
import MedlinePlus

/// The real input files in `Tests/Corpus` (where each came from: its PROVENANCE.md).
enum Corpus {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  static func text(_ name: String) throws -> String {
    String(decoding: try bytes(name), as: UTF8.self)
  }

  /// Reads a corpus file as a page (fails the test when it is a collection).
  static func page(_ name: String, origin: String? = nil, mode: ReadingMode = .article) throws
    -> Page
  {
    switch try PageReader.read(bytes(name), name: name, origin: origin, mode: mode) {
    case .page(let page): return page
    case .collection: throw CorpusError.unexpectedCollection(name)
    }
  }

  /// Every corpus file a reader should accept, relative to the corpus folder.
  static var readableFiles: [String] {
    [
      "osteonecrosis.seed.txt", "diabetes.docling.md", "diabetesmedicines.docling.md",
      "highbloodpressure.docling.md", "mplus_topics_2012-07-21.gsa-fixture.xml",
      "mplus_topics_2024-08-10.excerpt-A1C.xml", "PROVENANCE.md", "web/PROVENANCE.md",
      "web/google-sre-book-1.source.html", "web/hukumusume.source.html", "web/iab-1.source.html",
      "web/lemonde-1.source.html", "web/medicalnewstoday.source.html",
      "web/mercurial.source.html",
    ]
  }
}

enum CorpusError: Error {
  case unexpectedCollection(String)
}

extension Page {
  func section(titled title: String) -> Section? {
    sections.first { $0.title == title }
  }

  /// The links a section's resource lists show, in order.
  func resources(in title: String) -> [Link] {
    guard let section = section(titled: title) else { return [] }
    return section.blocks.flatMap { block -> [Link] in
      if case .resources(let indices) = block { return indices.map { links[$0] } }
      return []
    }
  }

  /// All visible text of the page's sections, for "does not contain" checks.
  var allText: String {
    sections.map { section in
      ([section.title, section.subtitle ?? ""] + section.blocks.map(\.allText)).joined(
        separator: "\n")
    }.joined(separator: "\n") + links.map(\.title).joined(separator: "\n")
  }
}

extension Block {
  var allText: String {
    switch self {
    case .paragraph(let runs), .heading(_, let runs): runs.plainText
    case .list(_, let items): items.flatMap { $0.map(\.allText) }.joined(separator: "\n")
    case .table(let table): table.rows.map { $0.joined(separator: " ") }.joined(separator: "\n")
    case .image(let alt, _): alt
    case .resources: ""
    case .preformatted(let runs): runs.plainText
    case .attribution(let text): text
    case .quote(let blocks): blocks.map(\.allText).joined(separator: "\n")
    }
  }
}
