import Foundation
import Testing

@testable import BrowserCore

/// Theme files, parsing, fallback and lookup.
@Suite struct ThemeTests {
  /// The package's `Themes/` folder.
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes")

  static func shippedText(_ name: String) throws -> String {
    try String(
      contentsOf: themesDirectory.appendingPathComponent(name + ".theme"), encoding: .utf8)
  }

  // MARK: Shipped themes

  @Test(arguments: ThemeLibrary.shippedNames)
  func shippedThemeLoadsCleanlyAndSetsEveryRole(name: String) throws {
    let result = ThemeParser.parse(try Self.shippedText(name), file: name + ".theme")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.theme.name == name)
    let missing = StyleRole.allCases.filter { result.theme.styles[$0] == nil }
    #expect(missing.isEmpty, "\(name).theme does not set \(missing.map(\.rawValue))")
  }

  @Test(arguments: ThemeLibrary.shippedNames)
  func shippedThemeIsFoundByNameInTheShippedFolder(name: String) throws {
    let library = ThemeLibrary(environment: [:], executablePath: nil)
    let loaded = try library.load(name)
    #expect(
      loaded.origin
        == .shipped(path: Self.themesDirectory.appendingPathComponent(name + ".theme").path))
    #expect(loaded.diagnostics.isEmpty)
  }

  @Test(arguments: ThemeLibrary.shippedNames, [8, 16])
  func shippedThemeKeepsTextVisibleWithFewColours(name: String, colorCount: Int) throws {
    let theme = ThemeParser.parse(try Self.shippedText(name), file: name).theme
    let adapted = theme.adapted(colorCount: colorCount)
    for role in StyleRole.allCases {
      let style = adapted.style(for: role)
      let limit = colorCount
      for color in [style.foreground, style.background] {
        #expect((color?.paletteIndex ?? 0) < limit, "\(name) \(role) \(String(describing: color))")
      }
      if style.foreground != .default {
        #expect(style.foreground != style.background, "\(name) \(role) is invisible")
      }
    }
  }

  @Test func compiledInDefaultEqualsTheFile() throws {
    #expect(Theme.defaultThemeText == (try Self.shippedText("default")))
    #expect(
      Theme.builtInDefault == ThemeParser.parse(try Self.shippedText("default"), file: "x").theme)
  }

  @Test func defaultThemeUsesOnlyTheSixteenANSIColours() {
    for role in StyleRole.allCases {
      let style = Theme.builtInDefault.style(for: role)
      for color in [style.foreground, style.background] {
        #expect((color?.paletteIndex ?? 0) < 16, "\(role) uses \(String(describing: color))")
      }
    }
  }

  @Test func monochromeThemeHasNoColours() throws {
    let theme = ThemeParser.parse(try Self.shippedText("monochrome"), file: "m").theme
    #expect(!theme.usesColors)
    #expect(theme.withoutColors() == theme)
  }

  @Test func readmeListsEveryRoleWithItsParent() throws {
    let readme = try String(
      contentsOf: Self.themesDirectory.appendingPathComponent("README.md"), encoding: .utf8)
    for role in StyleRole.allCases {
      let parent = role.parent.map { "`\($0.rawValue)`" } ?? "—"
      #expect(readme.contains("| `\(role.rawValue)` | \(parent) | "), "\(role.rawValue)")
    }
  }

  // MARK: Parsing

  @Test func badLinesAreDiagnosedAndSkippedTheRestApplies() {
    let text = """
      color normal default default
      color linkk blue default
      color heading purpel default bold
      color title red default blod
      color badge green
      color link blue - underline
      """
    let result = ThemeParser.parse(text, file: "light.theme")
    #expect(
      result.diagnostics.map(\.description) == [
        "light.theme:2: unknown role 'linkk'",
        "light.theme:3: unknown colour 'purpel'",
        "light.theme:4: unknown attribute 'blod'",
        "light.theme:5: too few fields: expected "
          + "'color <role> <foreground> <background> [attribute…]'",
      ])
    let theme = result.theme
    #expect(theme.styles[.normal] == .plain)
    #expect(
      theme.styles[.link] == Style(foreground: .blue, background: .default, attributes: .underline))
    #expect(theme.styles[.heading] == nil)
    #expect(theme.styles[.title] == nil)
    #expect(theme.styles[.badge] == nil)
    #expect(theme.styles.count == 2)
  }

  @Test func commentsAndBlankLinesAreIgnored() {
    let text = """
      # a whole-line comment

        # an indented comment
      name  My   theme   # the name ends here
      color link #ff0000 - bold # red, bold
      color heading 12 #000000\t# tab before the comment
      \t
      color title bright-red default#not a comment start
      """
    let result = ThemeParser.parse(text, file: "t.theme")
    #expect(result.theme.name == "My theme")
    #expect(
      result.theme.styles[.link]
        == Style(foreground: .palette(196), background: .default, attributes: .bold))
    #expect(
      result.theme.styles[.heading] == Style(foreground: .palette(12), background: .palette(16)))
    #expect(
      result.diagnostics.map(\.description) == [
        "t.theme:8: unknown colour 'default#not'", "t.theme:8: unknown attribute 'a'",
        "t.theme:8: unknown attribute 'comment'", "t.theme:8: unknown attribute 'start'",
      ])
  }

  @Test func windowsLineEndingsCountAsOneLine() {
    let result = ThemeParser.parse("color link red -\r\ncolor nope red -\r\n", file: "w")
    #expect(result.theme.styles[.link]?.foreground == .red)
    #expect(result.diagnostics.map(\.line) == [2])
  }

  @Test func themeIsNamedAfterItsFileWithoutANameLine() {
    #expect(ThemeParser.parse("", file: "/x/y/solarized.theme").theme.name == "solarized")
  }

  @Test func unknownDirectivesAndOutOfRangeColoursAreDiagnosed() {
    let result = ThemeParser.parse("colr link red -\ncolor link color256 -\nname\n", file: "f")
    #expect(
      result.diagnostics.map(\.description) == [
        "f:1: unknown directive 'colr' (expected 'color' or 'name')",
        "f:2: colour 'color256' is out of range (the palette is 0-255)",
        "f:3: 'name' needs the theme's name after it",
      ])
  }

  // MARK: Colours

  @Test func colourSpellings() {
    #expect(TerminalColor(parsing: "-") == .default)
    #expect(TerminalColor(parsing: "Default") == .default)
    #expect(TerminalColor(parsing: "magenta") == .magenta)
    #expect(TerminalColor(parsing: "bright-black") == .palette(8))
    #expect(TerminalColor(parsing: "bright-white") == .palette(15))
    #expect(TerminalColor(parsing: "color0") == .black)
    #expect(TerminalColor(parsing: "colour255") == .palette(255))
    #expect(TerminalColor(parsing: "208") == .palette(208))
    #expect(TerminalColor(parsing: "#000000") == .palette(16))
    #expect(TerminalColor(parsing: "#FFFFFF") == .palette(231))
    #expect(TerminalColor(parsing: "#ff8700") == .palette(208))
    #expect(TerminalColor(parsing: "#808080") == .palette(244))
    #expect(TerminalColor(parsing: "#005f87") == .palette(24))
    for bad in ["purple", "256", "color", "#12345", "#gggggg", "bright-", "bright-8", "-1", ""] {
      #expect(TerminalColor(parsing: bad) == nil, "\(bad)")
    }
    for index in 0...255 {
      let color = TerminalColor.palette(UInt8(index))
      #expect(TerminalColor(parsing: color.name) == color)
    }
  }

  @Test func fallbackKeepsTheHue() {
    // Colours 16–255 on 16 and 8 colours.
    #expect(TerminalColor.palette(18).fallback(colorCount: 16) == .blue)  // navy
    #expect(TerminalColor.palette(26).fallback(colorCount: 16) == .blue)
    #expect(TerminalColor.palette(28).fallback(colorCount: 16) == .green)
    #expect(TerminalColor.palette(196).fallback(colorCount: 16) == .red)
    #expect(TerminalColor.palette(229).fallback(colorCount: 16) == .palette(11))  // light yellow
    #expect(TerminalColor.palette(229).fallback(colorCount: 8) == .yellow)
    #expect(TerminalColor.palette(16).fallback(colorCount: 8) == .black)
    #expect(TerminalColor.palette(231).fallback(colorCount: 16) == .palette(15))
    #expect(TerminalColor.palette(252).fallback(colorCount: 8) == .white)
    #expect(TerminalColor.palette(242).fallback(colorCount: 16) == .palette(8))
    // Bright colours on 8 colours; nothing changes where the colour exists.
    #expect(TerminalColor.palette(9).fallback(colorCount: 8) == .red)
    #expect(TerminalColor.palette(9).fallback(colorCount: 16) == .palette(9))
    #expect(TerminalColor.palette(200).fallback(colorCount: 256) == .palette(200))
    #expect(TerminalColor.default.fallback(colorCount: 8) == .default)
    #expect(TerminalColor.red.fallback(colorCount: 2) == .default)
  }

  // MARK: Resolving and adapting

  @Test func unsetRolesFallBackToTheirParents() {
    let theme = Theme(
      name: "t",
      styles: [
        .normal: Style(foreground: .white, background: .black),
        .link: Style(foreground: .blue, background: .default, attributes: .underline),
        .statusBar: Style(foreground: .black, background: .white, attributes: .bold),
        .prompt: Style(foreground: .red, attributes: .reverse),
      ])
    // Unset: the parent's resolved style, through several generations.
    #expect(theme.style(for: .linkSelected) == theme.style(for: .link))
    #expect(theme.style(for: .sidebarSelected) == Style(foreground: .white, background: .black))
    #expect(theme.style(for: .tableBorder) == theme.style(for: .normal))
    // Set with a nil colour: that colour comes from the parent, attributes do not.
    #expect(
      theme.style(for: .prompt) == Style(foreground: .red, background: .white, attributes: .reverse)
    )
    // No normal at all: the terminal's own colours.
    #expect(Theme(name: "empty").style(for: .heading) == .plain)
  }

  @Test func withoutColoursKeepsAttributesAndSelectionsVisible() {
    let theme = Theme(
      name: "colourful",
      styles: [
        .heading: Style(foreground: .blue, background: .default, attributes: [.bold, .italic]),
        .linkSelected: Style(foreground: .black, background: .cyan),
        .sidebarSelected: Style(foreground: .black, background: .cyan, attributes: .bold),
        .statusBar: Style(foreground: .black, background: .white),
        .prompt: Style(foreground: .black, background: .yellow, attributes: .standout),
        .match: Style(foreground: .black, background: .yellow),
      ])
    let plain = theme.withoutColors()
    #expect(!plain.usesColors)
    #expect(plain.name == "colourful")
    #expect(plain.style(for: .heading).attributes == [.bold, .italic])
    #expect(plain.style(for: .linkSelected).attributes == .reverse)
    #expect(plain.style(for: .sidebarSelected).attributes == [.bold, .reverse])
    #expect(plain.style(for: .statusBar).attributes == .reverse)
    #expect(plain.style(for: .statusMessage).attributes == .reverse)  // inherits the bar
    #expect(plain.style(for: .prompt).attributes == .standout)  // already visible
    #expect(plain.style(for: .match).attributes == [.bold, .underline])
    #expect(plain.style(for: .normal).attributes == [])
  }

  @Test(arguments: ThemeLibrary.shippedNames)
  func everyShippedThemeKeepsSelectionsVisibleWithoutColours(name: String) throws {
    let theme = ThemeParser.parse(try Self.shippedText(name), file: name).theme
    let plain = theme.withoutColors()
    for role in Theme.selectionRoles {
      let attributes = plain.style(for: role).attributes
      #expect(
        !attributes.isDisjoint(with: [.reverse, .standout])
          || (role == .match && attributes.isSuperset(of: [.bold, .underline])),
        "\(name) \(role)")
    }
  }

  @Test func adaptingMapsColoursToWhatTheTerminalHas() {
    let theme = Theme(
      name: "t",
      styles: [
        .heading: Style(foreground: .palette(24), background: .default, attributes: .bold),
        .match: Style(foreground: .palette(16), background: .palette(229)),
        .badge: Style(foreground: .palette(254), background: .palette(255)),
      ])
    let eight = theme.adapted(colorCount: 8)
    #expect(
      eight.style(for: .heading)
        == Style(foreground: .cyan, background: .default, attributes: .bold))
    #expect(eight.style(for: .match) == Style(foreground: .black, background: .yellow))
    // Two light greys both become white: the text turns black to stay readable.
    #expect(eight.style(for: .badge) == Style(foreground: .black, background: .white))
    #expect(theme.adapted(colorCount: 256) == theme)
    #expect(theme.adapted(colorCount: 1 << 24) == theme)
    #expect(theme.adapted(colorCount: 2) == theme.withoutColors())
    #expect(theme.adapted(colorCount: 0) == theme.withoutColors())
    #expect(theme.adapted(colorCount: 256, environment: ["NO_COLOR": "1"]) == theme.withoutColors())
    #expect(theme.adapted(colorCount: 256, environment: ["NO_COLOR": ""]) == theme)
  }

  // MARK: Lookup

  /// A fresh folder standing in for `$XDG_CONFIG_HOME`, removed by the caller.
  private func temporaryConfigHome() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("medterm-theme-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("medterm/themes"), withIntermediateDirectories: true)
    return url
  }

  @Test func userThemesComeBeforeShippedOnes() throws {
    let config = try temporaryConfigHome()
    defer { try? FileManager.default.removeItem(at: config) }
    let themes = config.appendingPathComponent("medterm/themes")
    try "name mine\ncolor link red - bold\n".write(
      to: themes.appendingPathComponent("light.theme"), atomically: true, encoding: .utf8)
    try "color link nocolour -\n".write(
      to: themes.appendingPathComponent("own.theme"), atomically: true, encoding: .utf8)
    let library = ThemeLibrary(
      environment: ["XDG_CONFIG_HOME": config.path, "HOME": "/nonexistent"], executablePath: nil)
    let lightPath = themes.appendingPathComponent("light.theme").path

    let light = try library.load("light")
    #expect(light.theme.name == "mine")
    #expect(light.origin == .user(path: lightPath))
    let own = try library.load("own")
    #expect(
      own.diagnostics.map(\.description) == [
        themes.appendingPathComponent("own.theme").path + ":1: unknown colour 'nocolour'"
      ])
    #expect(try library.load("monochrome").origin.description.hasPrefix("shipped: "))

    let listed = library.availableThemes()
    #expect(listed.map(\.name) == ["default", "high-contrast", "light", "monochrome", "own"])
    #expect(listed.first { $0.name == "light" }?.origin == .user(path: lightPath))
  }

  @Test func homeConfigIsUsedWhenXDGConfigHomeIsUnset() {
    #expect(
      ThemeLibrary.userDirectory(environment: ["HOME": "/home/u"])
        == "/home/u/.config/medterm/themes")
    #expect(
      ThemeLibrary.userDirectory(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": ""])
        == "/home/u/.config/medterm/themes")
    #expect(
      ThemeLibrary.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg/"]) == "/cfg/medterm/themes"
    )
    #expect(ThemeLibrary.userDirectory(environment: [:]) == nil)
  }

  @Test func unknownNameListsTheAvailableThemes() {
    let library = ThemeLibrary(environment: [:], executablePath: nil)
    #expect(
      throws: ThemeError.unknownTheme(
        name: "solarized", available: ["default", "high-contrast", "light", "monochrome"])
    ) {
      try library.load("solarized")
    }
    let message = ThemeError.unknownTheme(name: "x", available: ["default", "light"]).description
    #expect(
      message
        == "there is no theme named 'x'; the themes are default, light (or give the path of a .theme file)"
    )
  }

  @Test func defaultIsBuiltInWhenNoFolderHasIt() throws {
    let library = ThemeLibrary(userDirectory: nil, shippedDirectory: nil)
    let loaded = try library.load("default")
    #expect(loaded.origin == .builtIn)
    #expect(loaded.theme == Theme.builtInDefault)
    #expect(library.availableThemes() == [ThemeListing(name: "default", origin: .builtIn)])
    #expect(throws: ThemeError.self) { try library.load("light") }
  }

  @Test func pathsAreReadFromDisk() throws {
    let config = try temporaryConfigHome()
    defer { try? FileManager.default.removeItem(at: config) }
    let file = config.appendingPathComponent("x.theme")
    try "color heading red - bold\n".write(to: file, atomically: true, encoding: .utf8)
    let library = ThemeLibrary(userDirectory: nil, shippedDirectory: nil)
    let loaded = try library.load(file.path)
    #expect(loaded.origin == .file(path: file.path))
    #expect(loaded.theme.style(for: .heading).foreground == .red)
    #expect(
      throws: ThemeError.unreadable(path: "/nonexistent/y.theme", reason: "there is no such file")
    ) {
      try library.load("/nonexistent/y.theme")
    }
    #expect(throws: ThemeError.unreadable(path: config.path + "/", reason: "it is a folder")) {
      try library.load(config.path + "/")
    }
    #expect(throws: ThemeError.unreadable(path: "/dev/null", reason: "it is not a regular file")) {
      try library.load("/dev/null")
    }
  }
}
