import Glibc

/// Where medterm keeps its library: the XML file `--update` downloads and the compact
/// indexes, following the XDG base directory specification.
public enum LibraryLocation {
  /// The name of the downloaded library in the data directory.
  public static let libraryFileName = "mplus_topics.xml"

  /// `$XDG_DATA_HOME/medterm`, or `~/.local/share/medterm` when `XDG_DATA_HOME` is unset,
  /// empty or relative (the specification says to ignore a relative one). Without `HOME`
  /// the home directory comes from the password database.
  public static func dataDirectory(environment: [String: String]) -> String {
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return trimmed(data) + "/medterm"
    }
    return trimmed(homeDirectory(environment: environment)) + "/.local/share/medterm"
  }

  /// The library `--update` downloaded, when there is one.
  public static func rememberedLibrary(environment: [String: String]) -> String? {
    let path = dataDirectory(environment: environment) + "/" + libraryFileName
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return path
  }

  /// Where compact indexes are kept: the `index` folder of the data directory. Pass it as
  /// `cacheDirectory` to `TopicLibrary.open`.
  public static func indexCacheDirectory(environment: [String: String]) -> String {
    dataDirectory(environment: environment) + "/index"
  }

  private static func homeDirectory(environment: [String: String]) -> String {
    if let home = environment["HOME"], !home.isEmpty { return home }
    if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
      return String(cString: directory)
    }
    return "/"
  }

  /// Without trailing slashes (but "/" stays "/" in spirit: it becomes "", and the caller
  /// appends "/…").
  private static func trimmed(_ path: String) -> String {
    var path = path
    while path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
