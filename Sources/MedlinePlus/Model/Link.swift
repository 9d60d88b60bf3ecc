/// A link of the page: a resource of a section list, a link inside text, or a "see more" link.
public struct Link: Hashable, Sendable {
  /// What role the link plays on the page.
  public enum Kind: String, Hashable, Sendable {
    /// An entry of a section's resource list (title, organizations, badges).
    case resource
    /// A link inside running text.
    case inline
    /// A "see more" link that closes a list ("Osteonecrosis -- see more articles").
    case more
  }

  public var title: String
  /// The address, when the source has one (the seed's text dump has none).
  public var url: String?
  /// The organizations that publish the linked page.
  public var organizations: [String]
  /// Badges such as NIH or Easy-to-Read, in the order the page shows them.
  public var badges: [Badge]
  /// True when the page offers the resource "Also in Spanish".
  public var alsoInSpanish: Bool
  /// The Spanish twin's address, when known.
  public var spanishURL: String?
  public var kind: Kind
  /// The index of the section that holds the link.
  public var section: Int?
  /// The language of the linked page (BCP 47, `es`) when the source says which: the
  /// other-language twin of a topic. Nil means unknown, not "same as the page".
  public var language: String?

  public init(
    title: String,
    url: String? = nil,
    organizations: [String] = [],
    badges: [Badge] = [],
    alsoInSpanish: Bool = false,
    spanishURL: String? = nil,
    kind: Kind = .resource,
    section: Int? = nil,
    language: String? = nil
  ) {
    self.title = title
    self.url = url
    self.organizations = organizations
    self.badges = badges
    self.alsoInSpanish = alsoInSpanish
    self.spanishURL = spanishURL
    self.kind = kind
    self.section = section
    self.language = language
  }
}

/// A standard description MedlinePlus attaches to a resource link.
public enum Badge: String, Hashable, Sendable, CaseIterable {
  case nih = "NIH"
  case video = "Video"
  case pdf = "PDF"
  case easyToRead = "Easy-to-Read"
  case interactiveTutorial = "Interactive Tutorial"
  case audio = "Audio"

  /// Recognises a badge from its page text, image alt text or XML `standard-description`.
  public init?(label: String) {
    let key = label.trimmingSpaces.lowercased()
    switch key {
    case "nih", "from the national institutes of health", "national institutes of health":
      self = .nih
    case "video", "videos": self = .video
    case "pdf": self = .pdf
    case "easy-to-read", "easy to read", "fácil de leer", "facil de leer": self = .easyToRead
    case "interactive tutorial", "tutorial interactivo": self = .interactiveTutorial
    case "audio": self = .audio
    default: return nil
    }
  }
}
