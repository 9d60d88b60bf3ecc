import Testing

@testable import BrowserCore

/// Matches in display cells, the same whether a line is plain ASCII (searched by bytes) or
/// not (searched by characters).
@Suite struct SearchStateTests {
  private let lines = [
    "Crutches help", "CRUTCHES and crutches", "naïve crutches", "日本 crutch", "",
    "crutc", "a crutchcrutch b", "cafe\u{301} • crutch",
  ].map { StyledLine([StyledSpan($0)], section: 0) }

  private func matches(_ query: String) -> [[Int]] {
    var search = SearchState(query: query, backward: false)
    search.find(in: lines)
    return search.matches.map { [$0.line, $0.start, $0.width] }
  }

  @Test func lowerCaseQueriesIgnoreCaseOnEveryKindOfLine() {
    #expect(
      matches("crutch") == [
        [0, 0, 6], [1, 0, 6], [1, 13, 6], [2, 6, 6], [3, 5, 6], [6, 2, 6], [6, 8, 6], [7, 7, 6],
      ])
  }

  @Test func aCapitalMakesTheSearchCaseSensitive() {
    #expect(matches("Crutch") == [[0, 0, 6]])
    #expect(matches("CRUTCHES and") == [[1, 0, 12]])
  }

  @Test func spansOfALineAreSearchedAsOneText() {
    let split = [StyledLine([StyledSpan("cru"), StyledSpan("tch", .link, link: 0)], section: 0)]
    var search = SearchState(query: "crutch", backward: false)
    search.find(in: split)
    #expect(search.matches.map { [$0.line, $0.start, $0.width] } == [[0, 0, 6]])
  }

  @Test func nonASCIIQueriesFindAccentedText() {
    #expect(matches("naïve") == [[2, 0, 5]])
    #expect(matches("日本") == [[3, 0, 4]])
  }

  /// A phrase the layout wrapped at a space is found across the break, in two parts; a
  /// line that does not go on with the one above is not joined to it.
  @Test func aPhraseIsFoundAcrossAWrappedBreak() {
    var below = StyledLine([StyledSpan("  "), StyledSpan("osteonecrosis. Treatments")], section: 0)
    below.joinsPrevious = true
    let wrapped = [StyledLine([StyledSpan("tests to diagnose ")], section: 0), below]
    var search = SearchState(query: "diagnose osteo", backward: false)
    search.find(in: wrapped)
    #expect(
      search.matches == [
        SearchState.Match(line: 0, start: 9, width: 8, next: .init(start: 2, width: 5))
      ])
    var separate = wrapped
    separate[1].joinsPrevious = false
    search.find(in: separate)
    #expect(search.matches.isEmpty)
  }

  /// As in the topic index: "estomago" finds "estómago", "naive" finds "naïve", and the
  /// other way round; a decomposed accent (e + U+0301) too.
  @Test func accentsAreIgnored() {
    #expect(matches("naive") == [[2, 0, 5]])
    #expect(matches("cafe") == [[7, 0, 4]])
    #expect(matches("café") == [[7, 0, 4]])
    let spanish = [StyledLine([StyledSpan("Dolor de ESTÓMAGO y estómago")], section: 0)]
    var search = SearchState(query: "estomago", backward: false)
    search.find(in: spanish)
    #expect(search.matches.map { [$0.start, $0.width] } == [[9, 8], [20, 8]])
    var exact = SearchState(query: "ESTOMAGO", backward: false)
    exact.find(in: spanish)
    #expect(exact.matches.map { [$0.start, $0.width] } == [[9, 8]])
  }
}
