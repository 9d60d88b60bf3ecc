import Foundation
import TestSupport
import Testing

/// Links opened by the real binary in tmux, with a real HTTP server on 127.0.0.1 and real
/// pagers: a recording script, `less`, and none at all.
@Suite(
  .serialized,
  .enabled(if: Tools.runnable("tmux") && Tools.runnable("python3"), "needs tmux and python3"))
struct LinksEndToEndTests {
  private let medterm = Medterm.executable.path

  /// A page of links to the local server, written to the session's directory.
  private func writeLinksPage(_ server: TestHTTPServer, in tmux: TmuxSession) throws -> String {
    let markdown = """
      # Link test

      ## Resources

      - [Evolve docs](\(server.url("/corpus/web/mercurial.source.html"))) (Mercurial)
      - [Osteonecrosis topic](\(server.url("/corpus/fixtures/osteonecrosis.medlineplus.html"))) (NLM)
      - [Missing page](\(server.url("/404")))
      - [Hostile \u{1B}]52;c;ZXZpbA==\u{07}title](\(server.url("/corpus/web/hukumusume.source.html")))
      """
    let path = tmux.directory.appendingPathComponent("links.md").path
    try Data(markdown.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// A pager that records its arguments and its standard input, then exits.
  private func writeRecordingPager(in tmux: TmuxSession) throws -> String {
    let path = tmux.directory.appendingPathComponent("record-pager").path
    let script = """
      #!/bin/sh
      printf '%s\\n' "$@" > "$(dirname "$0")/pager-argv"
      cat > "$(dirname "$0")/pager-stdin"
      """
    try Data(script.utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o755)
    return path
  }

  private func contents(_ name: String, in tmux: TmuxSession) -> String {
    let url = tmux.directory.appendingPathComponent(name)
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  @Test func openingALinkPipesReadableTextToThePager() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = try writeLinksPage(server, in: tmux)
    let pager = try writeRecordingPager(in: tmux)
    try tmux.run("PAGER='\(pager) --flag \"two words\"' '\(medterm)' '\(page)'")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.type("1")
    try tmux.keys("Enter", "Enter")
    let deadline = Date().addingTimeInterval(10)
    while contents("pager-stdin", in: tmux).isEmpty && Date() < deadline { usleep(50_000) }
    let text = contents("pager-stdin", in: tmux)
    #expect(text.contains("Evolve: Shared Mutable History"))
    #expect(text.contains("Links"))
    #expect(contents("pager-argv", in: tmux) == "--flag\ntwo words\n")
    // The pager's text has no escape sequences but bold/underline (and none at all here:
    // the recording script is not less).
    #expect(!text.contains("\u{1B}"))
    tmux.waitFor { $0.contains("Link test") }
    try tmux.keys("q")
  }

  @Test func lessComesAndGoesAndTheScreenIsRestored() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = try writeLinksPage(server, in: tmux)
    try tmux.run("'\(medterm)' '\(page)'")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.keys("}")
    let before = tmux.waitFor { $0.contains("[1] http://127.0.0.1") } ?? ""
    try tmux.keys("Enter")
    tmux.waitFor { $0.contains("Evolve: Shared Mutable History") && !$0.contains("Link test") }
    try tmux.keys("q")
    let after = tmux.waitFor { $0.contains("Link test") } ?? ""
    #expect(after == before)
    try tmux.keys("q")
  }

  @Test func aFailedFetchShowsTheCardWithTheError() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = try writeLinksPage(server, in: tmux)
    try tmux.run("'\(medterm)' '\(page)'")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.type("3")
    try tmux.keys("Enter", "Enter")
    let card = tmux.waitFor { $0.contains("404") }
    #expect(card?.contains("Missing page") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.keys("q")
  }

