import Foundation
import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The topic index of a library, with a catalog made from a real health-topics file.
@Suite struct TopicIndexTests {
  /// The corpus topics as a catalog: a naive, honest implementation of the protocol.
  final class CorpusCatalog: TopicCatalog {
    let pages: [Page]
    let title = "Corpus topics"

    init(_ files: [String]) {
      pages = files.flatMap { name -> [Page] in
        let data = (try? Data(contentsOf: Pages.corpus.appendingPathComponent(name))) ?? Data()
        if case .collection(let collection)? = try? PageReader.read(Array(data)) {
          return collection.topics
        }
        return []
      }
    }

    var count: Int { pages.count }

    func entry(_ index: Int) -> TopicCatalogEntry {
      TopicCatalogEntry(
        title: pages[index].title, alsoCalled: pages[index].alsoCalled,
        language: pages[index].language)
    }

    func search(_ query: String, languages: LanguageChoice) -> [TopicCatalogHit] {
      let wanted = pages.indices.filter { index in
        switch languages {
        case .both: true
        case .english: pages[index].language == "en"
        case .spanish: pages[index].language == "es"
        }
      }
      guard !query.isEmpty else {
        return wanted.map {
          TopicCatalogHit(entry: $0, matched: pages[$0].title, matchStart: 0, matchLength: 0)
        }
      }
      return wanted.compactMap { index in
        for name in [pages[index].title] + pages[index].alsoCalled {
          if let range = name.lowercased().firstRange(of: query.lowercased()) {
            let start = name.lowercased().distance(
              from: name.lowercased().startIndex, to: range.lowerBound)
            return TopicCatalogHit(
              entry: index, matched: name, matchStart: start, matchLength: query.count)
          }
        }
        return nil
      }
    }

    func page(_ index: Int) -> Result<Page, LoadFailure> { .success(pages[index]) }

    func entry(forURL url: String) -> Int? { pages.firstIndex { $0.origin == url } }
  }

  private let catalog = CorpusCatalog([
    "mplus_topics_2012-07-21.gsa-fixture.xml", "mplus_topics_2024-08-10.excerpt-A1C.xml",
  ])

  private func session(_ keys: String, width: Int = 100, height: Int = 20) -> (
    BrowserSession, ScriptedTerminal
  ) {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: width, height: height), keys: Key.script(keys))
    let session = BrowserSession(
      index: IndexState(catalog: catalog, width: width, height: height), terminal: terminal)
    session.run()
    return (session, terminal)
  }

  @Test func listsTopicsInTheChosenLanguage() {
    let (_, terminal) = session("")
    let screen = terminal.lastScreen?.plainText ?? ""
    #expect(screen.contains("Abdominal Pain"))
    #expect(screen.contains("A1C"))
    #expect(!screen.contains("Dolor abdominal"))
    #expect(screen.contains("2 of 3 topics"))
    let (_, spanish) = session("Tab")
    #expect(spanish.lastScreen?.plainText.contains("Dolor abdominal") == true)
    #expect(spanish.lastScreen?.plainText.contains("[Spanish]") == true)
  }

  @Test func typingFiltersAndHighlightsTheMatch() throws {
    let (_, terminal) = session("h b a 1")
    let screen = try #require(terminal.lastScreen)
    #expect(screen.plainText.contains("1 of 3 topics"))
    #expect(screen.plainText.contains("A1C \u{2014} also called HbA1C"))
    let row = try #require((0..<20).first { screen.rowText($0).contains("HbA1C") })
    let x = screen.rowText(row).distance(
      from: screen.rowText(row).startIndex,
      to: try #require(screen.rowText(row).firstRange(of: "HbA1C")).lowerBound)
    #expect(screen[x, row].role == .match)
  }

  @Test func enterOpensATopicAndBackReturnsToTheSamePlace() {
    let (opened, _) = session("Down Enter")
    #expect((opened.top as? PageView)?.state.page.title == "A1C")
    let (back, _) = session("Down Enter Left")
    #expect((back.top as? IndexView)?.state.selected == 1, "Back returns to the index")
    let (closed, _) = session("Down Enter q")
    #expect(closed.top is IndexView, "q closes the topic back to the index")
  }

  /// Back to the index, then → returns to the topic where it was left, and further
  /// forward to the twin it had opened; forward history is not lost on the way.
  @Test func forwardFromTheIndexReturnsWhereTheReaderWas() {
    let keys = "Enter } Enter Left j j j Left"
    let (atIndex, _) = session(keys)
    #expect(atIndex.top is IndexView, "Back reaches the index")
    let (forward, _) = session(keys + " Right")
    #expect(forward.state.page.title == "Abdominal Pain")
    #expect(forward.state.top == 3)
    let (further, _) = session(keys + " Right Right")
    #expect(further.state.page.title == "Dolor abdominal")
  }

  /// Without UTF-8 the connector is ASCII too, not a dash the terminal drops.
  @Test func asciiIndexKeepsTheAlsoCalledConnector() {
    var index = IndexState(catalog: catalog, width: 80, height: 10, glyphs: .ascii)
    for letter in "bell" { _ = index.edit(.insert, key: .character(letter)) }
    let screen = IndexComposer.compose(index).plainText
    #expect(screen.contains("Abdominal Pain -- also called Bellyache"))
    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
  }

  /// Esc clears the query; `q` is typed into a query and quits once it is empty.
  @Test func escapeClearsAndQQuitsOnceTheQueryIsEmpty() {
    let (session, terminal) = session("x y z Esc")
    #expect((session.top as? IndexView)?.state.query.isEmpty == true)
    #expect(terminal.lastScreen?.plainText.contains("Abdominal Pain") == true)
    let (typed, _) = self.session("a q")
    #expect((typed.top as? IndexView)?.state.query == "aq")
    #expect(!typed.isFinished)
    let (quit, screens) = self.session("q j")
    #expect(quit.isFinished)
    #expect(screens.screens.count == 1)
    let (stays, _) = self.session("Esc")
    #expect(!stays.isFinished, "Esc never quits medterm")
  }

  /// The query is edited with the one line editor: arrows, Home, Ctrl-W, by grapheme.
  @Test func theQueryIsEditedWithTheLineEditor() {
    let (session, _) = self.session("a b c Left Left Del x Home y End Ctrl-W")
    #expect((session.top as? IndexView)?.state.query == "")
    let (accents, _) = self.session("ú l c e r a Home Del")
    #expect((accents.top as? IndexView)?.state.query == "lcera")
  }

  @Test func noMatchSaysSo() {
    let (_, terminal) = session("z z z")
    #expect(terminal.lastScreen?.plainText.contains("no topic matches") == true)
  }
}
