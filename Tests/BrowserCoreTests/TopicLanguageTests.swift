import Foundation
import Testing

@testable import BrowserCore
@testable import MedlinePlus

/// A topic of a health-topics file on screen in its language: its other-language twin is a
/// link at the top that opens from the same file, and a Spanish topic's menu is in Spanish.
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
    (session.top as? PageView)?.state.page.title
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
    #expect((session.top as? PageView)?.state.search?.matches.isEmpty == false)
  }

  @Test func enterOnTheTwinOpensItFromTheFileAndBackReturns() {
    let (opened, _) = session("} Enter")
    #expect(title(opened) == "Dolor abdominal")
    let (back, _) = session("} Enter Left")
    #expect(title(back) == "Abdominal Pain")
    let (again, _) = session("} Enter } Enter")
    #expect(title(again) == "Abdominal Pain")
  }

  @Test func spanishTopicShowsItsMenuInSpanish() throws {
    let (opened, terminal) = session("} Enter")
    #expect(title(opened) == "Dolor abdominal")
    let screen = try #require(terminal.lastScreen).plainText
    for label in [
      "Lo básico", "Aprenda más", "Vea, juegue y aprenda", "No hay enlaces disponibles",
    ] {
      #expect(screen.contains(label), "\(label)")
    }
    #expect(screen.contains(" En esta página"))
    for label in [
      "Basics", "Learn More", "See, Play and Learn", "No links available", "On this page",
    ] {
      #expect(!screen.contains(label), "\(label)")
    }
    #expect(screen.contains("También en inglés: [1]Abdominal Pain"))
  }

  @Test func spanishSidebarRowsAreAllSpanish() throws {
    guard let state = (session("} Enter").0.top as? PageView)?.state else {
      Issue.record("no topic open")
      return
    }
    let sidebar = state.sidebar
    #expect(sidebar.heading == "En esta página")
    let groups = sidebar.rows.filter { $0.kind == .group }.map(\.title)
    #expect(
      groups == [
        "Lo básico", "Aprenda más", "Vea, juegue y aprenda", "Investigación", "Recursos",
        "Para usted", "Más en esta página",
      ])
    #expect(
      sidebar.rows.filter { $0.kind == .noLinks }.allSatisfy {
        $0.title == "No hay enlaces disponibles"
      })
    // Still a MedlinePlus topic page: its links to other topics open in the browser.
    #expect(state.page.isTopicPage)
  }
}
