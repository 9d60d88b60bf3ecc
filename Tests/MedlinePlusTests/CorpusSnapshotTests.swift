import Foundation
import Testing

@testable import MedlinePlus

/// Every corpus file reads without error and matches its reviewed tree dump.
@Suite struct CorpusSnapshotTests {
  static let files =
    Corpus.readableFiles + [
      "fixtures/osteonecrosis.medlineplus.html", "fixtures/latin1.html",
    ]

  @Test(arguments: files)
  func treeDumpMatchesSnapshot(file: String) throws {
    let document = try PageReader.read(Corpus.bytes(file), name: file)
    let dump: String
    switch document {
    case .page(let page): dump = PageTreeDump.render(page)
    case .collection(let collection):
      dump = PageTreeDump.render(collection)
      #expect(collection.truncation == nil)
      #expect(!collection.topics.isEmpty)
    }
    let name = file.replacingOccurrences(of: "/", with: "__") + ".tree"
    try Snapshot.assertMatches(dump, named: name)
  }

  @Test(arguments: files)
  func jsonDumpIsValidJSON(file: String) throws {
    let document = try PageReader.read(Corpus.bytes(file), name: file)
    let json: String
    switch document {
    case .page(let page): json = PageJSON.value(page).serialized()
    case .collection(let collection): json = PageJSON.value(collection).serialized()
    }
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(parsed?["version"] as? Int == PageJSON.schemaVersion)
  }
}
