import Foundation
import Testing

@testable import TopicLibrary

/// Search as you type: folding, ranking, highlighting and the language filter.
@Suite struct LibrarySearchTests {
  /// The 19 real topics of 2024 (English and Spanish, with accents).
  static func realTopics() throws -> TopicLibrary {
    try TopicLibrary.open(xmlPath: try GeneratedFiles.nineteenTopics.get(), cacheDirectory: nil)
  }

  private func titles(_ hits: [SearchHit], _ library: TopicLibrary) -> [String] {
    hits.map { library.entries[$0.entry].title }
  }

  private func highlighted(_ hit: SearchHit) -> String {
    let characters = Array(hit.matched)
    return String(characters[hit.matchStart..<hit.matchStart + hit.matchLength])
  }

  // MARK: - Accents and case, on real Spanish titles

  @Test func acneFindsAcneAndAcné() throws {
    let library = try Self.realTopics()
    let hits = library.search("acne", languages: .both)
    #expect(titles(hits, library).prefix(2) == ["Acne", "Acné"])
    let spanish = try #require(hits.first { library.entries[$0.entry].title == "Acné" })
    #expect(spanish.kind == .prefix && spanish.matchedTitle)
    #expect(spanish.matchStart == 0 && spanish.matchLength == 4)
    #expect(highlighted(spanish) == "Acné")
    #expect(titles(library.search("ACNÉ", languages: .spanish), library) == ["Acné"])
  }

  @Test func ulceraFindsÚlceraPéptica() throws {
    let library = try Self.realTopics()
    let hits = library.search("ulcera", languages: .both)
    #expect(titles(hits, library) == ["Úlcera péptica", "Úlcera por presión"])
    #expect(hits.allSatisfy { $0.kind == .prefix && $0.matchStart == 0 && $0.matchLength == 6 })
    #expect(highlighted(hits[0]) == "Úlcera")

    let peptica = library.search("peptica", languages: .both)
    #expect(titles(peptica, library) == ["Úlcera péptica"])
    #expect(peptica[0].kind == .word)
    #expect(highlighted(peptica[0]) == "péptica")
    #expect(peptica[0].matchStart == 7)
  }

