import Foundation

/// Turns the xmltodict-style JSON of health topics (`@name` attributes, `#text` text, a
/// list for repeated elements) back into official-style `<health-topic>` XML, with the
/// summary HTML escaped as text the way medlineplus.gov writes it.
///
/// JSON objects lose the order of their keys and of mixed content, so children are written
/// in the schema's order, and a summary's paragraphs, headings and lists in a plausible one
/// (the attribution paragraph, which carries a `class` attribute, last).
enum TopicsJSONConverter {
  private static let topicChildren = [
    "also-called", "full-summary", "group", "language-mapped-topic", "mesh-heading",
    "other-language", "primary-institute", "related-topic", "see-reference", "site",
  ]
  private static let siteChildren = [
    "information-category", "organization", "standard-description",
  ]

  /// The `<health-topic>` elements of a JSON file, one string each.
  static func topics(fromJSON data: Data) throws -> [String] {
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let file = root["health-topics"] as? [String: Any]
    else { return [] }
    return list(file["health-topic"]).compactMap { ($0 as? [String: Any]).map(topic) }
  }

  private static func topic(_ object: [String: Any]) -> String {
    var xml = "<health-topic\(attributes(object))>\n"
    for name in topicChildren {
      for value in list(object[name]) {
        if name == "full-summary" {
          xml += "  <full-summary>\(escaped(summaryHTML(value)))</full-summary>\n"
        } else if name == "site" {
          xml += site(value)
        } else {
          xml += "  " + element(name, value) + "\n"
        }
      }
    }
    return xml + "</health-topic>\n"
  }

  private static func site(_ value: Any) -> String {
    guard let object = value as? [String: Any] else { return "" }
    var xml = "  <site\(attributes(object))>\n"
    for name in siteChildren {
      for child in list(object[name]) { xml += "    " + element(name, child) + "\n" }
    }
    return xml + "  </site>\n"
  }

  /// A plain element: its attributes, its text, then child elements in key order.
  private static func element(_ name: String, _ value: Any) -> String {
    guard let object = value as? [String: Any] else {
      return "<\(name)>\(escaped(text(value)))</\(name)>"
    }
    var content = escaped(text(object["#text"] ?? ""))
    for key in object.keys.sorted() where !key.hasPrefix("@") && key != "#text" {
      for child in list(object[key]) { content += element(key, child) }
    }
    return "<\(name)\(attributes(object))>\(content)</\(name)>"
  }

  private static func summaryHTML(_ value: Any) -> String {
    guard let object = value as? [String: Any] else { return "<p>\(escaped(text(value)))</p>" }
    var leading = ""
    var trailing = ""
    for value in list(object["h3"]) { leading += html("h3", value) }
    for value in list(object["p"]) {
      let isAttribution = (value as? [String: Any])?.keys.contains("@class") ?? false
      if isAttribution { trailing += html("p", value) } else { leading += html("p", value) }
    }
    for key in object.keys.sorted()
    where !["h3", "p", "#text"].contains(key) && !key.hasPrefix("@") {
      for value in list(object[key]) { leading += html(key, value) }
    }
    return leading + trailing
  }

  private static func html(_ name: String, _ value: Any) -> String {
    guard let object = value as? [String: Any] else {
      return "<\(name)>\(escaped(text(value)))</\(name)>"
    }
    var content = escaped(text(object["#text"] ?? ""))
    for key in object.keys.sorted() where !key.hasPrefix("@") && key != "#text" {
      for child in list(object[key]) { content += " " + html(key, child) }
    }
    return "<\(name)\(attributes(object))>\(content)</\(name)>"
  }

  private static func attributes(_ object: [String: Any]) -> String {
    object.keys.filter { $0.hasPrefix("@") }.sorted().map { key in
      " \(key.dropFirst())=\"\(escaped(text(object[key] ?? ""), quotes: true))\""
    }.joined()
  }

  private static func list(_ value: Any?) -> [Any] {
    switch value {
    case nil: []
    case let array as [Any]: array
    case let single?: [single]
    }
  }

  private static func text(_ value: Any) -> String {
    switch value {
    case let string as String: string
    case let number as NSNumber: number.stringValue
    default: ""
    }
  }

  static func escaped(_ text: String, quotes: Bool = false) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"" where quotes: output += "&quot;"
      default: output.append(character)
      }
    }
    return output
  }
}
