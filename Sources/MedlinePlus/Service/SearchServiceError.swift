/// Why an answer of a MedlinePlus service could not be read: each a sentence for the
/// status line, naming the service.
public enum ServiceAnswerError: Error, Hashable, Sendable {
  /// Nothing came back.
  case empty(service: String)
  /// A web page (an error page, a captive portal) where XML or JSON was expected.
  case webPage(service: String)
  /// Not well-formed: the first error and its line.
  case malformed(service: String, line: Int, detail: String)
  /// Well-formed, but not the kind of answer the service gives.
  case unexpected(service: String, what: String)

  public var message: String {
    switch self {
    case .empty(let service):
      return "The \(service) sent an empty answer."
    case .webPage(let service):
      return "The \(service) answered with a web page, not results (is it down?)."
    case .malformed(let service, let line, let detail):
      return "The \(service)'s answer breaks off or is garbled at line \(line): "
        + SafeText.clean(detail, keepNewlines: false) + "."
    case .unexpected(let service, let what):
      return "The \(service) answered with \(SafeText.clean(what, keepNewlines: false)), "
        + "not results."
    }
  }
}
