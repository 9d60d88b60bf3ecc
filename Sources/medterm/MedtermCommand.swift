import ArgumentParser
import BrowserCore
import BrowserMemory
import CNcursesw
import CursesTerminal
import MedlinePlus
import TopicLibrary

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
      SOURCE is a file (text dump, Markdown, HTML or health-topics XML), an http(s) \
      address, - for standard input, or nothing for the built-in Osteonecrosis page. A \
      health-topics XML file opens as a topic index. Words that are not a file are a topic \
      to look up in the library (--library FILE, or the one medterm --update downloaded): \
      medterm avascular necrosis.
      """,
    version: MedlinePlus.version)

  @Argument(
    help: ArgumentHelp(
      "A file, an address, - for standard input, or a topic name to look up; none for the "
        + "built-in page.", valueName: "source|topic"))
  var words: [String] = []

  @Option(name: .long, help: "A health-topics XML file to open as a library (topic index).")
  var library: String?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Search MedlinePlus for the words (its search service; field searches such as "
        + "title:asthma pass through) and list the topics found."))
  var search = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The MedlinePlus pages about a medical code (MedlinePlus Connect): icd10cm, icd9cm, "
        + "snomed, rxnorm or loinc, e.g. icd10cm:M87.05.", valueName: "system:code"))
  var code: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of pages --search and --code look for: en or es.", valueName: "en|es"))
  var lang: String?

  @Flag(
    name: .long,
    help: "Download the newest MedlinePlus health-topics XML into $XDG_DATA_HOME/medterm.")
  var update = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Print the page instead of opening the browser.",
      valueName: "outline|text|links|json|tree"))
  var dump: DumpMode?

  // Unconditional: "--width -5" is a bad width, not a missing one.
  @Option(name: .long, parsing: .unconditional, help: "Line width for --dump text.")
  var width: Int = 80

  @Option(
    name: .customLong("dump-screen"),
    help: ArgumentHelp(
      "Print the screen the browser would show at this size, as text, without a terminal.",
      valueName: "WxH"))
  var dumpScreen: ScreenSizeArgument?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Keys to press before --dump-screen prints (\"j j Tab ]\", \"/crutches Enter\").",
      valueName: "keys"))
  var keys: String?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Read a web page whole, menus and footers included, instead of its article (R in the "
        + "browser switches)."))
  var full = false

  @Flag(name: .customLong("ascii"), help: "Draw with ASCII only, as on a terminal without UTF-8.")
  var asciiOnly = false

  @Flag(name: .long, help: "Let the mouse select sidebar entries and scroll (off by default).")
  var mouse = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Colour theme: a name (default, light, monochrome, high-contrast, or a file in "
        + "$XDG_CONFIG_HOME/medterm/themes) or a path to a .theme file.",
      valueName: "name|path"))
  var theme: String?

  @Flag(name: .customLong("list-themes"), help: "List the themes --theme accepts, and exit.")
  var listThemes = false

  @Flag(
    name: .customLong("no-state"),
    help: ArgumentHelp(
      "Keep no history, bookmarks, reading positions or prompt lines on disk this run "
        + "(as MEDTERM_NO_STATE=1 does)."))
  var noState = false

  @Flag(
    name: .customLong("dump-config"),
    help: ArgumentHelp(
      "Print the configuration in effect (every setting, every key of every view) as a "
        + "config file, and exit."))
  var dumpConfig = false

  func validate() throws {
    if let lang, ServiceLanguage(code: lang) == nil {
      throw ValidationError("--lang must be en or es, not '\(lang)'.")
    }
    if search && words.isEmpty {
      throw ValidationError("--search needs words to search for (medterm --search knee pain).")
    }
    if keys != nil && dumpScreen == nil {
      throw ValidationError("--keys goes with --dump-screen.")
    }
    guard width >= 10 && width <= 1000 else {
      throw ValidationError("--width must be between 10 and 1000.")
    }
  }

  func run() throws {
    do {
      try execute()
    } catch let failure as MedtermFailure {
      Self.writeError(failure.line)
      throw ExitCode(failure.status)
    }
  }

  private func execute() throws {
    Locale.adoptEnvironment()
    let environment = ProcessEnvironment.current
    let config = UserConfig.load(environment: environment)
    if dumpConfig {
      for diagnostic in config.diagnostics { note(diagnostic, prefixed: false) }
      print(config.dump(), terminator: "")
      return
    }
    if listThemes {
      for listing in ThemeLibrary.availableThemes(environment: environment) {
        print(listing.description)
      }
      return
    }
    if update {
      let status = UpdateCommand.run(environment: environment)
      if status != 0 { throw ExitCode(status) }
      return
    }
    let setup = BrowserSetup(
      config: config, environment: environment, ascii: asciiOnly, theme: theme,
      keepsState: !noState
        && environment["MEDTERM_NO_STATE"].map { $0.isEmpty || $0 == "0" } ?? true)
    if search {
      try searchService(words.joined(separator: " "), setup: setup, asked: true)
      return
    }
    if let code {
      try lookUp(code, setup: setup)
      return
    }
    let source: Source
    switch try openPlan(environment: environment) {
    case .source(let chosen):
      source = chosen
    case .library(let path, let query):
      try openLibrary(path, query: query, setup: setup)
      return
    case .search(let query):
      try searchService(query, setup: setup, asked: false)
      return
    }
    let document: Document
    let loaded: LoadedSource
    do {
      loaded = try load(source)
      document = try loaded.read(full ? .full : .article)
    } catch let error as ReadError {
      throw MedtermFailure(error.formatted(source: source.displayName))
    } catch let failure as MedtermFailure {
      throw failure
    } catch {
      throw MedtermFailure("\(error)")
    }
    if dump != nil || dumpScreen != nil { try setup.checkTheme() }
    let page = try page(of: document, source: source)
    let start = BrowserSetup.Start.page(
      page, catalog: nil, mode: full ? .full : .article,
      reread: { mode in
        guard case .page(let page)? = try? loaded.read(mode) else { return nil }
        return page
      })
    if let dumpScreen {
      print(setup.screenDump(start, size: dumpScreen, keys: keys), terminator: "")
      return
    }
    if let dump {
      print(render(document, mode: dump), terminator: "")
      return
    }
    try setup.browse(start, mouse: mouse)
  }

  /// What the words on the command line ask to open.
  private enum OpenPlan {
    case source(Source)
    case library(path: String, query: String?)
    /// Words with no library to look them up in: the search service's turn.
    case search(String)
  }

  private func openPlan(environment: [String: String]) throws -> OpenPlan {
    let query = words.isEmpty ? nil : words.joined(separator: " ")
    if let library { return .library(path: library, query: query) }
    guard let first = words.first else { return .source(.builtIn) }
    let source = Source(argument: first)
    switch source {
    case .file(let path) where words.count == 1 && access(path, F_OK) == 0:
      // A health-topics file is a library; browsing it starts at its topic index.
      if dump == nil, Self.isHealthTopicsFile(path) {
        return .library(path: path, query: nil)
      }
      return .source(source)
    case .file(let path) where words.count == 1 && path.contains("/"):
      return .source(source)
    case .file(let path) where words.count > 1 && access(path, F_OK) == 0:
      throw MedtermFailure("medterm opens one page at a time; '\(words[1])' is one too many")
    case .file(let path) where words.count == 1 && Self.looksLikeFileName(path):
      // "notes.md" is a file the user meant, not a topic to look up.
      throw MedtermFailure("\(path): No such file or directory")
    case .web, .standardInput, .builtIn:
      return .source(source)
    default:
      guard let remembered = LibraryLocation.rememberedLibrary(environment: environment) else {
        return .search(query ?? "")
      }
      return .library(path: remembered, query: query)
    }
  }

  /// A name ending in a short extension (`page.html`, `notes.md`), which no topic name has.
  private static func looksLikeFileName(_ word: String) -> Bool {
    guard !word.contains(" "), let dot = word.lastIndex(of: "."), dot != word.startIndex else {
      return false
    }
    let suffix = word[word.index(after: dot)...]
    return (1...5).contains(suffix.count) && suffix.allSatisfy { $0.isASCII && $0.isLetter }
  }

  private static func isHealthTopicsFile(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var prefix = [UInt8](repeating: 0, count: 4096)
    let count = prefix.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    return PageReader.format(ofPrefix: Array(prefix.prefix(count)), name: path) == .healthTopicsXML
  }

  /// Opens a library: its topic index, or with a query the best matching topic.
  private func openLibrary(_ path: String, query: String?, setup: BrowserSetup) throws {
    let opened: TopicLibrary
    do {
      opened = try TopicLibrary.open(
        xmlPath: path,
        cacheDirectory: LibraryLocation.indexCacheDirectory(environment: setup.environment))
    } catch {
      throw MedtermFailure(error.message)
    }
    let catalog = LibraryCatalog(opened)
    var topicPage: Page? = nil
    if let query {
      // An exact name (title or also-called) first, then the best search match.
      guard
        let best = opened.entry(named: query) ?? opened.search(query, languages: .both).first?.entry
      else {
        throw MedtermFailure("\(path): no topic matches '\(query)'")
      }
      switch catalog.page(best) {
      case .success(let page): topicPage = page
      case .failure(let failure): throw MedtermFailure("\(path): \(failure.message)")
      }
    }
    if let dump {
      guard let topicPage else {
        throw MedtermFailure(
          "\(path): --dump needs a topic with --library (or give the file as SOURCE)")
      }
      print(render(.page(topicPage), mode: dump), terminator: "")
      return
    }
    let start: BrowserSetup.Start =
      topicPage.map { .page($0, catalog: catalog, mode: .article, reread: nil) }
      ?? .index(catalog, warning: catalog.truncationWarning)
    if let dumpScreen {
      print(setup.screenDump(start, size: dumpScreen, keys: keys), terminator: "")
      return
    }
    if topicPage != nil, let truncated = opened.truncated {
      note("\(path): \(truncated.description); showing the topics before the break")
    }
    try setup.browse(start, mouse: mouse)
  }

  /// Asks the search service and shows what it found: the results in the topic index, or
  /// printed by `--dump`. Words given without `--search` (no library to look them up in)
  /// open the best topic, and a note says the service answered.
  private func searchService(_ query: String, setup: BrowserSetup, asked: Bool) throws {
    let language = lang.flatMap(ServiceLanguage.init(code:)) ?? .english
    let answer: SearchAnswer
    let cachedAge: Int?
    switch ServiceClient(environment: setup.environment).search(query, language: language) {
    case .failure(let failure):
      let reason = asked ? "" : "'\(query)' is not a file, there is no topic library, and "
      throw MedtermFailure(reason + failure.message)
    case .success(let found):
      (answer, cachedAge) = found
    }
    let catalog = ServiceResultsCatalog(answer, words: query, language: language)
    catalog.note = cachedAge.map(Self.cacheNote)
    if let note = catalog.note {
      self.note("the MedlinePlus search service did not answer: " + note)
    }
    if !asked {
      note(
        "no topic library here (medterm --update downloads one); the MedlinePlus search "
          + "service answered")
      guard let best = answer.results.first else {
        throw MedtermFailure("the MedlinePlus search service has no topic for '\(query)'")
      }
      let page: Page
      switch catalog.page(0) {
      case .success(let topic): page = topic
      case .failure(let failure): throw MedtermFailure(failure.message + " (\(best.url))")
      }
      if let dump {
        print(render(.page(page), mode: dump), terminator: "")
        return
      }
      try show(.page(page, catalog: catalog, mode: .article, reread: nil), setup: setup)
      return
    }
    if let dump {
      let text: String
      switch dump {
      case .outline, .text: text = SearchAnswerDump.list(answer, language: language)
      case .links: text = SearchAnswerDump.links(answer)
      case .json: text = SearchAnswerDump.json(answer, language: language).serialized() + "\n"
      case .tree: text = SearchAnswerDump.tree(answer, language: language)
      }
      print(shown(text, mode: dump), terminator: "")
      return
    }
    // The screen of an empty answer can be printed; browsing one is not worth starting.
    if dumpScreen == nil && answer.results.isEmpty {
      throw MedtermFailure(
        "the MedlinePlus search service has no topic for '\(query)' (\(language.name))")
    }
    try show(.index(catalog, warning: nil), setup: setup)
  }

  /// Asks MedlinePlus Connect for the pages about a code, and lists them like search
  /// results (or prints them with `--dump`).
  private func lookUp(_ text: String, setup: BrowserSetup) throws {
    let language = lang.flatMap(ServiceLanguage.init(code:)) ?? .english
    let code: MedicalCode
    do {
      code = try MedicalCode(parsing: text)
    } catch {
      throw MedtermFailure(error.message)
    }
    let answer: ConnectAnswer
    let cachedAge: Int?
    switch ServiceClient(environment: setup.environment).lookUp(code, language: language) {
    case .failure(let failure): throw MedtermFailure(failure.message)
    case .success(let found): (answer, cachedAge) = found
    }
    if let cachedAge { note("MedlinePlus Connect did not answer: " + Self.cacheNote(cachedAge)) }
    guard !answer.entries.isEmpty else {
      throw MedtermFailure(
        "MedlinePlus Connect has no page for \(code.system.name) \(code.code) (\(language.name))")
    }
    if let dump {
      let text: String
      switch dump {
      case .outline, .text: text = ConnectAnswerDump.list(answer, code: code)
      case .links: text = ConnectAnswerDump.links(answer)
      case .json:
        text = ConnectAnswerDump.json(answer, code: code, language: language).serialized() + "\n"
      case .tree: text = ConnectAnswerDump.tree(answer, code: code, language: language)
      }
      print(shown(text, mode: dump), terminator: "")
      return
    }
    let catalog = ServiceResultsCatalog(answer, code: code, language: language)
    try show(.index(catalog, warning: nil), setup: setup)
  }

  /// The browser on `start`, or with `--dump-screen` its screen printed.
  private func show(_ start: BrowserSetup.Start, setup: BrowserSetup) throws {
    if let dumpScreen {
      print(setup.screenDump(start, size: dumpScreen, keys: keys), terminator: "")
      return
    }
    try setup.browse(start, mouse: mouse)
  }

  /// "from the cache, 3 days old".
  static func cacheNote(_ age: Int) -> String {
    "from the cache, \(WhenText.age(seconds: age)) old"
  }

  /// A source's bytes and what is known of them, to read as a page (again, in another
  /// mode, when the reader presses R).
  private struct LoadedSource {
    let bytes: [UInt8]
    let name: String
    let origin: String?
    let contentType: String?

    func read(_ mode: ReadingMode) throws(ReadError) -> Document {
      try PageReader.read(bytes, name: name, origin: origin, contentType: contentType, mode: mode)
    }
  }

  /// Loads the source; a web address is fetched first (one line of error if that fails).
  private func load(_ source: Source) throws -> LoadedSource {
    if case .file(let path) = source {
      return LoadedSource(
        bytes: try SourceLoader.bytes(of: source), name: source.displayName,
        origin: FileAddress.url(forPath: path), contentType: nil)
    }
    guard case .web(let url) = source else {
      return LoadedSource(
        bytes: try SourceLoader.bytes(of: source), name: source.displayName, origin: nil,
        contentType: nil)
    }
    switch PageLoader().loadNow(url) {
    case .failure(let failure):
      throw SourceError(description: "\(url): \(failure.message)")
    case .success(let resource):
      return LoadedSource(
        bytes: resource.bytes, name: resource.url, origin: resource.url,
        contentType: resource.contentType)
    }
  }

  /// The page to show: the page itself, or for a topic collection its first topic (the
  /// topic index is issue 7's).
  private func page(of document: Document, source: Source) throws -> Page {
    switch document {
    case .page(let page): return page
    case .collection(let collection):
      guard let first = collection.topics.first else {
        throw MedtermFailure("\(source.displayName): the file holds no topics")
      }
      return first
    }
  }

  private func note(_ message: String, prefixed: Bool = true) {
    Self.writeError(
      (prefixed ? "medterm: " : "") + SafeText.clean(message, keepNewlines: false) + "\n")
  }

  /// A dump follows the screen's rule for characters: ASCII only under `--ascii` or without
  /// a UTF-8 locale (transliterated, as the screen draws), except JSON and the tree, which
  /// are data.
  private func render(_ document: Document, mode: DumpMode) -> String {
    shown(renderAsIs(document, mode: mode, glyphs: dumpsASCII ? .ascii : .unicode), mode: mode)
  }

  private var dumpsASCII: Bool { asciiOnly || !Locale.isUTF8 }

  /// A dump's text as that rule asks (search and code results follow it too).
  private func shown(_ text: String, mode: DumpMode) -> String {
    dumpsASCII && mode != .json && mode != .tree ? Transliterator.ascii(text) : text
  }

  private func renderAsIs(_ document: Document, mode: DumpMode, glyphs: Glyphs) -> String {
    switch (document, mode) {
    case (.page(let page), .outline): PageOutlineDump.render(page)
    case (.page(let page), .text): PlainTextRenderer.render(page, width: width, glyphs: glyphs)
    case (.page(let page), .links): PageLinksDump.render(page)
    case (.page(let page), .json): PageJSON.value(page).serialized() + "\n"
    case (.page(let page), .tree): PageTreeDump.render(page)
    case (.collection(let collection), .outline): PageOutlineDump.render(collection)
    case (.collection(let collection), .text):
      collection.topics.map { PlainTextRenderer.render($0, width: width, glyphs: glyphs) }
        .joined(separator: "\n")
    case (.collection(let collection), .links):
      collection.topics.map(PageLinksDump.render).joined(separator: "\n")
    case (.collection(let collection), .json): PageJSON.value(collection).serialized() + "\n"
    case (.collection(let collection), .tree): PageTreeDump.render(collection)
    }
  }

  static func writeError(_ text: String) {
    var copy = text
    copy.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
