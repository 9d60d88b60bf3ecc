import Foundation
import Testing

/// Compares text with a file checked in under `Tests/MedlinePlusTests/Snapshots`. With
/// `RECORD_SNAPSHOTS=1` the file is written instead; a mismatch reports the first differing
/// lines side by side, not two walls of text.
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

  static func assertMatches(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let expectedData = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "no snapshot \(name); run with RECORD_SNAPSHOTS=1 and review it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: expectedData, as: UTF8.self)
    guard expected != actual else { return }
    let diff = lineDiff(expected: expected, actual: actual)
    Issue.record("snapshot \(name) differs:\n\(diff)", sourceLocation: sourceLocation)
  }

  /// The first few differing lines, numbered, as `-expected` / `+actual`.
  static func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(old.count, new.count) where out.count < limit * 2 {
      let left = index < old.count ? String(old[index]) : nil
      let right = index < new.count ? String(new[index]) : nil
      guard left != right else { continue }
      out.append("line \(index + 1):")
      if let left { out.append("  -\(left)") }
      if let right { out.append("  +\(right)") }
    }
    if old.count != new.count { out.append("(\(old.count) lines expected, \(new.count) actual)") }
    return out.joined(separator: "\n")
  }
}
