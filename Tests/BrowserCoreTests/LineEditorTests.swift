import Testing

@testable import BrowserCore

/// The one line editor: readline's keys, by grapheme, with a history to walk.
@Suite struct LineEditorTests {
  private func edited(_ text: String, _ commands: [Command]) -> LineEditor {
    var editor = LineEditor(text: text)
    for command in commands { editor.apply(command) }
    return editor
  }

  private func typed(_ text: String) -> LineEditor {
    var editor = LineEditor()
    for character in text { editor.apply(.insert, key: .character(character)) }
    return editor
  }

  @Test func movesAndDeletesAsReadlineDoes() {
    #expect(edited("hello world", [.lineStart, .deleteForward]).text == "ello world")
    #expect(edited("hello world", [.cursorLeft, .cursorLeft, .deleteToEnd]).text == "hello wor")
    #expect(edited("hello world", [.cursorLeft, .deleteToStart]).text == "d")
    #expect(edited("hello big world", [.deleteWord]).text == "hello big ")
    #expect(edited("hello big   ", [.deleteWord]).text == "hello ")
    #expect(edited("ab", [.lineStart, .cursorRight, .deleteBackward]).text == "b")
    var editor = LineEditor(text: "ac")
    editor.apply(.cursorLeft)
    editor.apply(.insert, key: .character("b"))
    #expect(editor.text == "abc")
    #expect(editor.cursor == 2)
  }

  @Test func nothingToDoSaysSo() {
    var editor = LineEditor()
    for command in [Command.deleteBackward, .cursorLeft, .deleteForward, .historyPrevious] {
      let changed = editor.apply(command)
      #expect(!changed, "\(command)")
    }
  }

  /// An accented letter written as a letter and a combining mark, a wide character and an
  /// emoji flag are each one step and one deletion.
  @Test func editsByGrapheme() {
    let decomposed = "u\u{0301}lcera"
    #expect(edited(decomposed, [.lineStart, .deleteForward]).text == "lcera")
    #expect(edited("胃がん", [.deleteBackward]).text == "胃が")
    #expect(edited("a🇪🇸b", [.cursorLeft, .deleteBackward]).text == "ab")
    #expect(typed("estómago").characters.count == 8)
  }

  @Test func controlCharactersNeverEnterTheLine() {
    let editor = typed("a\u{1B}b\u{7F}c\u{9B}d")
    #expect(editor.text == "abcd")
  }

  /// ↑ walks back through the lines typed before, ↓ forward, and past the newest one the
  /// line being typed comes back.
  @Test func historyComesBackWithTheDraft() {
    var editor = LineEditor(text: "", history: ["first", "second"])
    editor.apply(.insert, key: .character("d"))
    editor.apply(.historyPrevious)
    #expect(editor.text == "second")
    editor.apply(.historyPrevious)
    #expect(editor.text == "first")
    let pastTheOldest = editor.apply(.historyPrevious)
    #expect(!pastTheOldest)
    editor.apply(.historyNext)
    editor.apply(.historyNext)
    #expect(editor.text == "d")
  }

  /// A line longer than its field shows the part around the cursor, marked where it goes
  /// on, and the cursor's column in it.
  @Test func aLongLineShowsAroundTheCursor() {
    let editor = LineEditor(text: "abcdefghijklmnopqrstuvwxyz")
    let end = editor.visible(in: 10, ellipsis: "…")
    // Nine cells of text, and the cursor's own cell after it.
    #expect(end.text == "…stuvwxyz")
    #expect(end.cursorColumn == 9)
    let start = edited("abcdefghijklmnopqrstuvwxyz", [.lineStart]).visible(in: 10, ellipsis: "…")
    #expect(start.text == "abcdefghi…")
    #expect(start.cursorColumn == 0)
    let wide = LineEditor(text: "胃がん胃がん").visible(in: 7)
    #expect(DisplayWidth.of(wide.text) <= 6)
  }
}