  @Test func aTopicOpensInsideAndBackReturns() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = try writeLinksPage(server, in: tmux)
    try tmux.run("'\(medterm)' '\(page)'")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.type("2")
    try tmux.keys("Enter", "Enter")
    let topic = tmux.waitFor { $0.contains("Osteonecrosis") && $0.contains("On this page") }
    #expect(topic?.contains("See, Play and Learn") == true)
    try tmux.keys("Left")
    tmux.waitFor { $0.contains("Link test") && $0.contains("[2]") }
    try tmux.keys("Right")
    tmux.waitFor { $0.contains("See, Play and Learn") }
    try tmux.keys("q")
  }

  @Test func withoutAPagerTheBuiltInOneShowsTheText() throws {
    let server = try TestHTTPServer()
    // No PAGER and a PATH where no less can be found (medterm finds its fetch helper next
    // to itself, not on PATH).
    let tmux = try TmuxSession(width: 100, height: 30)
    let page = try writeLinksPage(server, in: tmux)
    try tmux.run("PATH=/nonexistent '\(medterm)' '\(page)'")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.type("1")
    try tmux.keys("Enter", "Enter")
    let shown = tmux.waitFor { $0.contains("Evolve: Shared Mutable History") }
    #expect(shown?.contains("the pager less could not be run") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Link test") }
    try tmux.keys("q")
  }

  /// PAGER=cat (set to turn paging off elsewhere) would print the text and return at once,
  /// and the screen would paint over it: medterm shows the text itself, keeping its layout.
  @Test func withPagerCatTheTextIsShownHere() throws {
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.run("PAGER=cat '\(medterm)'")
    tmux.waitFor { $0.contains("Summary 1/15") }
    try tmux.keys("L")
    let shown = tmux.waitFor { $0.contains("Links of Osteonecrosis") }
    #expect(shown?.contains("PAGER is cat") == true)
    // The list's indentation survives: organizations sit under their titles.
    let rows = shown?.split(separator: "\n").map(String.init) ?? []
    #expect(rows.contains { $0.contains("  Mayo Foundation") })
    // A text, not a page: no sidebar to open (the keys say so), text keys on the status line.
    try tmux.keys("j", "Tab", "s")
    let refused = tmux.waitFor { $0.contains("s does nothing here; ? for help") }
    #expect(refused?.contains("│") == false)
    try tmux.keys("k")
    let paging = tmux.waitFor { $0.contains("q back") }
    #expect(paging?.contains("│") == false)
    #expect(paging?.contains("Links of Osteonecrosis 1/1") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Summary 1/15") }
    try tmux.keys("q")
  }

  @Test func escOrControlCCancelsASlowFetchAndMedtermStays() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    let path = tmux.directory.appendingPathComponent("slow.md").path
    let markdown =
      "# Slow test\n\n- [Slow](\(server.url("/slow")))\n- [Slow again](\(server.url("/slow")))\n"
    try Data(markdown.utf8).write(to: URL(fileURLWithPath: path))
    try tmux.run("'\(medterm)' '\(path)'; echo \"exit=$?\"")
    tmux.waitFor { $0.contains("Slow test") }
    try tmux.type("1")
    try tmux.keys("Enter", "Enter")
    tmux.waitFor { $0.contains("Loading 127.0.0.1") }
    try tmux.keys("Escape")
    tmux.waitFor { $0.contains("cancelled") }
    try tmux.type("2")
    try tmux.keys("Enter", "Enter")
    tmux.waitFor { $0.contains("Loading 127.0.0.1") }
    try tmux.keys("C-c")
    let after = tmux.waitFor { $0.contains("cancelled") }
    #expect(after?.contains("Slow test") == true)
    try tmux.keys("q")
    tmux.waitFor { $0.contains("exit=0") }
  }

  /// A page whose link titles and addresses carry escape sequences, OSC 52, OSC 8 and bidi
  /// overrides (as numeric character references, which HTML decodes into the real bytes).
  @Test func hostileLinksNeverDriveTheTerminal() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
    let path = tmux.directory.appendingPathComponent("hostile.html").path
    let html = """
      <html><head><title>Hostile&#27;]0;owned&#7; page</title></head><body>
      <h1>Hostile &#27;[2J&#27;[31mpage&#8238;reversed</h1>
      <p><a href="\(server.url("/404"))&#27;]52;c;ZXZpbA==&#7;">Click &#27;]8;;http://evil/&#27;\\me&#27;]8;;&#27;\\</a>
      <a href="\(server.url("/corpus/web/mercurial.source.html"))&#155;31m">second&#27;]52;c;ZXZpbA==&#7;</a></p>
      </body></html>
      """
    try Data(html.utf8).write(to: URL(fileURLWithPath: path))
    try tmux.run("'\(medterm)' '\(path)'")
    // The escape characters are gone; what is left of a sequence is inert text.
    let screen = tmux.waitFor { $0.contains("Hostile") && $0.contains("Click") } ?? ""
    #expect(screen.contains("[1]Click"))
    #expect(!screen.contains("\u{1B}"))
    // OSC 0 would have set the pane title.
    #expect(!(try tmux.tmux(["display-message", "-p", "#{pane_title}"])).contains("owned"))
    try tmux.keys("}")
    tmux.waitFor { $0.contains("[1] http://127.0.0.1") }
    try tmux.keys("y", "}", "Enter")
    tmux.waitFor { $0.contains("Evolve") || $0.contains("404") }
    try tmux.keys("q")
    tmux.waitFor { $0.contains("Click") }
    // The only clipboard write is y's, and it carries the cleaned address.
    let buffers = try tmux.tmux(["list-buffers"]).split(separator: "\n")
    #expect(buffers.count == 1)
    let copied = try tmux.tmux(["show-buffer"])
    #expect(copied.hasPrefix(server.url("/404")))
    #expect(!copied.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    try tmux.keys("q")
  }

  /// With set-clipboard on, any OSC 52 an application writes becomes a tmux buffer: the
  /// page's own OSC 52 must never get there, and `y` must.
  @Test func onlyYReachesTheClipboard() throws {
    let server = try TestHTTPServer()
    let tmux = try TmuxSession(width: 100, height: 30)
    try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
    let page = try writeLinksPage(server, in: tmux)
    try tmux.run("'\(medterm)' '\(page)'")
    let screen = tmux.waitFor { $0.contains("Link test") } ?? ""
    #expect(screen.contains("Hostile title"))
    #expect(try tmux.tmux(["list-buffers"]).isEmpty)
    try tmux.keys("}", "y")
    tmux.waitFor { $0.contains("copied to the clipboard") }
    let buffer = try tmux.tmux(["show-buffer"])
    #expect(buffer == server.url("/corpus/web/mercurial.source.html"))
    try tmux.keys("q")
  }
}
