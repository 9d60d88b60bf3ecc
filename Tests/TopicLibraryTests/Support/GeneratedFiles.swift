import Foundation
import Testing

/// Health-topics files made by `medterm-bench make-xml` (the benchmark's own generator, run
/// as the built binary): the 19 topics of the xmltodict JSON converted back to official XML,
/// and larger files built from the whole corpus. Each is made once per test run, in one
/// directory removed when the process exits.
enum GeneratedFiles {
  private static let directory: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("medterm-library-generated-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit {
      try? FileManager.default.removeItem(atPath: GeneratedFiles.directory)
    }
    return path
  }()

  /// The 19 topics of `mplus_topics_2024-08-10.19-topics.xmltodict.json`, through
  /// `TopicsJSONConverter` (ids renumbered from 100000, titles kept).
  static let nineteenTopics: Result<String, GenerationError> = {
    let corpus = directory + "/json-only"
    do {
      try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
      let json = "mplus_topics_2024-08-10.19-topics.xmltodict.json"
      try? FileManager.default.copyItem(
        atPath: Paths.corpusFile(json), toPath: corpus + "/" + json)
    } catch {
      return .failure(GenerationError(message: "cannot prepare \(corpus): \(error)"))
    }
    return make(topics: 19, name: "json-19.xml", corpus: corpus)
  }()

  /// 60 topics from every corpus topic (about 1 MB): big enough that its middle lies outside
  /// the first and last 64 KiB the cache fingerprints.
  static let sixtyTopics: Result<String, GenerationError> = make(
    topics: 60, name: "corpus-60.xml", corpus: nil)

  struct GenerationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  private static func make(topics: Int, name: String, corpus: String?) -> Result<
    String, GenerationError
  > {
    let bench = Paths.built("medterm-bench")
    guard FileManager.default.isExecutableFile(atPath: bench) else {
      return .failure(
        GenerationError(message: "\(bench) is missing: run `swift build` first"))
    }
    let output = directory + "/" + name
    var arguments = ["make-xml", "--topics", String(topics), "--out", output]
    if let corpus { arguments += ["--corpus", corpus] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: bench)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return .failure(GenerationError(message: "cannot run \(bench): \(error)"))
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output) else {
      return .failure(
        GenerationError(message: "make-xml failed with status \(process.terminationStatus)"))
    }
    return .success(output)
  }
}
