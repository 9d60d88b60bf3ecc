import BrowserCore
import CNcursesw
import Glibc
import Testing

@testable import CursesTerminal

/// ncurses without a terminal: paint a screen into a headless SCREEN and read it back.
/// ncurses has one current screen per process, so these tests run one at a time.
@Suite(.serialized) struct HeadlessCursesTests {
  private func withHeadless(_ terminal: String, _ body: (UnsafeMutablePointer<WINDOW>) -> Void) {
    setlocale(LC_ALL, "C.UTF-8")
    guard let screen = medterm_headless_screen(terminal) else {
      Issue.record("newterm(\(terminal)) failed")
      return
    }
    set_term(screen)
    defer {
      endwin()
      delscreen(screen)
    }
    guard let window = medterm_stdscr() else {
      Issue.record("no stdscr")
      return
    }
    body(window)
  }

  private func cell(_ window: UnsafeMutablePointer<WINDOW>, _ x: Int, _ y: Int) -> (
    String, attr_t, Int16
  ) {
    var text = [wchar_t](repeating: 0, count: 8)
    var attributes: attr_t = 0
    var pair: Int16 = 0
    _ = medterm_read_cell(window, Int32(y), Int32(x), &text, 8, &attributes, &pair)
    let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
    return (String(String.UnicodeScalarView(scalars)), attributes, pair)
  }

  @Test func paintsTextWideCharactersAndRoles() {
    withHeadless("xterm-256color") { window in
      var screen = ScreenBuffer(width: 20, height: 3)
      screen.write("Héllo 日本", x: 0, y: 0, role: .heading)
      screen.write("e\u{301}x", x: 0, y: 1, role: .linkSelected)
      screen.write("\u{1B}[31mevil", x: 0, y: 2, role: .normal)
      let styles = CursesStyles(theme: Theme.builtInDefault, environment: [:])
      CursesPainter.paint(screen, over: nil, on: window, styles: styles)
      #expect(cell(window, 0, 0).0 == "H")
      #expect(cell(window, 1, 0).0 == "é")
      #expect(cell(window, 6, 0).0 == "日")
      #expect(cell(window, 8, 0).0 == "本")
      #expect(cell(window, 0, 1).0 == "e\u{301}")
      let heading = styles.attributes(for: .heading)
      #expect(cell(window, 0, 0).1 & heading.0 == heading.0)
      #expect(cell(window, 0, 0).2 == heading.1)
      let selected = styles.attributes(for: .linkSelected)
      #expect(cell(window, 0, 1).1 & selected.0 == selected.0)
      // ScreenBuffer never stores the escape; the painter would refuse it anyway.
      #expect(cell(window, 0, 2).0 != "\u{1B}")
    }
  }

  @Test func noColorKeepsSelectionVisibleWithAttributes() {
    withHeadless("xterm-256color") { _ in
      let styles = CursesStyles(theme: Theme.builtInDefault, environment: ["NO_COLOR": "1"])
      for role in [StyleRole.sidebarSelected, .linkSelected, .statusBar] {
        let (attributes, pair) = styles.attributes(for: role)
        #expect(pair == 0, "\(role) has a colour pair under NO_COLOR")
        #expect(attributes & medterm_a_reverse() != 0, "\(role) is not reverse under NO_COLOR")
      }
    }
  }

  @Test func eightColourTerminalsGetPairsWithinTheirPalette() {
    withHeadless("xterm") { _ in
      let styles = CursesStyles(theme: Theme.builtInDefault, environment: [:])
      #expect(medterm_colors() == 8)
      for role in StyleRole.allCases {
        let (_, pair) = styles.attributes(for: role)
        var foreground: Int16 = 0
        var background: Int16 = 0
        if pair > 0 {
          pair_content(pair, &foreground, &background)
          #expect(foreground < 8 && background < 8)
        }
      }
    }
  }

  @Test(arguments: [
    "xterm", "xterm-256color", "screen", "tmux-256color", "linux", "vt100", "vt220",
  ])
  func everyCommonTerminalTypeOpens(name: String) {
    withHeadless(name) { window in
      var screen = ScreenBuffer(width: 10, height: 2)
      screen.write("ok", x: 0, y: 0, role: .sidebarSelected)
      CursesPainter.paint(
        screen, over: nil, on: window,
        styles: CursesStyles(theme: Theme.builtInDefault, environment: [:]))
      #expect(cell(window, 0, 0).0 == "o")
    }
  }

  @Test func keyCodesDecode() {
    #expect(CursesKeyDecoder.characterKey(0x0D) == .enter)
    #expect(CursesKeyDecoder.characterKey(0x04) == .control("d"))
    #expect(CursesKeyDecoder.characterKey(0x1B) == .escape)
    #expect(CursesKeyDecoder.characterKey(0x7F) == .backspace)
    #expect(CursesKeyDecoder.characterKey(0x9B) == nil)
    #expect(CursesKeyDecoder.characterKey(0xE9) == .character("é"))
    #expect(CursesKeyDecoder.functionKey(KEY_DOWN) == .down)
    #expect(CursesKeyDecoder.functionKey(KEY_NPAGE) == .pageDown)
    #expect(CursesKeyDecoder.functionKey(medterm_key_f(1)) == .function(1))
    #expect(CursesKeyDecoder.functionKey(medterm_key_resize()) == .resize)
  }
}
