import Testing

@testable import BrowserCore

@Suite struct TextWrapperTests {
  private func lines(_ text: String, width: Int, prefix: String = "", continuation: String = "")
    -> [String]
  {
    TextWrapper.wrap(
      [StyledSpan(text)], width: width, prefix: prefix.isEmpty ? [] : [StyledSpan(prefix)],
      continuation: continuation.isEmpty ? [] : [StyledSpan(continuation)]
    ).map { $0.map(\.text).joined() }
  }

  @Test func wrapsAtSpacesWithHangingIndent() {
    #expect(
      lines("one two three four five", width: 11, prefix: "• ", continuation: "  ")
        == ["• one two", "  three", "  four five"])
  }

  @Test func longWordsAreCut() {
    #expect(lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  }

  @Test func aLongWordAfterOthersStartsItsOwnLineAndKeepsItsStyles() {
    let spans = [
      StyledSpan("see "), StyledSpan("abcdefgh", .link, link: 3), StyledSpan("ijklm"),
      StyledSpan(" end"),
    ]
    let wrapped = TextWrapper.wrap(
      spans, width: 6, prefix: [StyledSpan("- ")], continuation: [StyledSpan("  ")])
    #expect(
      wrapped.map { $0.map(\.text).joined() } == [
        "- see", "  abcd", "  efgh", "  ijkl", "  m", "  end",
      ])
    #expect(wrapped[2].contains(StyledSpan("efgh", .link, link: 3)))
    #expect(wrapped[3] == [StyledSpan("  ijkl")])
    let huge = String(repeating: "x", count: 40_000)
    let cut = lines("a \(huge) b", width: 80)
    #expect(cut.count == 502 && cut[1] == String(repeating: "x", count: 80))
    #expect(cut.last == "b")
  }

  @Test func aLinkNumberIsNeverCutInTwo() {
    let spans = [
      StyledSpan("いぬのかお"), StyledSpan("[13]", .linkNumber, link: 12),
      StyledSpan("犬の顔", .link, link: 12),
    ]
    let wrapped = TextWrapper.wrap(spans, width: 12).map { $0.map(\.text).joined() }
    #expect(wrapped == ["いぬのかお", "[13]犬の顔"])
  }

  @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
    let wrapped = lines("日本語のテキスト", width: 5)
    #expect(wrapped == ["日本", "語の", "テキ", "スト"])
    for line in wrapped { #expect(DisplayWidth.of(line) <= 5) }
  }

  @Test func combiningMarksAndEmojiWidths() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("❤️") == 2)
    #expect(DisplayWidth.of("\u{200B}") == 0)
    #expect(DisplayWidth.of("Ａ") == 2)
    #expect(DisplayWidth.of("한국어") == 6)
  }

  @Test func explicitLineBreaksAreKept() {
    #expect(lines("a\nb c", width: 10) == ["a", "b c"])
  }

  @Test func aOneCellLineStillMakesProgress() {
    let wrapped = lines("日本 ab", width: 1)
    #expect(wrapped.joined().contains("日"))
    #expect(wrapped.count >= 4)
  }

  @Test func transliterationForASCIITerminals() {
    #expect(
      Transliterator.ascii("Kienböck’s — “Legg-Calvé” …") == "Kienbock's -- \"Legg-Calve\" ...")
    #expect(Transliterator.ascii("日本") == "????")
    #expect(Transliterator.ascii("e\u{301}") == "e")
  }
}
