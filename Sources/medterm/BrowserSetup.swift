import BrowserCore
import BrowserMemory
import CNcursesw
import CursesTerminal
import MedlinePlus

/// Builds the browsing session, in one place, for the terminal and for `--dump-screen`
/// alike: the config file's keys and settings, the theme, the memory on disk (or for this
/// run only), the prompt histories, and the warnings that belong on the screen.
struct BrowserSetup {
  /// What the session opens on.
  enum Start {
    /// A page; `reread` reads it again in the other mode (`R`), when its source is at hand.
    case page(Page, catalog: TopicCatalog?, mode: ReadingMode, reread: ((ReadingMode) -> Page?)?)
    case index(TopicCatalog, warning: String?)
  }

  let config: ConfigFile
  /// The environment the pager and the services see: the config's `set pager`,
  /// `set search-url` and `set connect-url`, unless the environment says otherwise.
  let environment: [String: String]
  let ascii: Bool
  /// The theme named on the command line or in the config, or nil for the default.
  let themeName: String?
  let keepsState: Bool

  init(
    config: ConfigFile, environment: [String: String], ascii: Bool, theme: String?,
    keepsState: Bool
  ) {
    self.config = config
    var environment = environment
    if let pager = config.settings.pager, environment["MEDTERM_PAGER"] == nil {
      environment["MEDTERM_PAGER"] = pager
    }
    if let search = config.settings.searchURL, environment["MEDTERM_SEARCH_URL"] == nil {
      environment["MEDTERM_SEARCH_URL"] = search
    }
    if let connect = config.settings.connectURL, environment["MEDTERM_CONNECT_URL"] == nil {
      environment["MEDTERM_CONNECT_URL"] = connect
    }
    self.environment = environment
    self.ascii = ascii || config.settings.ascii
    themeName = theme ?? config.settings.theme
    self.keepsState = keepsState
  }

  /// A dump draws no colours, but a theme that cannot be found is still a mistake to
  /// report.
  func checkTheme() throws {
    guard let themeName, themeName != "default" else { return }
    do { _ = try ThemeLibrary.load(themeName, environment: environment) } catch {
      throw MedtermFailure("\(error)")
    }
  }

  /// `--dump-screen`: the screen after the keys, from a session like the terminal's, that
  /// keeps nothing on disk and loads nothing.
  func screenDump(_ start: Start, size: ScreenSizeArgument, keys: String?) -> String {
    let terminal = ScriptedTerminal(
      size: TerminalSize(width: size.width, height: size.height), keys: Key.script(keys ?? ""))
    let session = self.session(
      start, terminal: terminal, host: nil, glyphs: ascii ? .ascii : .unicode,
      memory: TransientMemory(), histories: PromptHistoryBook())
    session.run()
    return terminal.lastScreen?.plainText ?? ""
  }

  /// The terminal UI; where there is no usable terminal, the page (or the list of topics)
  /// is printed as text instead.
  func browse(_ start: Start, mouse: Bool) throws {
    let glyphs: Glyphs = ascii || !Locale.isUTF8 ? .ascii : .unicode
    let loaded: LoadedTheme
    do {
      loaded = try ThemeLibrary.load(themeName ?? "default", environment: environment)
    } catch {
      throw MedtermFailure("\(error)")
    }
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(
        theme: loaded.theme, mouse: mouse || config.settings.mouse, environment: environment)
    } catch {
      MedtermCommand.writeError("medterm: \(error); printing the page as text\n")
      let columns = MedtermCommand.textColumns()
      switch start {
      case .page(let page, _, _, _):
        print(
          PlainTextRenderer.render(page, width: max(20, min(columns, 200)), glyphs: glyphs),
          terminator: "")
      case .index(let catalog, _):
        for index in 0..<catalog.count { print(catalog.entry(index).title) }
      }
      return
    }
    let (memory, histories) = memoryForThisRun()
    let session = self.session(
      start, terminal: terminal, host: PageLoader(), glyphs: glyphs, memory: memory,
      histories: histories)
    // Mistakes in the theme and the config show on the screen, and stay in the messages
    // view; the rest of the file applies.
    for diagnostic in loaded.diagnostics { session.warn(diagnostic.description) }
    for diagnostic in config.diagnostics { session.warn(diagnostic) }
    session.run()
    terminal.close()
    if terminal.terminatingSignal != 0 { medterm_die_by_signal(terminal.terminatingSignal) }
  }

  /// History, bookmarks and positions on disk, with the prompt lines of earlier runs; or,
  /// with `MEDTERM_NO_STATE`, for this run only.
  private func memoryForThisRun() -> (SessionMemory, PromptHistoryBook) {
    guard keepsState else { return (TransientMemory(), PromptHistoryBook()) }
    let disk = DiskMemory(environment: environment)
    let histories = PromptHistoryBook(disk.promptHistory)
    histories.onRecord = { purpose, text in disk.recordPromptLine(text, for: purpose) }
    return (disk, histories)
  }

  private func session(
    _ start: Start, terminal: Terminal, host: BrowserHost?, glyphs: Glyphs,
    memory: SessionMemory, histories: PromptHistoryBook
  ) -> BrowserSession {
    let size = terminal.size
    let root: any View
    let catalog: TopicCatalog?
    switch start {
    case .page(let page, let library, let mode, let reread):
      root = PageView(
        BrowserState(
          page: page, width: size.width, height: size.height, glyphs: glyphs,
          sidebarWidth: config.settings.sidebarWidth), mode: mode, reread: reread)
      catalog = library
    case .index(let library, let warning):
      let index = IndexView(
        IndexState(catalog: library, width: size.width, height: size.height, glyphs: glyphs))
      index.warn(warning)
      root = index
      catalog = library
    }
    let session = BrowserSession(
      root: root, terminal: terminal, host: host, catalog: catalog, glyphs: glyphs,
      keymap: config.keymap, histories: histories)
    session.memory = memory
    session.openMode = config.settings.open
    session.sidebarWidth = config.settings.sidebarWidth
    session.environment = environment
    return session
  }
}