  @Test func abortoAndAccidente() throws {
    let library = try Self.realTopics()
    #expect(titles(library.search("Aborto", languages: .both), library) == ["Aborto"])
    let hits = library.search("accidente cerebrovascular", languages: .both)
    #expect(
      titles(hits, library) == [
        "Accidente cerebrovascular", "Accidente cerebrovascular hemorrágico",
        "Accidente cerebrovascular isquémico",
      ])
    // "apoplejia" is an also-called name of "Accidente cerebrovascular".
    let alias = library.search("apoplejia", languages: .both)
    #expect(titles(alias, library) == ["Accidente cerebrovascular"])
    #expect(alias[0].matched == "Apoplejía" && !alias[0].matchedTitle)
    #expect(highlighted(alias[0]) == "Apoplejía")
    // Accents typed in the query fold too.
    #expect(
      titles(library.search("HEMORRÁGICO", languages: .both), library) == [
        "Accidente cerebrovascular hemorrágico"
      ])
  }

  @Test func languageFilter() throws {
    let library = try Self.realTopics()
    let all = library.search("", languages: .both)
    let english = library.search("", languages: .english)
    let spanish = library.search("", languages: .spanish)
    #expect(all.count == library.entries.count)
    #expect(english.count + spanish.count == all.count)
    #expect(english.allSatisfy { library.entries[$0.entry].language == "en" })
    #expect(spanish.allSatisfy { library.entries[$0.entry].language == "es" })
    #expect(titles(library.search("acne", languages: .english), library) == ["Acne"])
  }

  @Test func emptyQueryListsAllAlphabeticallyByFoldedTitle() throws {
    let library = try Self.realTopics()
    let hits = library.search("  ", languages: .both)
    let listed = titles(hits, library)
    #expect(listed.count == 19)
    #expect(listed.first == "A1C")
    // "Úlcera …" sorts under U, not after Z as its first byte would.
    #expect(listed.suffix(2) == ["Úlcera péptica", "Úlcera por presión"])
    let english = try #require(listed.firstIndex(of: "Acne"))
    let spanish = try #require(listed.firstIndex(of: "Acné"))
    #expect(english < spanish)
    #expect(hits.allSatisfy { $0.matchLength == 0 && $0.kind == .prefix && $0.matchedTitle })
  }

  // MARK: - Ranking

  static func rankingLibrary(_ directory: TemporaryDirectory) throws -> TopicLibrary {
    let xml = HandmadeTopics.xml([
      .init(title: "Sweetheart Syndrome"),
      .init(title: "Congenital Heart Defects"),
      .init(title: "Heartburn"),
      .init(title: "Heart Attack", alsoCalled: ["Myocardial infarction"]),
      .init(title: "Cardiomyopathy", alsoCalled: ["Heart muscle disease", "Enlarged heart"]),
      .init(title: "Heart Diseases", alsoCalled: ["Cardiac diseases"]),
      .init(title: "Alzheimer's Disease"),
      .init(title: "X-Ray"),
      .init(title: "Cardiopatías", language: "Spanish", alsoCalled: ["Enfermedades del corazón"]),
    ])
    let path = directory.file("ranking.xml")
    try Paths.write(Array(xml.utf8), to: path)
    return try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
  }

  @Test func titlePrefixThenAlsoCalledPrefixThenWordThenSubstring() throws {
    let directory = try TemporaryDirectory()
    let library = try Self.rankingLibrary(directory)
    let hits = library.search("heart", languages: .both)
    #expect(
      titles(hits, library) == [
        "Heart Attack", "Heart Diseases", "Heartburn",  // title prefixes, alphabetical
        "Cardiomyopathy",  // an also-called name starts with it
        "Congenital Heart Defects",  // a word starts with it
        "Sweetheart Syndrome",  // inside a word
      ])
    #expect(hits.map(\.kind) == [.prefix, .prefix, .prefix, .prefix, .word, .substring])
    #expect(hits[3].matched == "Heart muscle disease" && !hits[3].matchedTitle)
    #expect(hits[4].matchStart == 11 && hits[4].matchLength == 5)
    #expect(hits[5].matched == "Sweetheart Syndrome" && hits[5].matchStart == 5)
  }

  @Test func eachEntryOnceWithItsBestMatch() throws {
    let directory = try TemporaryDirectory()
    let library = try Self.rankingLibrary(directory)
    // "Cardiomyopathy" starts with "card"; its also-called names do not matter then.
    // "Heart Attack" is found inside its also-called "Myocardial infarction".
    let hits = library.search("card", languages: .english)
    #expect(titles(hits, library) == ["Cardiomyopathy", "Heart Diseases", "Heart Attack"])
    #expect(hits.map(\.kind) == [.prefix, .prefix, .substring])
    #expect(hits[0].matchedTitle && hits[1].matched == "Cardiac diseases")
    #expect(hits[2].matched == "Myocardial infarction" && highlighted(hits[2]) == "card")
    #expect(Set(hits.map(\.entry)).count == hits.count)
  }

  @Test func apostrophesAndDashesFold() throws {
    let directory = try TemporaryDirectory()
    let library = try Self.rankingLibrary(directory)
    let alzheimer = library.search("alzheimers", languages: .both)
    #expect(titles(alzheimer, library) == ["Alzheimer's Disease"])
    #expect(highlighted(alzheimer[0]) == "Alzheimer's")
    #expect(titles(library.search("x ray", languages: .both), library) == ["X-Ray"])
    #expect(titles(library.search("x-ray", languages: .both), library) == ["X-Ray"])
    #expect(titles(library.search("ray", languages: .both), library) == ["X-Ray"])
  }

  @Test func entryNamedMatchesWholeNames() throws {
    let library = try Self.realTopics()
    let stroke = try #require(
      library.entries.firstIndex { $0.title == "Accidente cerebrovascular" })
    #expect(library.entry(named: "accidente CEREBROVASCULAR") == stroke)
    #expect(library.entry(named: "  Apoplejia ") == stroke)  // an also-called name
    #expect(library.entry(named: "accidente") == nil)  // only a prefix
    #expect(library.entry(named: "apoplejía", languages: .english) == nil)
    let acne = try #require(library.entries.firstIndex { $0.title == "Acne" })
    #expect(library.entry(named: "acne") == acne)  // "Acne" comes before "Acné" in the file
    let acné = try #require(library.entries.firstIndex { $0.title == "Acné" })
    #expect(library.entry(named: "acne", languages: .spanish) == acné)
    #expect(library.entry(named: "") == nil)
  }

  @Test func noMatchIsEmpty() throws {
    let library = try Self.realTopics()
    #expect(library.search("zzzz", languages: .both).isEmpty)
    #expect(
      library.search("a very long query longer than any title in the file", languages: .both)
        .isEmpty)
  }
}
