import ArgumentParser
import BrowserCore
import MedlinePlus

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `medterm` command line: parses arguments, loads the source, and hands the page to a
/// dump or to the browser. Wiring only.
@main
struct MedtermCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "medterm",
    abstract: "Read MedlinePlus health-topic pages in the terminal.",
    discussion: """
      SOURCE is a file (text dump, Markdown, HTML or health-topics XML), - for standard \
      input, or nothing for the built-in Osteonecrosis page.
      """,
    version: MedlinePlus.version)

  @Argument(help: "The page to open: a file, - for standard input; none for the built-in page.")
  var source: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Print the page instead of opening the browser.", valueName: "outline|text|links|json"))
  var dump: DumpMode?

  @Option(name: .long, help: "Line width for --dump text.")
  var width: Int = 80

  func validate() throws {
    guard width >= 10 && width <= 1000 else {
      throw ValidationError("--width must be between 10 and 1000.")
    }
  }

  func run() throws {
    let source = Source(argument: source)
    let document: Document
    do {
      let bytes = try SourceLoader.bytes(of: source)
      document = try PageReader.read(bytes, name: source.displayName)
    } catch let error as ReadError {
      fail(error.formatted(source: source.displayName))
    } catch {
      fail("\(error)")
    }
    print(render(document, mode: dump ?? .text), terminator: "")
  }

  private func render(_ document: Document, mode: DumpMode) -> String {
    switch (document, mode) {
    case (.page(let page), .outline): PageOutlineDump.render(page)
    case (.page(let page), .text): PlainTextRenderer.render(page, width: width)
    case (.page(let page), .links): PageLinksDump.render(page)
    case (.page(let page), .json): PageJSON.value(page).serialized() + "\n"
    case (.page(let page), .tree): PageTreeDump.render(page)
    case (.collection(let collection), .outline): PageOutlineDump.render(collection)
    case (.collection(let collection), .text):
      collection.topics.map { PlainTextRenderer.render($0, width: width) }.joined(separator: "\n")
    case (.collection(let collection), .links):
      collection.topics.map(PageLinksDump.render).joined(separator: "\n")
    case (.collection(let collection), .json): PageJSON.value(collection).serialized() + "\n"
    case (.collection(let collection), .tree): PageTreeDump.render(collection)
    }
  }

  /// One line on stderr, exit status 1: the error format every medterm failure uses.
  private func fail(_ message: String) -> Never {
    var line = "medterm: " + SafeText.clean(message, keepNewlines: false) + "\n"
    line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    Glibc.exit(1)
  }
}
