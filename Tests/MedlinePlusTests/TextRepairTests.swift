import Testing

@testable import MedlinePlus

@Suite struct TextRepairTests {
  @Test(arguments: [
    ("EspaÃ±ol", "Español"),
    ("KienbÃ¶ck's Disease", "Kienböck's Disease"),
    ("Legg-CalvÃ©-Perthes", "Legg-Calvé-Perthes"),
    ("donâ€™t", "don’t"),
    ("Ãšlcera pÃ©ptica", "Úlcera péptica"),
    ("Â© 2024", "© 2024"),
  ])
  func mojibakeIsRepaired(broken: String, repaired: String) {
    #expect(TextRepair.repairMojibake(broken) == repaired)
  }

  @Test(arguments: [
    "Español", "Kienböck's", "naïve café", "Ñandú", "日本語のテキスト", "plain ASCII",
    "Â alone", "ÃÃÃ", "Ã is a letter",
  ])
  func correctTextIsNeverTouched(text: String) {
    #expect(TextRepair.repairMojibake(text) == text)
  }

  @Test func mixedLineRepairsOnlyTheBrokenRun() {
    #expect(TextRepair.repairMojibake("Español y EspaÃ±ol") == "Español y Español")
  }

  @Test func entitiesAreDecoded() {
    #expect(
      TextRepair.decodeEntities("a &amp; b &lt;c&gt; &eacute; &#233; &#xE9; &apos;")
        == "a & b <c> é é é '")
    #expect(
      TextRepair.decodeEntities("AT&T &unknown; & alone &#0;") == "AT&T &unknown; & alone \u{FFFD}")
    #expect(TextRepair.decodeEntities("&#x110000;") == "\u{FFFD}")
  }

  @Test func escapeSequencesAndControlsAreRemoved() {
    let hostile =
      "a\u{1B}[2J\u{1B}[31mred\u{1B}[0m b\u{1B}]52;c;ZXZpbA==\u{07}c\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ d\u{9B}31m e\u{7F}\u{0}f"
    let cleaned = SafeText.clean(hostile)
    #expect(cleaned == "ared bclink d ef")
    #expect(
      !cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    #expect(!cleaned.contains("52;"))
    #expect(!cleaned.contains("http://x"))
  }

  @Test func bidiOverridesAreRemovedAndTabsBecomeSpaces() {
    #expect(SafeText.clean("abc\u{202E}fed\u{2066}x\u{2069}") == "abcfedx")
    #expect(SafeText.clean("a\tb") == "a b")
    #expect(SafeText.clean("line\nline", keepNewlines: false) == "line line")
    #expect(SafeText.clean("line\nline") == "line\nline")
  }

  @Test func unterminatedSequencesDoNotEatTheRestForeverOrCrash() {
    #expect(SafeText.clean("text\u{1B}") == "text")
    #expect(SafeText.clean("text\u{1B}[") == "text")
    #expect(SafeText.clean("x\u{1B}]0;title") == "x")
  }

  @Test func bytesDecodeWithBOMsUTF16AndFallbacks() {
    #expect(SourceText.decode([0xEF, 0xBB, 0xBF, 0x41]) == "A")
    #expect(SourceText.decode([0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00]) == "Aé")
    #expect(SourceText.decode([0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9]) == "Aé")
    // Latin-1 only: no valid multi-byte sequence, so Windows-1252.
    #expect(SourceText.decode([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94]) == "café “q”")
    // Mostly UTF-8 with one broken byte: the broken byte is replaced, the rest kept.
    #expect(SourceText.decode([0xC3, 0xA9, 0x20, 0xFF, 0x41]) == "é \u{FFFD}A")
  }
}
