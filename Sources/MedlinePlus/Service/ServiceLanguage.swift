/// The language of MedlinePlus pages a service is asked for.
public enum ServiceLanguage: String, CaseIterable, Hashable, Sendable {
  case english = "en"
  case spanish = "es"

  /// `en`, `es`, and the names people type (`english`, `spanish`, `español`), any case.
  public init?(code: String) {
    switch code.lowercased() {
    case "en", "eng", "english": self = .english
    case "es", "spa", "spanish", "español", "espanol": self = .spanish
    default: return nil
    }
  }

  /// The other one, for Tab.
  public var other: ServiceLanguage { self == .english ? .spanish : .english }

  public var name: String { self == .english ? "English" : "Spanish" }
}
