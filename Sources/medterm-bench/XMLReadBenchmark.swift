import Foundation
import MedlinePlus

/// Times `PageReader.read` on a health-topics XML file and sets it beside
/// `xmllint --stream --noout` on the same file: the floor for streaming the same bytes
/// through libxml2 without building anything.
struct XMLReadBenchmark {
  let file: URL
  let runs: Int

  func run() throws {
    let bytes = try Self.load(file)
    let baseline = Self.status("VmRSS:")
    var times: [Double] = []
    var topics = 0
    var truncation: String? = nil
    let clock = ContinuousClock()
    for _ in 0..<runs {
      let start = clock.now
      let document = try PageReader.read(bytes, name: file.lastPathComponent)
      times.append(Self.seconds(clock.now - start))
      if case .collection(let collection) = document {
        topics = collection.topics.count
        truncation = collection.truncation.map { "\($0)" }
      } else {
        topics = 1
      }
    }
    let medterm = (time: Self.median(times), rss: Self.status("VmHWM:"))
    print("file: \(file.path) (\(Self.megabytes(bytes.count)))")
    print("runs: \(runs)")
    print("topics read: \(topics)" + (truncation.map { " (truncated: \($0))" } ?? ""))
    print(
      "medterm PageReader.read: median \(Self.format(medterm.time)) s, peak RSS "
        + "\(medterm.rss.map(Self.megabytes) ?? "unknown") (whole process; "
        + "\(baseline.map(Self.megabytes) ?? "?") before reading, file bytes included)")

    guard let xmllint = ChildProcess.find("xmllint") else {
      print("xmllint: not found (Debian package libxml2-utils); no comparison")
      return
    }
    let lintArguments = ["--stream", "--noout", file.path]
    var lintTimes: [Double] = []
    for _ in 0..<runs {
      guard let measurement = ChildProcess.run(xmllint, lintArguments) else {
        print("xmllint: could not be started")
        return
      }
      lintTimes.append(measurement.seconds)
      if measurement.status != 0 { print("xmllint: exit status \(measurement.status)") }
    }
    // One more run for the peak size: through GNU time, whose start-up stays out of the
    // timed runs above.
    let lintPeak = ChildProcess.measure(xmllint, lintArguments)
    let lintRSS = lintPeak?.peakRSSBytes ?? 0
    let lintRSSText =
      Self.megabytes(lintRSS) + (lintPeak?.peakIsUpperBound == false ? "" : " (upper bound)")
    let lintTime = Self.median(lintTimes)
    print("xmllint --stream --noout: median \(Self.format(lintTime)) s, peak RSS \(lintRSSText)")
    print("")
    print("                 median time    peak RSS")
    let medtermRSS = medterm.rss.map(Self.megabytes) ?? "?"
    print("  medterm        \(Self.pad(Self.format(medterm.time) + " s"))\(medtermRSS)")
    print("  xmllint        \(Self.pad(Self.format(lintTime) + " s"))\(lintRSSText)")
    guard lintTime > 0 else { return }
    var ratios = "  ratio          \(Self.pad(Self.format(medterm.time / lintTime) + "×"))"
    if let rss = medterm.rss, lintRSS > 0 {
      ratios += Self.format(Double(rss) / Double(lintRSS)) + "×"
    }
    print(ratios)
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// A size field of /proc/self/status (`VmHWM:` is the peak resident size so far).
  private static func status(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
      let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
      return digits.map { $0 * 1024 }
    }
    return nil
  }

  /// The file's bytes, read straight into the array so that the peak size does not count
  /// a second copy.
  private static func load(_ file: URL) throws -> [UInt8] {
    let handle = try FileHandle(forReadingFrom: file)
    defer { try? handle.close() }
    let size = Int(try handle.seekToEnd())
    try handle.seek(toOffset: 0)
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(handle.fileDescriptor, buffer.baseAddress.map { $0 + offset }, size - offset)
      }
      guard count > 0 else { throw BenchError.usage("could not read \(file.path)") }
      offset += count
    }
    return bytes
  }

  private static func format(_ value: Double) -> String {
    String(format: "%.3f", value)
  }

  private static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }

  private static func pad(_ text: String) -> String {
    text.padding(toLength: 15, withPad: " ", startingAt: 0)
  }
}
