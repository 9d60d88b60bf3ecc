/// Small health-topics files written by hand for one rule each.
enum HandmadeTopics {
  struct Topic {
    var title: String
    var language = "English"
    var alsoCalled: [String] = []
    var id: String?
    var url: String?
  }

  /// An official-style file holding `topics` (ids and addresses made up when not given).
  static func xml(_ topics: [Topic], total: Int? = nil) -> String {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE health-topics PUBLIC "-//NLM//DTD health-topics //EN" \
      "https://medlineplus.gov/xml/mplus_topics.dtd">
      <health-topics total="\(total ?? topics.count)" date-generated="08/10/2024 02:30:32">

      """
    for (index, topic) in topics.enumerated() {
      let id = topic.id ?? String(1000 + index)
      let url = topic.url ?? "https://medlineplus.gov/topic\(id).html"
      xml += """
          <health-topic title="\(escaped(topic.title))" url="\(url)" id="\(id)" \
        language="\(topic.language)" date-created="01/01/2020">

        """
      for name in topic.alsoCalled { xml += "    <also-called>\(escaped(name))</also-called>\n" }
      xml += """
            <full-summary>&lt;p&gt;About \(escaped(escaped(topic.title))).&lt;/p&gt;</full-summary>
            <group url="https://medlineplus.gov/x.html" id="1">Things</group>
          </health-topic>

        """
    }
    return xml + "</health-topics>\n"
  }

  static func escaped(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      default: output.append(character)
      }
    }
    return output
  }
}
