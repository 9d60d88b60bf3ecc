import Foundation
import TestSupport

/// Where the tests find the package's files and the executables `swift build` made.
enum Paths {
  static let corpus = PackagePaths.corpus

  static func corpusFile(_ name: String) -> String { corpus + "/" + name }

  /// An executable built beside the test bundle, else in the default debug build directory.
  static func built(_ name: String) -> String { PackagePaths.built(name) }

  static func onPath(_ name: String) -> String? { PackagePaths.onPath(name) }

  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }
}
