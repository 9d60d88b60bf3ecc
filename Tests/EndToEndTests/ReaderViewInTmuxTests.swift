import Foundation
import Testing

/// The reader view and preformatted text in the real binary, at 80 columns with the sidebar
/// docked: a wide code line scrolls sideways instead of breaking mid-word, a search finds a
/// word beyond the edge, and R shows the whole page around an article.
@Suite(.enabled(if: Tools.runnable("tmux")))
struct ReaderViewInTmuxTests {
  let medterm = Medterm.executable.path
  private var wide: String {
    Medterm.corpus.appendingPathComponent("fixtures/wide-preformatted.md").path
  }

  @Test func wideLinesScrollSideways() throws {
    let tmux = try TmuxSession(width: 80, height: 20)
    try tmux.run("'\(medterm)' '\(wide)'; echo \"exit=$?\"")
    let first = tmux.waitFor { $0.contains("1.  Introduction") }
    let row = first?.split(separator: "\n").first { $0.contains("1.  Introduction") } ?? ""
    #expect(row.contains("│"), "the sidebar is docked: \(row)")
    #expect(row.hasSuffix("›"), "the line says it goes on: \(row)")
    #expect(first?.contains("short line") == true)
    try tmux.keys(")")
    tmux.waitFor { $0.contains("‹") }
    for _ in 0..<6 { try tmux.keys(")") }
    tmux.waitFor { $0.contains("TARGETWORD here.") }
    try tmux.keys("(", "(", "(", "(", "(", "(", "(")
    tmux.waitFor { $0.contains("1.  Introduction") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  @Test func searchFindsTextBeyondTheEdge() throws {
    let tmux = try TmuxSession(width: 80, height: 20)
    try tmux.run("'\(medterm)' '\(wide)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains("1.  Introduction") }
    try tmux.type("/TARGETWORD")
    try tmux.keys("Enter")
    let found = tmux.waitFor { $0.contains("match 1 of 1") && $0.contains("TARGETWORD") }
    #expect(found?.contains("‹") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  @Test func theArticleAndTheWholePage() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = Medterm.corpus.appendingPathComponent("web/medicalnewstoday.source.html").path
    try tmux.run("'\(medterm)' '\(page)'; echo \"exit=$?\"")
    let article = tmux.waitFor { $0.contains("By Ana Sandoiu") }
    #expect(article?.contains("Related coverage") == false)
    try tmux.keys("R")
    tmux.waitFor { $0.contains("the whole page (R: the article)") }
    try tmux.keys("R")
    tmux.waitFor { $0.contains("the article (R: the whole page)") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }
}
