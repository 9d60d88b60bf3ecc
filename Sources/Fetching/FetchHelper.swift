import Glibc

/// Finds the `medterm-fetch` executable. It is installed beside `medterm` (SwiftPM builds
/// both into the same directory), so that is looked at first, through the resolved
/// `/proc/self/exe`: a symbolic link to medterm in `~/bin` still finds the real directory.
/// Then `PATH`.
public enum FetchHelper {
  public static let executableName = "medterm-fetch"

  /// The helper's path, or nil (then report `FetchError.helperMissing("")`).
  public static func locate() -> String? {
    if let executable = runningExecutable(), let slash = executable.lastIndex(of: "/") {
      let candidate = executable[..<slash] + "/" + executableName
      if isExecutableFile(candidate) { return candidate }
    }
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = directory + "/" + executableName
      if isExecutableFile(candidate) { return candidate }
    }
    return nil
  }

  /// A regular file this process may execute.
  static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
  }

  private static func runningExecutable() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return nil }
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
