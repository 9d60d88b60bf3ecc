import Foundation
import TopicLibrary

/// Times the topic library on a health-topics file: the cold open (scan the XML and write the
/// compact index), the warm open (load the index), reading one page, and the worst search
/// keystroke over every one- and two-letter query, with the peak resident size of a cold and
/// of a warm start, each measured in a child process of its own.
struct LibraryBenchmark {
  let file: URL
  let runs: Int

  func run() throws {
    let path = file.path
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let cache = FileManager.default.temporaryDirectory
      .appendingPathComponent("medterm-bench-index-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }

    var cold: [Double] = []
    var library: TopicLibrary?
    for _ in 0..<runs {
      try? FileManager.default.removeItem(atPath: cache)
      let (opened, seconds) = try Self.timed { () throws(LibraryError) in
        try TopicLibrary.open(xmlPath: path, cacheDirectory: cache)
      }
      cold.append(seconds)
      library = opened
    }
    var scanOnly: [Double] = []
    for _ in 0..<runs {
      let (_, seconds) = try Self.timed { () throws(LibraryError) in
        try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
      }
      scanOnly.append(seconds)
    }
    var warm: [Double] = []
    for _ in 0..<runs {
      let (opened, seconds) = try Self.timed { () throws(LibraryError) in
        try TopicLibrary.open(xmlPath: path, cacheDirectory: cache)
      }
      guard opened.loadedFromCache else {
        throw BenchError.usage("the warm open did not use the cache")
      }
      warm.append(seconds)
      library = opened
    }
    guard let library else { throw BenchError.usage("no runs") }
    let cacheSize =
      library.cachePath.flatMap {
        try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int
      } ?? 0

    var pageTimes: [Double] = []
    for index in [0, library.entries.count / 2, library.entries.count - 1]
    where library.entries.indices.contains(index) {
      for _ in 0..<runs {
        let (_, seconds) = try Self.timed { () throws(LibraryError) in try library.page(index) }
        pageTimes.append(seconds)
      }
    }

    let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
    let queries = letters + letters.flatMap { first in letters.map { first + $0 } }
    var worst = (query: "", seconds: 0.0, hits: 0)
    var all: [Double] = []
    for query in queries {
      var times: [Double] = []
      var hits = 0
      for _ in 0..<runs {
        let (found, seconds) = Self.timed { library.search(query, languages: .both) }
        times.append(seconds)
        hits = found.count
      }
      let median = Self.median(times)
      all.append(median)
      if median > worst.seconds { worst = (query, median, hits) }
    }
    let (everything, listAll) = Self.timed { library.search("", languages: .both) }

    print("file: \(path) (\(Self.megabytes(size)), \(library.entries.count) topics)")
    print("runs: \(runs) (medians)")
    print("cold open (scan XML + write index): \(Self.milliseconds(Self.median(cold)))")
    print("scan only (no cache directory):      \(Self.milliseconds(Self.median(scanOnly)))")
    print("warm open (load index):              \(Self.milliseconds(Self.median(warm)))")
    print("compact index size:                  \(Self.megabytes(cacheSize))")
    print("page(i), one topic from the file:    \(Self.milliseconds(Self.median(pageTimes)))")
    print(
      "search, worst of \(queries.count) one- and two-letter queries: "
        + "\(Self.milliseconds(worst.seconds)) (“\(worst.query)”, \(worst.hits) hits); "
        + "median query \(Self.milliseconds(Self.median(all)))")
    print("search, empty query (\(everything.count) hits):  \(Self.milliseconds(listAll))")
    for (label, mode) in [("cold", "cold"), ("warm", "warm")] {
      let peak = Self.childPeak(mode: mode, file: path, cache: cache)
      print("peak RSS, \(label) start in a child process: \(peak)")
    }
  }

  /// The child side of the peak measurement: a cold or warm open, then one search.
  static func openOnce(mode: String, file: String, cache: String) throws {
    if mode == "cold" { try? FileManager.default.removeItem(atPath: cache) }
    let library = try TopicLibrary.open(xmlPath: file, cacheDirectory: cache)
    _ = library.search("a", languages: .both)
    print(status("VmHWM:").map(megabytes) ?? "unknown")
  }

  private static func childPeak(mode: String, file: String, cache: String) -> String {
    let me = CommandLine.arguments[0]
    guard let measured = ChildProcess.measure(me, ["library-open", mode, file, cache]) else {
      return "could not run"
    }
    return megabytes(measured.peakRSSBytes) + (measured.peakIsUpperBound ? " (upper bound)" : "")
  }

  private static func timed<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    let elapsed = clock.now - start
    return (
      value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    )
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[sorted.count / 2]
  }

  private static func status(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix(field) {
      return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }
    return nil
  }

  private static func milliseconds(_ seconds: Double) -> String {
    String(format: "%.2f ms", seconds * 1000)
  }

  private static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}
