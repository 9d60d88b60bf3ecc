/// One `<health-topic>` as the XML states it: what the streaming reader collects before
/// `page(fallbackOrigin:)` turns it into a `Page`. Text values are already cleaned
/// (`XMLText.clean`: white space folded, repaired, safe) and addresses trimmed; only the
/// summary is kept as the HTML text the file holds.
struct HealthTopicRecord {
  /// A `<site>`: one link the page lists under each of its categories.
  struct Site {
    var title = ""
    var url: String?
    var spanishURL: String?
    var categories: [String] = []
    var organizations: [String] = []
    var standardDescriptions: [String] = []
  }

  /// A named link to somewhere else: a related topic, the twin, the NIH institute.
  struct Reference {
    var name: String
    var url: String?
    var id: String?
    var language: String?
  }

  /// An `<other-language>`: the language's English name, its own name and the page for it.
  struct OtherLanguage {
    var name: String
    var vernacularName: String?
    var url: String?
  }

  var id = ""
  var title = ""
  var url: String?
  var language: String?
  var dateCreated: String?
  var metaDescription: String?
  var alsoCalled: [String] = []
  /// The summary as HTML text, however the file held it (escaped or as child elements).
  var summaryHTML: String?
  var groups: [String] = []
  var twin: Reference?
  var meshDescriptors: [String] = []
  var otherLanguages: [OtherLanguage] = []
  var primaryInstitute: Reference?
  var relatedTopics: [Reference] = []
  var seeReferences: [String] = []
  var sites: [Site] = []

  /// The BCP 47 tag for the XML's language names; nil for a language the file never uses.
  static func languageTag(_ name: String?) -> String? {
    switch name?.collapsingWhitespace.lowercased() {
    case "english": "en"
    case "spanish", "español", "espanol": "es"
    default: nil
    }
  }
}
