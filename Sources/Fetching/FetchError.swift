import MedlinePlus

/// Why a fetch failed. The associated strings come from the user, the helper or the server:
/// `message` cleans them before they can reach a terminal.
public enum FetchError: Error, Equatable, Sendable {
  /// The address cannot be parsed (no scheme, no host, control characters).
  case invalidURL(String)
  /// Not http or https (`javascript`, `data`, `ftp`, `file`, …), also when a redirect leads
  /// there. `file:` is the caller's job: it reads files itself.
  case unsupportedScheme(String)
  /// Name resolution failed for this host.
  case hostNotFound(String)
  /// Nothing listens at this host (and port, when the address names one).
  case connectionRefused(String)
  /// No complete reply within the total timeout.
  case timedOut(seconds: Int)
  /// Nothing arrived for this many seconds (`FetchRequest.stallSeconds`).
  case stalled(seconds: Int)
  /// A 4xx or 5xx reply: the status and its standard reason phrase.
  case httpStatus(Int, String)
  /// The body is, or announced it would be, larger than the limit.
  case tooLarge(limit: Int)
  case tooManyRedirects
  /// Anything else on the way: TLS, a reset connection, a malformed reply.
  case network(String)
  /// `FetchOperation.cancel()` was called.
  case cancelled
  /// The `medterm-fetch` executable is not there; the path tried, or empty when
  /// `FetchHelper.locate()` found none.
  case helperMissing(String)
  /// The helper could not be started, died without saying how the fetch ended, or said
  /// something this module does not understand; also a temporary file that cannot be made.
  case helperFailed(String)

  /// A plain sentence for a status line or a link card.
  public var message: String {
    switch self {
    case .invalidURL(let url):
      return "\(Self.shown(url, quoted: true)) is not a valid web address."
    case .unsupportedScheme(let scheme):
      return "medterm fetches only http and https addresses, not \(Self.shown(scheme)):."
    case .hostNotFound(let host):
      return "The server \(Self.shown(host)) was not found."
    case .connectionRefused(let host):
      return "The server \(Self.shown(host)) refused the connection."
    case .timedOut(let seconds):
      return "The server did not answer within \(seconds) second\(seconds == 1 ? "" : "s")."
    case .stalled(let seconds):
      return
        "The server sent nothing for \(seconds) second\(seconds == 1 ? "" : "s"); medterm gave up."
    case .httpStatus(let status, let reason):
      let reason = Self.shown(reason)
      return "The server answered \(status)\(reason.isEmpty ? "" : " " + reason)."
    case .tooLarge(let limit):
      return "The page is larger than \(Self.size(limit)), the most medterm downloads."
    case .tooManyRedirects:
      return "The address redirected too many times."
    case .network(let detail):
      return "The page could not be fetched: \(Self.shown(detail))."
    case .cancelled:
      return "The download was cancelled."
    case .helperMissing(let path):
      return path.isEmpty
        ? "medterm-fetch, the program that downloads pages, is not next to medterm or on PATH."
        : "medterm-fetch, the program that downloads pages, is missing at \(Self.shown(path))."
    case .helperFailed(let detail):
      return "The download helper failed: \(Self.shown(detail))."
    }
  }

  /// Control characters and escape sequences out, one line, at most 120 characters.
  private static func shown(_ text: String, quoted: Bool = false) -> String {
    var cleaned = SafeText.clean(text, keepNewlines: false)
    if cleaned.count > 120 { cleaned = String(cleaned.prefix(119)) + "…" }
    if quoted { return "“\(cleaned)”" }
    // The sentence adds its own full stop.
    while cleaned.last == "." { cleaned.removeLast() }
    return cleaned
  }

  private static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 20 {
      let tenths = (bytes * 10) >> 20
      return "\(tenths / 10).\(tenths % 10) MiB"
    }
    if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
    return "\(bytes) byte\(bytes == 1 ? "" : "s")"
  }
}
