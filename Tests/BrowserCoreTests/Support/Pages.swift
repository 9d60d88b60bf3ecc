import Foundation
import MedlinePlus

/// Real pages for browser tests, read once.
enum Pages {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  static let seed: Page = page(BuiltInPage.bytes)
  static let highBloodPressure: Page = file("highbloodpressure.docling.md")
  static let mercurial: Page = file("web/mercurial.source.html")
  static let japanese: Page = file("web/hukumusume.source.html")
  /// Whole pages, furniture and all, for tests of the browser rather than of the reader view.
  static let mercurialWhole: Page = file("web/mercurial.source.html", mode: .full)
  static let japaneseWhole: Page = file("web/hukumusume.source.html", mode: .full)

  static func file(_ name: String, mode: ReadingMode = .article) -> Page {
    let data = (try? Data(contentsOf: corpus.appendingPathComponent(name))) ?? Data()
    return page(Array(data), mode: mode)
  }

  static func corpusText(_ name: String) -> String {
    let data = (try? Data(contentsOf: corpus.appendingPathComponent(name))) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  static func page(_ bytes: [UInt8], mode: ReadingMode = .article) -> Page {
    switch try? PageReader.read(bytes, mode: mode) {
    case .page(let page)?: return page
    case .collection(let collection)?:
      return collection.topics.first ?? Page(title: "empty", format: .markdown)
    case nil: return Page(title: "unreadable", format: .markdown)
    }
  }
}
