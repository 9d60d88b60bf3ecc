/// The command line, parsed by hand: ArgumentParser would cost start-up time and a
/// dependency for a handful of arguments.
struct FetchOptions {
  var url: String
  var outputPath: String
  var timeoutSeconds = 20
  /// How long the server may send nothing at all before the fetch gives up; by default the
  /// whole timeout.
  var stallSeconds: Int?
  var maximumBytes = 8 << 20
  var maximumRedirects = 5

  static let usage =
    "medterm-fetch URL OUTPUT_PATH [--timeout SECONDS] [--stall SECONDS] [--max-bytes N]"
    + " [--max-redirects N]"

  static func parse(_ arguments: [String]) -> Result<FetchOptions, Outcome> {
    var positional: [String] = []
    var options = FetchOptions(url: "", outputPath: "")
    var index = 0
    func failure(_ message: String) -> Result<FetchOptions, Outcome> {
      .failure(.failure(kind: .usage, argument: "\(message); usage: \(usage)"))
    }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      switch argument {
      case "--timeout", "--stall", "--max-bytes", "--max-redirects":
        guard index < arguments.count, let value = Int(arguments[index]) else {
          return failure("\(argument) needs a whole number")
        }
        index += 1
        switch argument {
        case "--timeout":
          guard value >= 1 else { return failure("--timeout must be at least 1") }
          options.timeoutSeconds = value
        case "--stall":
          guard value >= 1 else { return failure("--stall must be at least 1") }
          options.stallSeconds = value
        case "--max-bytes":
          guard value >= 0 else { return failure("--max-bytes must not be negative") }
          options.maximumBytes = value
        default:
          guard value >= 0 else { return failure("--max-redirects must not be negative") }
          options.maximumRedirects = value
        }
      default:
        guard !argument.hasPrefix("--") else { return failure("unknown option \(argument)") }
        positional.append(argument)
      }
    }
    guard positional.count == 2 else { return failure("expected URL and OUTPUT_PATH") }
    options.url = positional[0]
    options.outputPath = positional[1]
    return .success(options)
  }

  /// Accepts only http and https with a host: `file:`, `ftp:`, `data:` and `javascript:`
  /// are refused here even though the parent already refuses them.
  static func validatedURL(_ text: String) -> Result<ParsedAddress, Outcome> {
    guard let address = ParsedAddress(text) else {
      return .failure(.failure(kind: .invalidURL, argument: text))
    }
    guard address.isWeb else {
      return .failure(.failure(kind: .unsupportedScheme, argument: address.scheme))
    }
    guard !address.host.isEmpty else {
      return .failure(.failure(kind: .invalidURL, argument: text))
    }
    return .success(address)
  }
}
