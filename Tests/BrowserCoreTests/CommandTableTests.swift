import Foundation
import Testing

@testable import BrowserCore

/// One command table drives the key map, the help screen and the README's key table.
@Suite struct CommandTableTests {
  @Test func everyCommandHasKeysAndNoKeyIsBoundTwice() {
    var seen: Set<Key> = []
    for binding in CommandTable.bindings {
      #expect(!binding.keys.isEmpty)
      for key in binding.keys {
        #expect(!seen.contains(key), "\(key.name) is bound twice")
        seen.insert(key)
      }
    }
    #expect(Set(CommandTable.bindings.map(\.command)) == Set(Command.allCases))
  }

  @Test func helpScreenListsEveryBinding() {
    let help = ScreenComposer.helpLines()
    for binding in CommandTable.bindings {
      #expect(help.contains { $0.keys == binding.keyLabels && $0.summary == binding.summary })
    }
  }

  @Test func readmeKeyTableMatchesTheCommandTable() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(" | ") }
    for binding in CommandTable.bindings {
      let expected = "| \(binding.keyLabels) | \(binding.summary) |"
      #expect(rows.contains { $0 == expected }, "README lacks the row \(expected)")
    }
    let keyRows = rows.filter { row in
      CommandTable.bindings.contains { row.hasPrefix("| \($0.keyLabels) |") }
    }
    #expect(keyRows.count == CommandTable.bindings.count)
  }
}
