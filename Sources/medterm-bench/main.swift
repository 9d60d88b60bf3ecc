// medterm-bench: benchmarks are programs, not timed tests (a noisy machine makes timed
// tests fail at random; a program reports numbers to compare with a peer in the same run).
//
//   medterm-bench make-xml --topics 2000 --out FILE [--corpus DIR]
//   medterm-bench xml FILE [--runs 5]
//   medterm-bench read FILE [--runs 5]     (any source; one JSON line: bytes, median seconds)
//   medterm-bench library FILE [--runs 5]  (topic library: cold/warm open, worst search keystroke)
import Foundation

/// Why the benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  case noCorpusTopics

  var description: String {
    switch self {
    case .usage(let message): message
    case .noCorpusTopics: "no health topics found in the corpus folder"
    }
  }
}

private let usage = """
  usage: medterm-bench make-xml --topics N --out FILE [--corpus DIR]
         medterm-bench xml FILE [--runs N]
         medterm-bench read FILE [--runs N]
         medterm-bench library FILE [--runs N]
  """

/// The corpus beside this source file: Sources/medterm-bench/ → Tests/Corpus.
private let defaultCorpus = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Tests/Corpus")

/// The value after `--name`, if given.
private func option(_ name: String, in arguments: [String]) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else {
    return nil
  }
  return arguments[index + 1]
}

private func main() throws {
  let arguments = Array(CommandLine.arguments.dropFirst())
  switch arguments.first {
  case "make-xml":
    guard let count = option("--topics", in: arguments).flatMap({ Int($0) }), count > 0,
      let output = option("--out", in: arguments)
    else { throw BenchError.usage(usage) }
    let corpus = option("--corpus", in: arguments).map { URL(fileURLWithPath: $0) } ?? defaultCorpus
    let generator = try SyntheticTopicsFile(corpus: corpus)
    let bytes = try generator.write(topics: count, to: URL(fileURLWithPath: output))
    print(
      "wrote \(output): \(count) topics from \(generator.templates.count) corpus topics, "
        + String(
          format: "%.1f MB (%.1f KB per topic)", Double(bytes) / 1_048_576,
          Double(bytes) / Double(count) / 1024))
  case "xml":
    guard arguments.count >= 2 else { throw BenchError.usage(usage) }
    let runs = option("--runs", in: arguments).flatMap { Int($0) } ?? 5
    guard runs > 0 else { throw BenchError.usage(usage) }
    try XMLReadBenchmark(file: URL(fileURLWithPath: arguments[1]), runs: runs).run()
  case "read":
    guard arguments.count >= 2 else { throw BenchError.usage(usage) }
    let runs = option("--runs", in: arguments).flatMap { Int($0) } ?? 5
    guard runs > 0 else { throw BenchError.usage(usage) }
    try ReadThroughput(file: URL(fileURLWithPath: arguments[1]), runs: runs).run()
  case "library":
    guard arguments.count >= 2 else { throw BenchError.usage(usage) }
    let runs = option("--runs", in: arguments).flatMap { Int($0) } ?? 5
    guard runs > 0 else { throw BenchError.usage(usage) }
    try LibraryBenchmark(file: URL(fileURLWithPath: arguments[1]), runs: runs).run()
  case "library-open":
    guard arguments.count == 4 else { throw BenchError.usage(usage) }
    try LibraryBenchmark.openOnce(mode: arguments[1], file: arguments[2], cache: arguments[3])
  default:
    throw BenchError.usage(usage)
  }
}

do {
  try main()
} catch {
  FileHandle.standardError.write(Data("medterm-bench: \(error)\n".utf8))
  exit(2)
}
