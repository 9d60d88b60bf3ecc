import Testing

@testable import TopicLibrary

@Suite struct TextFoldingTests {
  private func folded(_ text: String) -> String {
    String(decoding: TextFolding.fold(text).bytes, as: UTF8.self)
  }

  @Test func accentsAndCase() {
    #expect(folded("Acné") == "acne")
    #expect(folded("Úlcera péptica") == "ulcera peptica")
    #expect(folded("NIÑOS") == "ninos")
    #expect(folded("Apoplejía") == "apoplejia")
    #expect(folded("Ångström Øre Æsir") == "angstrom øre æsir")
    #expect(folded("Ελλάδα") == "ελλαδα")
  }

  @Test func decomposedInputLosesItsMarks() {
    #expect(folded("Acne\u{301}") == "acne")
    #expect(folded("U\u{301}lcera") == "ulcera")
  }

  @Test func spacesApostrophesAndDashes() {
    #expect(folded("  Heart \t\n  Attack  ") == "heart attack")
    #expect(folded("Alzheimer's Disease") == "alzheimers disease")
    #expect(folded("Alzheimer\u{2019}s") == "alzheimers")
    #expect(folded("X-Ray") == "x ray")
    #expect(folded("Non\u{2013}Hodgkin") == "non hodgkin")
    #expect(folded("-") == "")
  }

  /// Each folded byte knows which Character of the original it came from.
  @Test func characterMap() {
    let result = TextFolding.fold("Úlcera péptica")
    #expect(result.bytes.count == result.characters.count)
    #expect(result.characters.first == 0)
    #expect(result.characters.last == 13)
    let decomposed = TextFolding.fold("Acne\u{301} X")
    // "é" as e + combining accent is one Character: "acne x" maps to 0 1 2 3 4 5.
    #expect(decomposed.characters == [0, 1, 2, 3, 4, 5])
    let apostrophe = TextFolding.fold("A'b")
    #expect(apostrophe.characters == [0, 2])
  }
}
