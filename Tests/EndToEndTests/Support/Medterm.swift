import Foundation
import TestSupport

/// Runs the real `medterm` binary that `swift build` put next to the test bundle.
enum Medterm {
  static var executable: URL { URL(fileURLWithPath: PackagePaths.built("medterm")) }

  static let corpus = URL(fileURLWithPath: PackagePaths.corpus)

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs medterm with arguments and optional standard input; waits at most `timeout`.
  static func run(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
    timeout: TimeInterval = 60
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Output goes to files, not pipes: nothing can block the child, and no reader threads.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "medterm-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appendingPathComponent("stdout")
    let errURL = directory.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        throw MedtermError.timedOut(arguments)
      }
      usleep(5_000)
    }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

enum MedtermError: Error {
  case timedOut([String])
}
