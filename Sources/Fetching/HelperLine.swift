/// One line of the helper's protocol (documented in Sources/medterm-fetch/main.swift).
enum HelperLine: Equatable {
  case progress(received: Int, expected: Int?)
  case done(status: Int, finalURL: String, contentType: String?)
  case failure(FetchError)
  /// A line this version does not know: ignored, so the helper may add event kinds.
  case unknown

  init(_ line: String, request: FetchRequest) {
    let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    let word = fields.first.map(String.init) ?? ""
    let rest = fields.count > 1 ? fields[1...].joined(separator: " ") : ""
    switch word {
    case "progress":
      guard fields.count == 3, let received = Int(fields[1]), let expected = Int(fields[2]),
        received >= 0
      else {
        self = .unknown
        return
      }
      self = .progress(received: received, expected: expected >= 0 ? expected : nil)
    case "done":
      guard fields.count == 3, let status = Int(fields[1]) else {
        self = .failure(.helperFailed("unreadable reply “\(line)”"))
        return
      }
      let parts = fields[2].split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
      let type = parts.count > 1 ? String(parts[1]) : "-"
      self = .done(
        status: status, finalURL: String(parts[0]), contentType: type == "-" ? nil : type)
    case "error":
      self = .failure(Self.error(rest, request: request))
    default:
      self = .unknown
    }
  }

  var isFinal: Bool {
    switch self {
    case .done, .failure: return true
    case .progress, .unknown: return false
    }
  }

  private static func error(_ text: String, request: FetchRequest) -> FetchError {
    let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
    let kind = parts.first.map(String.init) ?? ""
    let argument = parts.count > 1 ? String(parts[1]) : ""
    switch kind {
    case "invalid-url": return .invalidURL(argument)
    case "unsupported-scheme": return .unsupportedScheme(argument)
    case "host-not-found": return .hostNotFound(argument)
    case "connection-refused": return .connectionRefused(argument)
    case "timed-out": return .timedOut(seconds: Int(argument) ?? request.timeoutSeconds)
    case "stalled": return .stalled(seconds: Int(argument) ?? request.stallSeconds ?? 0)
    case "http-status":
      let status = argument.split(separator: " ", maxSplits: 1)
      guard let code = status.first.flatMap({ Int($0) }) else {
        return .helperFailed("unreadable status “\(argument)”")
      }
      return .httpStatus(code, status.count > 1 ? String(status[1]) : "")
    case "too-large": return .tooLarge(limit: Int(argument) ?? request.maximumBytes)
    case "too-many-redirects": return .tooManyRedirects
    case "network": return .network(argument)
    default: return .helperFailed(argument.isEmpty ? kind : "\(kind): \(argument)")
    }
  }
}
