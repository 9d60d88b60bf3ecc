import Testing

@testable import BrowserCore

/// The config file: bind, unbind and set lines, mistakes reported by line with the rest
/// applied, and `--dump-config` written so that it reads back to the same configuration.
@Suite struct ConfigFileTests {
  @Test func bindUnbindAndSet() {
    let config = ConfigFile.parse(
      """
      # my keys
      bind page x open-here
      bind C-o go-to
      unbind page O
      set open here
      set pager most -s
      set sidebar-width 24
      set mouse on
      """, file: "config")
    #expect(config.diagnostics.isEmpty)
    #expect(config.keymap.command(for: .character("x"), in: .page) == .openHere)
    #expect(config.keymap.command(for: .character("O"), in: .page) == nil)
    #expect(config.keymap.command(for: .control("o"), in: .bookmarks) == .goTo)
    #expect(config.settings.open == .here)
    #expect(config.settings.pager == "most -s")
    #expect(config.settings.sidebarWidth == 24)
    #expect(config.settings.mouse)
  }

  /// `bind KEY COMMAND` binds in the views the command works in: `]` for search works in
  /// the page and the text view, and nowhere else.
  @Test func bindWithoutAViewBindsWhereTheCommandWorks() {
    let config = ConfigFile.parse("bind F5 search", file: "config")
    #expect(config.keymap.command(for: .function(5), in: .page) == .searchForward)
    #expect(config.keymap.command(for: .function(5), in: .text) == .searchForward)
    #expect(config.keymap.command(for: .function(5), in: .index) == nil)
  }

  @Test func mistakesAreReportedByLineAndTheRestApplies() {
    let config = ConfigFile.parse(
      """
      bind page x fly
      bind nowhere x help
      bind page Hyper-x help
      set colour red
      set open sometimes
      set sidebar-width 3
      frobnicate
      unbind page Z
      bind page z help
      """, file: "/home/r/.config/medterm/config")
    let lines = config.diagnostics
    #expect(lines.count == 8)
    #expect(
      lines[0]
        == "/home/r/.config/medterm/config:1: no command “fly” (medterm --dump-config lists them)")
    #expect(lines[1].hasPrefix("/home/r/.config/medterm/config:2: no view “nowhere”"))
    #expect(lines[2].contains(":3: no key “Hyper-x”"))
    #expect(lines[3].contains(":4: no setting “colour”"))
    #expect(lines[4].contains(":5: set open takes pager or here"))
    #expect(lines[5].contains(":6: set sidebar-width takes auto or 10 to 80"))
    #expect(lines[6].contains(":7: unknown directive “frobnicate”"))
    #expect(lines[7].contains(":8: Z is not bound there"))
    #expect(config.keymap.command(for: .character("z"), in: .page) == .help)
  }

  @Test func theDumpReadsBackToTheSameConfiguration() {
    let changed = ConfigFile.parse(
      "bind page x open-here\nunbind page O\nset open here\nset ascii on", file: "config")
    let again = ConfigFile.parse(changed.dump(), file: "dump")
    #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
    #expect(again.settings == changed.settings)
    for kind in ViewKind.allCases {
      for key in [Key.character("x"), .character("O"), .character("q"), .down, .control("w")] {
        #expect(
          again.keymap.command(for: key, in: kind) == changed.keymap.command(for: key, in: kind),
          "\(key.name) in \(kind)")
      }
    }
    #expect(again.keymap == changed.keymap)
    let standard = ConfigFile.parse(ConfigFile().dump(), file: "dump")
    #expect(standard.keymap == Keymap.standard, "the defaults' dump reads back to the defaults")
  }

  @Test func theServicesAddressesCanBeSet() {
    let config = ConfigFile.parse(
      """
      set search-url http://127.0.0.1:8080/ws/query
      set connect-url https://connect.example.org/service
      set search-url ftp://nowhere
      """, file: "config")
    #expect(config.settings.searchURL == "http://127.0.0.1:8080/ws/query")
    #expect(config.settings.connectURL == "https://connect.example.org/service")
    #expect(config.diagnostics.count == 1)
    #expect(
      config.diagnostics.first?.contains(":3: set search-url takes default or an http") == true)
    let again = ConfigFile.parse(config.dump(), file: "dump")
    #expect(again.settings == config.settings)
  }
}
