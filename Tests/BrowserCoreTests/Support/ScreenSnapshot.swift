import Foundation
import Testing

/// Screens compared with files in `Tests/BrowserCoreTests/Snapshots`; `RECORD_SNAPSHOTS=1`
/// writes them. A mismatch shows the differing rows.
enum ScreenSnapshot {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

  static func assertMatches(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "no snapshot \(name); record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var rows: [String] = []
    for index in 0..<max(old.count, new.count) where rows.count < 20 {
      let left = index < old.count ? String(old[index]) : "∅"
      let right = index < new.count ? String(new[index]) : "∅"
      if left != right { rows += ["row \(index): -\(left)", "row \(index): +\(right)"] }
    }
    let report = rows.joined(separator: "\n")
    Issue.record("screen \(name) differs:\n\(report)", sourceLocation: sourceLocation)
  }
}
