import Foundation

/// A fresh directory for one test, removed with everything in it when the test lets go.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("medterm-library-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { path + "/" + name }

  /// Copies `source` here as `name`; returns the new path.
  func copy(_ source: String, as name: String) throws -> String {
    let destination = file(name)
    try? FileManager.default.removeItem(atPath: destination)
    try FileManager.default.copyItem(atPath: source, toPath: destination)
    return destination
  }

  /// The names of the files here, sorted (recursively, relative paths).
  func listing(_ subdirectory: String = "") -> [String] {
    let root = subdirectory.isEmpty ? path : file(subdirectory)
    return ((try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []).sorted()
  }
}
