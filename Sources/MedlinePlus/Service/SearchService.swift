/// The requests of the MedlinePlus search service: the health topics (English or Spanish)
/// matching words, field searches (`title:`, `alt-title:`, `mesh:`, `group:`) passed as
/// typed, each answer carrying the topics' whole records (`rettype=topic`).
public enum SearchService {
  /// The service's own address; `MEDTERM_SEARCH_URL` replaces it (tests aim at 127.0.0.1).
  public static let defaultBase = "https://wsearch.nlm.nih.gov/ws/query"
  /// Results asked for at a time: a screenful or two.
  public static let resultsPerRequest = 20
  /// The service asks for no more than 85 requests a minute from one address.
  public static let requestsPerMinute = 85

  /// The address to ask: `MEDTERM_SEARCH_URL` when set, else the service's own.
  public static func base(environment: [String: String]) -> String {
    let configured = environment["MEDTERM_SEARCH_URL"]?.trimmingSpaces ?? ""
    return configured.isEmpty ? defaultBase : configured
  }

  /// The database of topics in a language.
  public static func database(_ language: ServiceLanguage) -> String {
    language == .english ? "healthTopics" : "healthTopicsSpanish"
  }

  /// The address that asks for the results of `words` from rank `start`.
  public static func address(
    base: String = defaultBase, words: String, language: ServiceLanguage, start: Int = 0,
    count: Int = resultsPerRequest
  ) -> String {
    let separator = base.contains("?") ? "&" : "?"
    let term = PercentEncoding.encode(words.collapsingWhitespace.trimmingSpaces) {
      ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
        || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x7E
    }
    return base + separator
      + "db=\(database(language))&term=\(term)&retstart=\(max(0, start))&retmax=\(count)"
      + "&rettype=topic&tool=medterm"
  }
}
