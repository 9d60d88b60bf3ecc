import Foundation
import Testing

@testable import BrowserCore

/// One command table drives the key map, the help screen, the hints and the README's key
/// table; a config file's `bind` and `unbind` change the key map and the help with it.
@Suite struct CommandTableTests {
  @Test func noKeyIsBoundTwiceInOneView() {
    for kind in ViewKind.allCases {
      var seen: Set<Key> = []
      for binding in CommandTable.bindings(for: kind) {
        for key in binding.keys {
          #expect(!seen.contains(key), "\(key.name) is bound twice in \(kind)")
          seen.insert(key)
        }
      }
    }
    var global: Set<Key> = []
    for binding in CommandTable.globalBindings {
      for key in binding.keys {
        #expect(!global.contains(key), "\(key.name) is bound twice everywhere")
        global.insert(key)
      }
    }
  }

  @Test func everyCommandHasARowAndEveryRowAKey() {
    #expect(Set(CommandTable.bindings.map(\.command)) == Set(Command.allCases))
    for binding in CommandTable.bindings {
      #expect(!binding.keys.isEmpty || binding.keyClass != nil, "\(binding.command)")
    }
  }

  /// A view's own key comes first, then its key classes (a prompt types `q`), then the
  /// keys of every view.
  @Test func lookupGoesFromTheViewToEverywhere() {
    let keys = Keymap.standard
    #expect(keys.command(for: .character("q"), in: .page) == .close)
    #expect(keys.command(for: .character("q"), in: .prompt) == .insert)
    #expect(keys.command(for: .character("q"), in: .index) == .close)
    #expect(keys.command(for: .character("j"), in: .index) == .insert)
    #expect(keys.command(for: .character("g"), in: .page) == .goTo)
    #expect(keys.command(for: .character("g"), in: .help) == .top)
    #expect(keys.command(for: .character("x"), in: .help) == .close)
    #expect(keys.command(for: .character("7"), in: .page) == .linkNumber)
    #expect(keys.command(for: .character("0"), in: .page) == nil)
    #expect(keys.command(for: .left, in: .prompt) == .cursorLeft)
    #expect(keys.command(for: .left, in: .page) == .back)
    #expect(keys.command(for: .escape, in: .loading) == .cancel)
    #expect(keys.command(for: .character("Z"), in: .page) == nil)
  }

  @Test func helpListsEveryBindingOfTheViewThenTheGlobalOnes() {
    for kind in ViewKind.allCases {
      let help = HelpContent.lines(for: kind, keymap: .standard, glyphs: .unicode)
      for binding in CommandTable.bindings(for: kind) {
        #expect(
          help.contains { $0.keys == binding.keyLabels && $0.summary == binding.summary },
          "\(binding.command) in \(kind)")
      }
      let everywhere = help.firstIndex { $0.isGroup && $0.keys == "Everywhere" }
      let lastOwn = help.lastIndex { line in
        CommandTable.bindings(for: kind).contains { $0.summary == line.summary }
      }
      if let everywhere, let lastOwn { #expect(lastOwn < everywhere, "\(kind)") }
    }
  }

  /// A `bind` shows in help under the key given, and the key it replaced is gone.
  @Test func bindingsChangeTheHelp() {
    var keys = Keymap.standard
    keys.bind(.character("x"), to: .openHere, in: .page)
    keys.unbind(.character("O"), in: .page)
    #expect(keys.command(for: .character("x"), in: .page) == .openHere)
    #expect(keys.command(for: .character("O"), in: .page) == nil)
    let help = HelpContent.lines(for: .page, keymap: keys, glyphs: .unicode)
    #expect(
      help.contains { $0.keys == "x" && $0.summary.hasPrefix("open the selected link inside") })
    #expect(!help.contains { $0.keys == "O" })
    keys.unbind(.character("q"), in: nil)
    #expect(keys.command(for: .character("q"), in: .page) == nil)
    #expect(keys.command(for: .character("q"), in: .prompt) == .insert)
  }

  @Test func readmeKeyTableIsTheCommandTable() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let begin = "<!-- keys: generated from the command table -->\n"
    let end = "<!-- end of keys -->"
    let start = try #require(text.range(of: begin), "README lacks the key table's marker")
    let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
    let table = String(text[start.upperBound..<stop.lowerBound])
    #expect(
      table == KeyTable.markdown(),
      "README's key table differs; it should read:\n\(KeyTable.markdown())")
  }
}
