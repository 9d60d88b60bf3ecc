/// MedlinePlus Connect: a medical code in, the MedlinePlus pages about it out (health
/// topics, drug information, lab tests), as JSON.
public enum ConnectService {
  /// The service's own address; `MEDTERM_CONNECT_URL` replaces it.
  public static let defaultBase = "https://connect.medlineplus.gov/service"
  /// Connect refuses an address for a while past 100 requests a minute.
  public static let requestsPerMinute = 100
  static let service = "MedlinePlus Connect service"

  /// The address to ask: `MEDTERM_CONNECT_URL` when set, else the service's own.
  public static func base(environment: [String: String]) -> String {
    let configured = environment["MEDTERM_CONNECT_URL"]?.trimmingSpaces ?? ""
    return configured.isEmpty ? defaultBase : configured
  }

  public static func address(
    base: String = defaultBase, code: MedicalCode, language: ServiceLanguage
  ) -> String {
    let separator = base.contains("?") ? "&" : "?"
    let value = PercentEncoding.encode(code.code) {
      ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E || $0 == 0x2D
    }
    return base + separator + "mainSearchCriteria.v.cs=\(code.system.oid)"
      + "&mainSearchCriteria.v.c=\(value)"
      + "&informationRecipient.languageCode.c=\(language.rawValue)"
      + "&knowledgeResponseType=application/json"
  }

  /// The pages an answer names, in its order.
  public static func read(_ bytes: [UInt8]) throws(ServiceAnswerError) -> ConnectAnswer {
    try ServiceAnswerError.screen(bytes, service: service)
    let value: JSONValue
    do {
      value = try JSONReader.read(bytes)
    } catch {
      let line = bytes.prefix(error.offset).count { $0 == 0x0A } + 1
      throw .malformed(service: service, line: line, detail: error.reason)
    }
    guard let feed = value["feed"] else {
      throw .unexpected(service: service, what: "JSON with no feed")
    }
    let entries = (feed["entry"]?.elements ?? []).compactMap { entry -> ConnectEntry? in
      let title = entry["title"]?["_value"]?.stringValue.map(HighlightedText.plain) ?? ""
      let links = entry["link"]?.elements ?? []
      let url = links.compactMap { $0["href"]?.stringValue }.first.map {
        SafeText.clean($0, keepNewlines: false).trimmingSpaces
      }
      guard let url, !url.isEmpty else { return nil }
      let summary = entry["summary"]?["_value"]?.stringValue ?? ""
      return ConnectEntry(title: title.isEmpty ? url : title, url: url, summaryHTML: summary)
    }
    let subtitle = feed["subtitle"]?["_value"]?.stringValue.map(HighlightedText.plain)
    return ConnectAnswer(subtitle: subtitle, entries: entries)
  }
}

/// What Connect answered for a code.
public struct ConnectAnswer: Hashable, Sendable {
  /// "MedlinePlus Connect results for ICD-10-CM M87.05".
  public var subtitle: String?
  public var entries: [ConnectEntry]
}

/// One page Connect names for a code.
public struct ConnectEntry: Hashable, Sendable {
  public var title: String
  /// The page on medlineplus.gov (its tracking parameters as Connect gives them).
  public var url: String
  /// Connect's summary of the page, as HTML.
  public var summaryHTML: String

  /// The summary as plain text.
  public var summaryText: String { HighlightedText.plain(summaryHTML) }

  /// What kind of MedlinePlus page it is, from its address.
  public var kind: String {
    if url.contains("/druginfo/") { return "drug" }
    if url.contains("/lab-tests/") { return "lab test" }
    if url.contains("/ency/") { return "encyclopedia" }
    return "health topic"
  }

  /// The summary as a page of its own, with the address to read the whole page.
  public func page(language: ServiceLanguage) -> Page {
    let escapedTitle = title.replacing("&", with: "&amp;").replacing("<", with: "&lt;")
    let escapedURL = url.replacing("&", with: "&amp;").replacing("\"", with: "&quot;")
    let html =
      "<html lang=\"\(language.rawValue)\"><head><title>\(escapedTitle)</title></head><body>"
      + "<h1>\(escapedTitle)</h1>\(summaryHTML)"
      + "<p>The whole page: <a href=\"\(escapedURL)\">\(escapedURL)</a></p></body></html>"
    guard case .page(let page)? = try? PageReader.read(Array(html.utf8), mode: .full) else {
      return Page(title: title, format: .html)
    }
    return page
  }
}
