import Foundation
import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// A topic of a health-topics file on screen: its other-language twin is a link at the top
/// that opens from the same file.
@Suite struct TopicLanguageTests {
  private let catalog = TopicIndexTests.CorpusCatalog(["mplus_topics_2012-07-21.gsa-fixture.xml"])

  /// The index, Enter on the first topic (Abdominal Pain), then `keys`.
  private func session(_ keys: String, width: Int = 100, height: Int = 30) -> (
    BrowserSession, ScriptedTerminal
  ) {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: width, height: height), keys: Key.script("Enter " + keys))
    let session = BrowserSession(
      index: IndexState(catalog: catalog, width: width, height: height), terminal: terminal)
    session.run()
    return (session, terminal)
  }

  private func title(_ session: BrowserSession) -> String? {
    if case .page(let state) = session.view { return state.page.title }
    return nil
  }

  @Test func twinIsTheFirstLinkOfTheTopic() throws {
    let (_, terminal) = session("}")
    let screen = try #require(terminal.lastScreen)
    #expect(screen.plainText.contains("Also in Spanish: [1]Dolor abdominal"))
    // The status line shows the selected link's address: the twin's.
    #expect(screen.plainText.contains("medlineplus/spanish/abdominalpain.html"))
  }

  @Test func searchFindsTheTwin() throws {
    let (session, _) = session("/ D o l o r Enter")
    guard case .page(let state) = session.view else {
      Issue.record("no topic open")
      return
    }
    #expect(state.search?.matches.isEmpty == false)
  }

  @Test func enterOnTheTwinOpensItFromTheFileAndBackReturns() {
    let (opened, _) = session("} Enter")
    #expect(title(opened) == "Dolor abdominal")
    let (back, _) = session("} Enter Left")
    #expect(title(back) == "Abdominal Pain")
    let (again, _) = session("} Enter } Enter")
    #expect(title(again) == "Abdominal Pain")
  }
}
