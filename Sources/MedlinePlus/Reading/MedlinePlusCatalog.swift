/// What MedlinePlus topic pages have in common: the six fixed menu groups, the categories
/// they list with their stable `#cat_NN` anchors (the same on every topic page, so a link
/// to one lands whatever the page), and the sections no menu names.
public enum MedlinePlusCatalog {
  /// A menu category and where the page puts it.
  public struct Category: Sendable {
    public let title: String
    public let anchor: String
    public let group: String
  }

  /// The menu groups in page order.
  public static let groups = [
    "Basics", "Learn More", "See, Play and Learn", "Research", "Resources", "For You",
  ]

  /// Every known category, in page order. Anchors for Images, Health Check Tools and Men
  /// were not observed on real pages; they get slugs of their own.
  public static let categories: [Category] = [
    Category(title: "Summary", anchor: "summary", group: "Basics"),
    Category(title: "Start Here", anchor: "cat_51", group: "Basics"),
    Category(title: "Symptoms", anchor: "cat_95", group: "Basics"),
    Category(title: "Diagnosis and Tests", anchor: "cat_92", group: "Basics"),
    Category(title: "Prevention and Risk Factors", anchor: "cat_93", group: "Basics"),
    Category(title: "Treatments and Therapies", anchor: "cat_78", group: "Basics"),
    Category(title: "Learn More", anchor: "learn-more", group: "Learn More"),
    Category(title: "Living With", anchor: "cat_77", group: "Learn More"),
    Category(title: "Related Issues", anchor: "cat_47", group: "Learn More"),
    Category(title: "Specifics", anchor: "cat_42", group: "Learn More"),
    Category(title: "Genetics", anchor: "cat_46", group: "Learn More"),
    Category(title: "Videos and Tutorials", anchor: "cat_94", group: "See, Play and Learn"),
    Category(title: "Images", anchor: "images", group: "See, Play and Learn"),
    Category(
      title: "Health Check Tools", anchor: "health-check-tools", group: "See, Play and Learn"),
    Category(title: "Test Your Knowledge", anchor: "cat_65", group: "See, Play and Learn"),
    Category(title: "Statistics and Research", anchor: "cat_79", group: "Research"),
    Category(title: "Clinical Trials", anchor: "cat_27", group: "Research"),
    Category(title: "Journal Articles", anchor: "cat_59", group: "Research"),
    Category(title: "Reference Desk", anchor: "cat_82", group: "Resources"),
    Category(title: "Find an Expert", anchor: "cat_83", group: "Resources"),
    Category(title: "Children", anchor: "cat_8", group: "For You"),
    Category(title: "Teenagers", anchor: "cat_24", group: "For You"),
    Category(title: "Men", anchor: "men", group: "For You"),
    Category(title: "Women", anchor: "cat_7", group: "For You"),
    Category(title: "Older Adults", anchor: "cat_23", group: "For You"),
    Category(title: "Patient Handouts", anchor: "cat_69", group: "For You"),
  ]

  /// The category titles, for matching headings.
  static let categoryTitles = categories.map(\.title)

  /// Sections of a topic page that no menu entry names, in page order.
  public static let unnamedSections = [
    "Topic Image", "Medical Encyclopedia", "Related Health Topics",
    "National Institutes of Health", "Other Languages",
  ]

  /// Headings of site chrome inside the article: dropped with everything under them.
  static let chromeSections: Set<String> = [
    "stay connected", "disclaimers", "learn how to cite this page", "return to top",
  ]

  /// Sections whose lists are lists of resource links.
  static let resourceSections: Set<String> = Set(
    categories.filter { $0.title != "Summary" }.map { $0.title.lowercased() }
      + ["medical encyclopedia", "related health topics"])

  private static let byTitle: [String: Category] = Dictionary(
    categories.map { ($0.title.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

  /// The category with this title, ignoring case.
  public static func category(titled title: String) -> Category? {
    byTitle[title.lowercased()]
  }

  /// The category with this anchor (`cat_51`).
  public static func category(anchor: String) -> Category? {
    categories.first { $0.anchor == anchor }
  }

  /// The display name of a section heading: MedlinePlus prints "MEDICAL ENCYCLOPEDIA".
  static func displayTitle(_ heading: String) -> String {
    let letters = heading.filter(\.isLetter)
    guard letters.count > 3, letters.allSatisfy(\.isUppercase) else { return heading }
    let small: Set<String> = ["of", "and", "the", "for", "in", "on", "a", "an", "to"]
    return heading.split(separator: " ").enumerated().map { offset, word in
      let lower = word.lowercased()
      if offset > 0 && small.contains(lower) { return lower }
      return lower.prefix(1).uppercased() + lower.dropFirst()
    }.joined(separator: " ")
  }
}
