import Foundation
import TestSupport
import Testing

/// `F` in the real browser in tmux, against a local server: a slow answer shows progress
/// and Esc stops it, leaving the reader on the page; then a real answer lists its topics.
@Suite(
  .serialized,
  .enabled(if: Tools.runnable("tmux") && Tools.runnable("python3"), "needs tmux and python3"))
struct SearchInTmuxTests {
  private let medterm = Medterm.executable.path

  @Test func aSlowSearchIsCancelledWithEscAndAnAnswerLists() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let cache = tmux.directory.appendingPathComponent("cache").path
    try tmux.run(
      "MEDTERM_NO_STATE=1 XDG_CACHE_HOME='\(cache)' MEDTERM_SEARCH_URL='\(server.url("/slow"))' "
        + "'\(medterm)'")
    tmux.waitFor { $0.contains("Osteonecrosis") }
    try tmux.keys("F")
    tmux.waitFor { $0.contains("Search MedlinePlus:") }
    try tmux.type("knee pain")
    try tmux.keys("Enter")
    let loading = tmux.waitFor { $0.contains("Loading the MedlinePlus search service") }
    #expect(loading != nil)
    try tmux.keys("Escape")
    let after = tmux.waitFor { $0.contains("search cancelled") }
    #expect(after?.contains("Osteonecrosis") == true)
    try tmux.keys("q")
  }

  @Test func theTopicsFoundListAndOpen() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let cache = tmux.directory.appendingPathComponent("cache").path
    let answer = server.url("/corpus/service/search-a1c-0.xml")
    try tmux.run(
      "MEDTERM_NO_STATE=1 XDG_CACHE_HOME='\(cache)' MEDTERM_SEARCH_URL='\(answer)' '\(medterm)'")
    tmux.waitFor { $0.contains("Osteonecrosis") }
    try tmux.keys("F")
    try tmux.type("a1c")
    try tmux.keys("Enter")
    let list = tmux.waitFor { $0.contains("MedlinePlus search: 3 results") }
    #expect(list?.contains("Blood Sugar · Blood glucose") == true)
    // The last of those listed asks for more (here the same page again: nothing new).
    try tmux.keys("Down")
    #expect(tmux.waitFor { $0.contains("no new results") } != nil)
    try tmux.keys("Enter")
    let topic = tmux.waitFor { $0.contains("Also in Spanish: [1]Glucosa en la sangre") }
    #expect(topic != nil)
    try tmux.keys("Left")
    #expect(tmux.waitFor { $0.contains("MedlinePlus search: 3 results") } != nil)
    try tmux.keys("Q")
  }
}
