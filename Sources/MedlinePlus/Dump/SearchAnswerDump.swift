/// The dumps of a search answer: the results as the index lists them (`outline`, `text`),
/// their addresses (`links`), the answer as JSON, and the tree of every topic it carried.
public enum SearchAnswerDump {
  /// "3 results for “a1c” (English), 1–2 shown", then one result a line with its other
  /// names, and its snippet below.
  public static func list(_ answer: SearchAnswer, language: ServiceLanguage) -> String {
    var out = [header(answer, language: language)]
    if answer.results.isEmpty { out.append("no topic matches “\(answer.term)”") }
    for result in answer.results {
      var line = "\(result.rank + 1). \(result.plainTitle)"
      if !result.alsoCalled.isEmpty {
        line += " · also called " + result.alsoCalled.joined(separator: ", ")
      }
      out.append(line)
      if !result.snippet.isEmpty { out.append("   " + result.snippet.plainText) }
      out.append("   " + result.url)
    }
    return out.joined(separator: "\n") + "\n"
  }

  public static func header(_ answer: SearchAnswer, language: ServiceLanguage) -> String {
    var header = answer.summary(language: language)
    if let first = answer.results.first, let last = answer.results.last {
      header += ", \(first.rank + 1)–\(last.rank + 1) shown"
    }
    return header
  }

  public static func links(_ answer: SearchAnswer) -> String {
    answer.results.map { "[\($0.rank + 1)] \($0.plainTitle)\n    \($0.url)\n" }.joined()
  }

  public static func json(_ answer: SearchAnswer, language: ServiceLanguage) -> JSONValue {
    .object([
      ("term", .string(answer.term)), ("language", .string(language.rawValue)),
      ("count", .number(answer.count)), ("start", .number(answer.start)),
      (
        "results",
        .array(
          answer.results.map { result in
            .object([
              ("rank", .number(result.rank + 1)), ("title", .string(result.plainTitle)),
              ("url", .string(result.url)),
              ("alsoCalled", .array(result.alsoCalled.map(JSONValue.string))),
              ("snippet", .string(result.snippet.plainText)),
              ("organization", .optional(result.organization)),
              ("groups", .array(result.groups.map(JSONValue.string))),
              ("topic", result.topic.map(PageJSON.value) ?? .null),
            ])
          })
      ),
    ])
  }

  public static func tree(_ answer: SearchAnswer, language: ServiceLanguage) -> String {
    header(answer, language: language) + "\n"
      + answer.results.map { result in
        result.topic.map(PageTreeDump.render)
          ?? "result \(result.rank + 1) \"\(result.plainTitle)\" (no record) \(result.url)\n"
      }.joined()
  }
}
