import BrowserCore

#if canImport(Glibc)
  import Glibc
#endif

/// The config file, `$XDG_CONFIG_HOME/medterm/config` (default `~/.config/medterm/config`),
/// read over the defaults. A file that is missing is no config; one that cannot be read is
/// a diagnostic, and the defaults apply.
enum UserConfig {
  /// Where the config file is looked for.
  static func path(environment: [String: String]) -> String? {
    if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
      return base + "/medterm/config"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.config/medterm/config"
  }

  static func load(environment: [String: String]) -> ConfigFile {
    var config = ConfigFile()
    guard let path = path(environment: environment) else { return config }
    switch read(path) {
    case .success(nil):
      break
    case .success(let text?):
      config.apply(text, file: path)
    case .failure(let problem):
      config = ConfigFile.parse("", file: path)
      config.note("\(path): \(problem); the defaults apply")
    }
    return config
  }

  /// The file's text, nil when there is none, or why it cannot be read.
  private static func read(_ path: String) -> Result<String?, ConfigProblem> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      if errno == ENOENT { return .success(nil) }
      return .failure(ConfigProblem(String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      return .failure(ConfigProblem("is not a regular file"))
    }
    let limit = 1 << 20
    guard Int(info.st_size) <= limit else {
      return .failure(ConfigProblem("is larger than \(limit) bytes"))
    }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      offset += count
    }
    guard !bytes.contains(0), let text = String(validating: bytes.prefix(offset), as: UTF8.self)
    else { return .failure(ConfigProblem("is not text")) }
    return .success(text)
  }

  private struct ConfigProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
