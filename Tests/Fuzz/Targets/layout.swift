@testable import MedlinePlus

/// The browser's layout of whatever page a reader made: `ContentLayout` at a width taken
/// from the input, then a session with a scripted terminal (jump to the end, search, next
/// section, next link, the sidebar). Lines wider than the pane are layout bugs, and so are
/// traps anywhere in the session.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayout(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput(data, size).bytes
  guard bytes.count >= 2 else { return 0 }
  let width = 1 + Int(bytes[0]) % 160
  let height = 1 + Int(bytes[1] >> 3) % 40
  let glyphs: Glyphs = bytes[1] & 0x04 == 0 ? .unicode : .ascii
  let body = Array(bytes.dropFirst(2))
  guard let page = read(body, format: Int(bytes[1] & 0x03)) else { return 0 }

  let layout = ContentLayout(page: page, width: width, glyphs: glyphs)
  // Wide preformatted lines go past the pane on purpose (they scroll sideways); every other
  // line must fit.
  for (number, line) in layout.lines.enumerated() where line.width > layout.width && !line.isWide {
    fatalError("line \(number) takes \(line.width) cells in a \(layout.width)-cell pane")
  }
  PageInvariants.require(
    layout.sectionStarts.count == page.sections.count, "a section has no start line")
  PageInvariants.require(
    layout.sectionStarts.allSatisfy(layout.lines.indices.contains), "a section starts past the end")

  let state = BrowserState(page: page, width: width, height: height, glyphs: glyphs)
  let terminal = ScriptedTerminal(
    size: TerminalSize(width: width, height: height),
    keys: Key.script("G /x Enter n ] } } { Tab Down Down Enter Tab s [ ) ) ( R"))
  BrowserSession(state: state, terminal: terminal).run()
  for screen in terminal.screens {
    for row in 0..<screen.height where DisplayWidth.of(screen.rowText(row)) > screen.width {
      fatalError("screen row \(row) is wider than the \(screen.width)-cell screen")
    }
  }
  return 0
}

/// Reads the body as one of four formats; a collection gives its first topic, as the browser
/// opens it.
private func read(_ body: [UInt8], format: Int) -> Page? {
  let source: [UInt8]
  switch format {
  case 1: source = Array("<html>".utf8) + body
  case 2: source = Array("Link: https://medlineplus.gov/page.html\n".utf8) + body
  case 3:
    source =
      Array("<?xml version=\"1.0\"?><health-topics total=\"1\"><health-topic title=\"T\">".utf8)
      + body + Array("</health-topic></health-topics>".utf8)
  default:
    return try? MarkdownReader.read(SourceText.decode(body), origin: nil)
  }
  switch try? PageReader.read(source, origin: "https://medlineplus.gov/page.html") {
  case .page(let page): return page
  case .collection(let collection): return collection.topics.first
  case nil: return nil
  }
}
