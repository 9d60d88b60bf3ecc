#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Finds the theme `--theme NAME|PATH` asks for, and lists the names it accepts.
///
/// A path (it contains `/` or ends in `.theme`) is read as given. A name is looked up in the
/// user's folder (`$XDG_CONFIG_HOME/medterm/themes/NAME.theme`, `~/.config` when
/// `XDG_CONFIG_HOME` is unset), then in the shipped `Themes/` folder, then, for `default`
/// only, in the copy compiled into the program, so medterm has a theme without any files.
///
/// The environment and the executable's path are parameters, never read here behind the
/// caller's back, so tests can point the library at a temporary folder.
public struct ThemeLibrary: Sendable {
  /// The themes in the shipped `Themes/` folder.
  public static let shippedNames = ["default", "light", "monochrome", "high-contrast"]
  /// Theme files larger than this are refused: no theme needs it, and it keeps `--theme
  /// /some/huge/file` from filling memory.
  static let maximumFileSize = 1 << 20

  /// The user's theme folder; nil when neither `XDG_CONFIG_HOME` nor `HOME` is set.
  public var userDirectory: String?
  /// The shipped `Themes/` folder; nil when it was not found (the built-in default remains).
  public var shippedDirectory: String?

  public init(userDirectory: String?, shippedDirectory: String?) {
    self.userDirectory = userDirectory
    self.shippedDirectory = shippedDirectory
  }

  /// The library for a process with this environment, running the executable at
  /// `executablePath` (nil: look for the shipped folder only in the source tree).
  public init(
    environment: [String: String],
    executablePath: String? = ThemeLibrary.currentExecutablePath()
  ) {
    self.init(
      userDirectory: Self.userDirectory(environment: environment),
      shippedDirectory: Self.shippedDirectory(executablePath: executablePath))
  }

  /// Loads `--theme NAME|PATH` for a process with this environment.
  public static func load(
    _ nameOrPath: String, environment: [String: String]
  ) throws(ThemeError) -> LoadedTheme {
    try ThemeLibrary(environment: environment).load(nameOrPath)
  }

  /// The themes `--theme NAME` accepts, for `--list-themes`.
  public static func availableThemes(environment: [String: String]) -> [ThemeListing] {
    ThemeLibrary(environment: environment).availableThemes()
  }

  /// True when `--theme` names a file rather than a theme.
  public static func isPath(_ nameOrPath: String) -> Bool {
    nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme")
  }

  /// The theme a name or path stands for, with the diagnostics of its file.
  public func load(_ nameOrPath: String) throws(ThemeError) -> LoadedTheme {
    if Self.isPath(nameOrPath) {
      return try Self.loadFile(nameOrPath, origin: .file(path: nameOrPath))
    }
    if let path = Self.themeFile(named: nameOrPath, in: userDirectory) {
      return try Self.loadFile(path, origin: .user(path: path))
    }
    if let path = Self.themeFile(named: nameOrPath, in: shippedDirectory) {
      return try Self.loadFile(path, origin: .shipped(path: path))
    }
    if nameOrPath == "default" {
      return LoadedTheme(theme: Theme.builtInDefault, origin: .builtIn)
    }
    throw .unknownTheme(name: nameOrPath, available: availableThemes().map(\.name))
  }

  /// Every theme name `load` accepts, sorted, each with the file it would load.
  public func availableThemes() -> [ThemeListing] {
    var listings: [String: ThemeListing] = [
      "default": ThemeListing(name: "default", origin: .builtIn)
    ]
    for name in Self.themeNames(in: shippedDirectory) {
      if let path = Self.themeFile(named: name, in: shippedDirectory) {
        listings[name] = ThemeListing(name: name, origin: .shipped(path: path))
      }
    }
    for name in Self.themeNames(in: userDirectory) {
      if let path = Self.themeFile(named: name, in: userDirectory) {
        listings[name] = ThemeListing(name: name, origin: .user(path: path))
      }
    }
    return listings.values.sorted { $0.name < $1.name }
  }

  /// `$XDG_CONFIG_HOME/medterm/themes`, or `$HOME/.config/medterm/themes`. A relative or
  /// empty `XDG_CONFIG_HOME` is ignored, as the XDG base directory specification asks.
  public static func userDirectory(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return join(config, "medterm/themes")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return join(home, ".config/medterm/themes")
    }
    return nil
  }

  /// The first folder holding the shipped themes: `<exe dir>/../../Themes` (a SwiftPM build
  /// in the package), `<exe dir>/../share/medterm/themes` (an install), then the package's
  /// own `Themes/` as recorded at compile time (development and tests).
  public static func shippedDirectory(executablePath: String?) -> String? {
    var candidates: [String] = []
    if let executablePath {
      let directory = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
      candidates.append(directory.appendingPathComponent("../../Themes").standardized.path)
      candidates.append(
        directory.appendingPathComponent("../share/medterm/themes").standardized.path)
    }
    // Sources/BrowserCore/Theme/ThemeLibrary.swift → the package root.
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent("Themes").path)
    return candidates.first { isRegularFile(join($0, "default.theme")) }
  }

  /// The running program's path (Linux `/proc/self/exe`, else `argv[0]`).
  public static func currentExecutablePath() -> String? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
    return CommandLine.arguments.first
  }

  private static func themeFile(named name: String, in directory: String?) -> String? {
    guard let directory, !name.isEmpty else { return nil }
    let path = join(directory, name + ".theme")
    return isRegularFile(path) ? path : nil
  }

  private static func themeNames(in directory: String?) -> [String] {
    guard let directory,
      let files = try? FileManager.default.contentsOfDirectory(atPath: directory)
    else { return [] }
    return files.filter { $0.hasSuffix(".theme") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(".theme".count)) }
      .filter { !$0.isEmpty }
  }

  private static func loadFile(_ path: String, origin: ThemeOrigin) throws(ThemeError)
    -> LoadedTheme
  {
    let manager = FileManager.default
    var isDirectory = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "there is no such file")
    }
    guard !isDirectory else { throw .unreadable(path: path, reason: "it is a folder") }
    if let attributes = try? manager.attributesOfItem(atPath: path) {
      // A device or a pipe could block the read forever.
      if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
        throw .unreadable(path: path, reason: "it is not a regular file")
      }
      let size = (attributes[.size] as? Int) ?? (attributes[.size] as? UInt64).map(Int.init) ?? 0
      if size > maximumFileSize {
        throw .unreadable(path: path, reason: "it is too large for a theme (\(size) bytes)")
      }
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw .unreadable(path: path, reason: "it could not be read as UTF-8 text")
    }
    let result = ThemeParser.parse(text, file: path)
    return LoadedTheme(theme: result.theme, diagnostics: result.diagnostics, origin: origin)
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var isDirectory = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && !isDirectory
  }

  private static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
