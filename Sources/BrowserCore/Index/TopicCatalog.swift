import MedlinePlus

/// A library of topics the browser can list, search and open: the health-topics XML file
/// behind `medterm mplus_topics.xml`. The executable adapts the `TopicLibrary` module to it,
/// so the browser knows nothing of files, caches or XML.
public protocol TopicCatalog: AnyObject {
  /// A line naming the library ("MedlinePlus health topics, generated 08/10/2024").
  var title: String { get }
  /// How many topics the library holds.
  var count: Int { get }
  func entry(_ index: Int) -> TopicCatalogEntry
  /// Matches for a query typed so far, best first (all topics for an empty query).
  func search(_ query: String, languages: LanguageChoice) -> [TopicCatalogHit]
  /// Reads one topic as a page.
  func page(_ index: Int) -> Result<Page, LoadFailure>
  /// The topic with this address (Related Health Topics, the other-language twin).
  func entry(forURL url: String) -> Int?
  /// A line about an entry that its row has no room for (a search result's snippet), shown
  /// under the list for the selected one; nil for none.
  func detail(_ index: Int) -> String?
  /// True when entries may have details, so the index keeps a line for them.
  var hasDetails: Bool { get }
}

extension TopicCatalog {
  public func detail(_ index: Int) -> String? { nil }
  public var hasDetails: Bool { false }
}

/// One topic in the index.
public struct TopicCatalogEntry: Hashable, Sendable {
  public var title: String
  public var alsoCalled: [String]
  /// "en", "es", or nil.
  public var language: String?

  public init(title: String, alsoCalled: [String], language: String?) {
    self.title = title
    self.alsoCalled = alsoCalled
    self.language = language
  }
}

/// A search result: which topic, and which of its names matched where.
public struct TopicCatalogHit: Hashable, Sendable {
  public var entry: Int
  /// The title or the also-called name that matched.
  public var matched: String
  /// The match within `matched`, in characters.
  public var matchStart: Int
  public var matchLength: Int

  public init(entry: Int, matched: String, matchStart: Int, matchLength: Int) {
    self.entry = entry
    self.matched = matched
    self.matchStart = matchStart
    self.matchLength = matchLength
  }
}

/// Which languages the index lists.
public enum LanguageChoice: String, CaseIterable, Hashable, Sendable {
  case english = "English"
  case spanish = "Spanish"
  case both = "Both"

  /// The next choice, for Tab.
  public var next: LanguageChoice {
    switch self {
    case .english: .spanish
    case .spanish: .both
    case .both: .english
    }
  }
}
