import Foundation
import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// The topic index on narrow screens: the end of the query where the typing is, rows and the
/// footer cut only with an ellipsis or by whole hints (a tester saw the start of the query, and
/// rows and keys stopped mid-word).
@Suite struct TopicIndexScreenTests {
  private let catalog = TopicIndexTests.CorpusCatalog([
    "mplus_topics_2012-07-21.gsa-fixture.xml", "mplus_topics_2024-08-10.excerpt-A1C.xml",
  ])
  private static let sizes = [(20, 5), (33, 7), (40, 12), (59, 20), (80, 24), (132, 30)]
  private static let hints = ["↑↓ move", "Enter open", "Tab language"]

  private func index(_ typed: String, _ width: Int, _ height: Int) -> IndexState {
    var state = IndexState(catalog: catalog, width: width, height: height)
    for character in typed { _ = state.edit(.insert, key: .character(character)) }
    return state
  }

  /// A query that matches an also-called name rather than a title.
  private var aliasQuery: String {
    for index in 0..<catalog.count {
      for alias in catalog.entry(index).alsoCalled where alias.count >= 6 {
        let query = String(alias.lowercased().prefix(6))
        let hits = catalog.search(query, languages: .english)
        if hits.contains(where: { $0.matched == alias }) { return query }
      }
    }
    return "zzzz"
  }

  @Test func everyRowFitsAndNothingIsCutWithoutAnEllipsis() {
    for (width, height) in Self.sizes {
      for typed in ["", "a", aliasQuery] {
        let state = index(typed, width, height)
        let screen = IndexComposer.compose(state)
        let context = "\"\(typed)\" at \(width)x\(height)"
        for y in 0..<height {
          #expect(DisplayWidth.of(screen.rowText(y)) == width, "row \(y), \(context)")
        }
        for row in 0..<min(state.listHeight, state.hits.count) {
          let hit = state.hits[state.top + row]
          let entry = catalog.entry(hit.entry)
          var shown = String(screen.rowText(3 + row).dropFirst(2)).trimmingSpaces
          if let language = entry.language, shown.hasSuffix(" " + language) {
            shown = String(shown.dropLast(language.count + 1)).trimmingSpaces
          }
          let whole: Set<String> = [
            entry.title, entry.title + " · " + entry.alsoCalled.joined(separator: ", "),
            entry.title + " — also called " + hit.matched, entry.title + " — " + hit.matched,
          ]
          #expect(
            whole.contains(shown) || shown.hasSuffix("…"), "row \(row): \(shown), \(context)")
          #expect(shown.hasPrefix(String(entry.title.prefix(4))), "row \(row), \(context)")
        }
        let footer = screen.rowText(height - 1).trimmingSpaces
        let parts = footer.components(separatedBy: " · ")
        let last = typed.isEmpty ? "q quit" : "Esc clear"
        #expect(
          Array((Self.hints + [last]).prefix(parts.count)) == parts, "footer \(footer), \(context)")
      }
    }
  }

  @Test func aLongQueryShowsItsEndBeforeTheCursor() {
    for (width, height) in Self.sizes {
      let typed = "abdominal pain and a long tail"
      let screen = IndexComposer.compose(index(typed, width, height))
      let row = screen.rowText(1)
      let context = "at \(width)x\(height): \(row)"
      #expect(row.contains("tail"), "\(context)")
      guard let cursor = screen.cursor, let end = row.range(of: "tail") else { continue }
      #expect(cursor.y == 1)
      #expect(cursor.x == DisplayWidth.of(String(row[..<end.upperBound])), "\(context)")
      if DisplayWidth.of(row.trimmingSpaces) < width - 2 {
        #expect(row.contains(typed) || row.contains("…"), "\(context)")
      }
    }
  }

  @Test func theSearchLineGivesWayToTheQueryStepByStep() {
    #expect(
      IndexComposer.compose(index("abd", 80, 10)).rowText(1).contains("[English] Spanish Both"))
    let forty = IndexComposer.compose(index("abdomin", 40, 12)).rowText(1)
    #expect(forty.hasPrefix(" Search: abdomin"))
    #expect(forty.hasSuffix("[English] "))
    let twenty = IndexComposer.compose(index("abdomin", 20, 5)).rowText(1)
    #expect(twenty.hasPrefix(" /abdomin"))
  }

  @Test func aLongMessageEndsInAnEllipsis() {
    var state = index("", 30, 6)
    state.say("could not read the topic: the file is not there any more")
    let footer = IndexComposer.compose(state).rowText(5)
    #expect(footer.hasPrefix(" could not read the topic"))
    #expect(footer.trimmingSpaces.hasSuffix("…"))
    #expect(DisplayWidth.of(footer) == 30)
  }
}
