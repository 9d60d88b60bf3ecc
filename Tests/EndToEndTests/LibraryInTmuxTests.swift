import Foundation
import Testing

/// A whole health-topics file opened as a library in the real browser: the index, search
/// as you type (accents and case ignored), a topic opened and closed back to the index.
@Suite(.serialized, .enabled(if: Tools.runnable("tmux"), "tmux is not installed"))
struct LibraryInTmuxTests {
  private let medterm = Medterm.executable.path

  /// A library made by medterm-bench from the corpus topics (English and Spanish).
  private func makeLibrary(in tmux: TmuxSession, topics: Int = 60) throws -> String {
    let bench = Medterm.executable.deletingLastPathComponent().appendingPathComponent(
      "medterm-bench")
    let path = tmux.directory.appendingPathComponent("mplus_topics.xml").path
    #expect(Spawn.run([bench.path, "make-xml", "--topics", "\(topics)", "--out", path]) == 0)
    return path
  }

  @Test func searchOpenAndBack() throws {
    let tmux = try TmuxSession(width: 100, height: 30, extraEnvironment: ["XDG_DATA_HOME": "xdg"])
    let library = try makeLibrary(in: tmux)
    try tmux.run("'\(medterm)' '\(library)'")
    let index = tmux.waitFor { $0.contains("MedlinePlus health topics") && $0.contains("Search:") }
    #expect(index?.contains("Abdominal Pain") == true)
    #expect(index?.contains("Aborto") == false)

    // Both languages; "ulcera" finds the Spanish topics despite the accent.
    try tmux.keys("Tab", "Tab")
    try tmux.type("ulcera")
    let ulcer = tmux.waitFor { $0.contains("Search: ulcera") && $0.contains("Úlcera péptica") }
    #expect(ulcer?.contains("Abdominal Pain") == false)

    // "acne" finds Acne and Acné; a name it is also called by matches too.
    try tmux.keys("C-u")
    try tmux.type("acne")
    tmux.waitFor { $0.contains("Acné") && $0.contains("Acne") }
    try tmux.keys("C-u")
    try tmux.type("zits")
    tmux.waitFor { $0.contains("also called Zits") }

    // Open it; q closes back to the index at the same place.
    try tmux.keys("Enter")
    let topic = tmux.waitFor { $0.contains("On this page") && $0.contains("Acne") }
    #expect(topic?.contains("Summary") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Search: zits") }
    // Esc clears the query; q, typed into an empty one, quits.
    try tmux.keys("Escape")
    tmux.waitFor { $0.contains("Search: ") && !$0.contains("zits") }
    try tmux.keys("q")
    tmux.waitFor { TmuxSession.lastLine(of: $0) == "medterm-test$" }
  }

  @Test func aTopicByNameFromTheRememberedLibrary() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let library = try makeLibrary(in: tmux)
    // Where --update puts the library: $XDG_DATA_HOME/medterm/mplus_topics.xml.
    let data = tmux.directory.appendingPathComponent("data/medterm")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: library, toPath: data.appendingPathComponent("mplus_topics.xml").path)
    try tmux.run("XDG_DATA_HOME='\(tmux.directory.path)/data' '\(medterm)' induced abortion")
    let page = tmux.waitFor { $0.contains("On this page") && $0.contains("Abortion") }
    #expect(page?.contains("Also called: Induced Abortion") == true)
    try tmux.keys("q")
    tmux.waitFor { TmuxSession.lastLine(of: $0) == "medterm-test$" }
  }
}
