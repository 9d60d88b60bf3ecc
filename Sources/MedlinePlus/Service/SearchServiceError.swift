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

  /// The first look at any service's answer: nothing but white space, or a web page (a
  /// proxy's error page, the service's own 500) where XML or JSON was expected.
  static func screen(_ bytes: [UInt8], service: String) throws(ServiceAnswerError) {
    let start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    guard let start else { throw .empty(service: service) }
    let head = String(decoding: bytes[start...].prefix(512), as: UTF8.self).lowercased()
    if head.contains("<!doctype html") || head.contains("<html") || head.contains("<body") {
      throw .webPage(service: service)
    }
  }

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
