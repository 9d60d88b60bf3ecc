/// The dumps of a Connect answer: the pages it names (`outline`, `text`), their addresses
/// (`links`), JSON, and the tree of each page's summary.
public enum ConnectAnswerDump {
  public static func header(_ answer: ConnectAnswer, code: MedicalCode) -> String {
    let count = answer.entries.count
    return "\(count) MedlinePlus page\(count == 1 ? "" : "s") for \(code.system.name) \(code.code)"
  }

  public static func list(_ answer: ConnectAnswer, code: MedicalCode) -> String {
    var out = [header(answer, code: code)]
    for (number, entry) in answer.entries.enumerated() {
      out.append("\(number + 1). \(entry.title) (\(entry.kind))")
      out.append("   " + entry.url)
    }
    return out.joined(separator: "\n") + "\n"
  }

  public static func links(_ answer: ConnectAnswer) -> String {
    answer.entries.enumerated().map {
      "[\($0.offset + 1)] \($0.element.title)\n    \($0.element.url)\n"
    }
    .joined()
  }

  public static func json(
    _ answer: ConnectAnswer, code: MedicalCode, language: ServiceLanguage
  ) -> JSONValue {
    .object([
      ("system", .string(code.system.rawValue)), ("code", .string(code.code)),
      ("language", .string(language.rawValue)),
      (
        "pages",
        .array(
          answer.entries.map { entry in
            .object([
              ("title", .string(entry.title)), ("kind", .string(entry.kind)),
              ("url", .string(entry.url)),
              ("summary", .string(entry.summaryText)),
            ])
          })
      ),
    ])
  }

  public static func tree(
    _ answer: ConnectAnswer, code: MedicalCode, language: ServiceLanguage
  ) -> String {
    header(answer, code: code) + "\n"
      + answer.entries.map { PageTreeDump.render($0.page(language: language)) }.joined()
  }
}
