import Foundation
import TestSupport

/// Where the tests find the package's files and the real `medterm-fetch`.
enum Paths {
  static let corpus = PackagePaths.corpus

  /// Built beside the test bundle by `swift build`/`swift test`; else the default debug
  /// build directory.
  static var helper: String { PackagePaths.built("medterm-fetch") }

  static func onPath(_ name: String) -> String? { PackagePaths.onPath(name) }

  static func corpusBytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + relative)))
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// True while a process with this id exists (a zombie counts: it was not reaped).
  static func processExists(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
  }
}
