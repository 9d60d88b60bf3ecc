import Foundation

/// Where the tests find the package's files and the executables `swift build` made.
public enum PackagePaths {
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  public static let corpus = root.appendingPathComponent("Tests/Corpus").path
  public static let serverScript = root.appendingPathComponent(
    "Tests/TestSupport/Server/test_server.py"
  ).path

  /// An executable built beside the test bundle, else in the default debug build directory.
  public static func built(_ name: String) -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent(name).path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return root.appendingPathComponent(".build/debug/\(name)").path
  }

  /// A program on PATH, or nil.
  public static func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
}
