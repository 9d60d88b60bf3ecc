import Foundation

/// The command line, parsed by hand: ArgumentParser would cost start-up time and a
/// dependency for five arguments.
struct FetchOptions {
  var url: String
  var outputPath: String
  var timeoutSeconds = 20
  var maximumBytes = 8 << 20
  var maximumRedirects = 5

  static let usage =
    "medterm-fetch URL OUTPUT_PATH [--timeout SECONDS] [--max-bytes N] [--max-redirects N]"

  static func parse(_ arguments: [String]) -> Result<FetchOptions, Outcome> {
    var positional: [String] = []
    var timeout = 20
    var maximumBytes = 8 << 20
    var maximumRedirects = 5
    var index = 0
    func failure(_ message: String) -> Result<FetchOptions, Outcome> {
      .failure(.failure(kind: .usage, argument: "\(message); usage: \(usage)"))
    }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      switch argument {
      case "--timeout", "--max-bytes", "--max-redirects":
        guard index < arguments.count, let value = Int(arguments[index]) else {
          return failure("\(argument) needs a whole number")
        }
        index += 1
        switch argument {
        case "--timeout":
          guard value >= 1 else { return failure("--timeout must be at least 1") }
          timeout = value
        case "--max-bytes":
          guard value >= 0 else { return failure("--max-bytes must not be negative") }
          maximumBytes = value
        default:
          guard value >= 0 else { return failure("--max-redirects must not be negative") }
          maximumRedirects = value
        }
      default:
        guard !argument.hasPrefix("--") else { return failure("unknown option \(argument)") }
        positional.append(argument)
      }
    }
    guard positional.count == 2 else { return failure("expected URL and OUTPUT_PATH") }
    return .success(
      FetchOptions(
        url: positional[0], outputPath: positional[1], timeoutSeconds: timeout,
        maximumBytes: maximumBytes, maximumRedirects: maximumRedirects))
  }

  /// Parses the URL and accepts only http and https with a host: `file:`, `ftp:`, `data:`
  /// and `javascript:` are refused here even though the parent already refuses them.
  static func validatedURL(_ text: String) -> Result<URL, Outcome> {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
      return .failure(.failure(kind: .invalidURL, argument: text))
    }
    guard scheme == "http" || scheme == "https" else {
      return .failure(.failure(kind: .unsupportedScheme, argument: scheme))
    }
    guard let host = url.host, !host.isEmpty else {
      return .failure(.failure(kind: .invalidURL, argument: text))
    }
    return .success(url)
  }
}
