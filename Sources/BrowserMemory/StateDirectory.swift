#if canImport(Glibc)
  import Glibc
#endif

/// Where medterm keeps its state: `$XDG_STATE_HOME/medterm` (default
/// `~/.local/state/medterm`) and `$XDG_DATA_HOME/medterm` (default
/// `~/.local/share/medterm`), made 0700 when missing and checked before use: a directory
/// of this user's, not a symbolic link.
enum StateDirectory {
  static func state(environment: [String: String]) -> String? {
    base(environment["XDG_STATE_HOME"], fallback: ".local/state", environment: environment)
  }

  static func data(environment: [String: String]) -> String? {
    base(environment["XDG_DATA_HOME"], fallback: ".local/share", environment: environment)
  }

  private static func base(_ variable: String?, fallback: String, environment: [String: String])
    -> String?
  {
    // The XDG rule: a relative path in the variable is ignored.
    if let variable, variable.hasPrefix("/") { return variable + "/medterm" }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/" + fallback + "/medterm"
  }

  /// Makes the directory (and missing parents, 0700) and checks it is safe to use.
  static func prepare(_ path: String) throws(StateError) {
    var built = ""
    for component in path.split(separator: "/") {
      built += "/" + component
      if mkdir(built, 0o700) != 0 && errno != EEXIST {
        throw .unusableDirectory(path, "cannot be made: \(String(cString: strerror(errno)))")
      }
    }
    var info = stat()
    guard lstat(path, &info) == 0 else {
      throw .unusableDirectory(path, String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT != S_IFLNK else {
      throw .unusableDirectory(path, "is a symbolic link")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw .unusableDirectory(path, "is not a directory")
    }
    guard info.st_uid == getuid() else {
      throw .unusableDirectory(path, "belongs to another user")
    }
    if info.st_mode & 0o077 != 0 { chmod(path, 0o700) }
  }
}
