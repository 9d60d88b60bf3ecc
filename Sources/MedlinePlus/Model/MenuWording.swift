/// The words around a topic page's "On this page" menu, in the page's language: the menu's
/// label, its six group labels, "No links available", and the label of medterm's own last
/// group for the sections no menu names.
///
/// A group is known by its English title (`OutlineGroup.title`, `MedlinePlusCatalog.groups`)
/// whatever the page's language, so code that recognises a topic page by its groups works on
/// Spanish pages too; only what is shown comes from here.
public struct MenuWording: Sendable, Hashable {
  /// The menu's own label ("On this page").
  public let onThisPage: String
  /// medterm's last group, holding the sections no menu entry names.
  public let moreOnThisPage: String
  /// The single item of a group without entries.
  public let noLinksAvailable: String
  /// Group labels by the English group title; a group not listed shows its title.
  private let groupLabels: [String: String]

  public static let english = MenuWording(
    onThisPage: "On this page", moreOnThisPage: "More on this page",
    noLinksAvailable: "No links available", groupLabels: [:])

  /// The labels of MedlinePlus en español (medlineplus.gov/spanish/…). No Spanish page was
  /// captured for the corpus, so these follow the site's usage without a saved copy to check
  /// them against; "Más en esta página" is medterm's own, like its English original.
  public static let spanish = MenuWording(
    onThisPage: "En esta página", moreOnThisPage: "Más en esta página",
    noLinksAvailable: "No hay enlaces disponibles",
    groupLabels: [
      "Basics": "Lo básico",
      "Learn More": "Aprenda más",
      "See, Play and Learn": "Vea, juegue y aprenda",
      "Research": "Investigación",
      "Resources": "Recursos",
      "For You": "Para usted",
    ])

  /// The wording for a page language (BCP 47 tag such as `es` or `es-US`); English for any
  /// language MedlinePlus has no topic pages in.
  public static func forLanguage(_ tag: String?) -> MenuWording {
    guard let tag else { return .english }
    let primary = tag.lowercased().split(separator: "-").first ?? ""
    return primary == "es" ? .spanish : .english
  }

  /// The label the page shows for a group with this (English) title.
  public func label(forGroup title: String) -> String {
    groupLabels[title] ?? title
  }
}
