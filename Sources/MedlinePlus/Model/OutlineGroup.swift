/// A group of the "On this page" menu ("Basics", "Learn More", …) with its entries.
public struct OutlineGroup: Hashable, Sendable {
  /// What the group is: for MedlinePlus's six menu groups their English title ("Basics")
  /// whatever the page's language, so a topic page is recognised by its groups in any
  /// language (`MedlinePlusCatalog.groups`); for other pages the heading itself.
  public var title: String
  /// The group label as the page shows it ("Lo básico" on a Spanish page); the title unless
  /// the page words it differently.
  public var label: String
  /// The entries; empty when the page shows "No links available" for the group.
  public var entries: [OutlineEntry]

  public init(title: String, label: String? = nil, entries: [OutlineEntry] = []) {
    self.title = title
    self.label = label ?? title
    self.entries = entries
  }

  /// True when the page shows "No links available" for this group.
  public var hasNoLinks: Bool { entries.isEmpty }
}

/// One entry of the outline, pointing at a section.
public struct OutlineEntry: Hashable, Sendable {
  /// The entry label ("Start Here").
  public var title: String
  /// The index of the section it points at, when that section exists in the page.
  public var section: Int?
  /// Nesting depth below the group (0 for MedlinePlus menus; heading depth for other pages).
  public var depth: Int

  public init(title: String, section: Int?, depth: Int = 0) {
    self.title = title
    self.section = section
    self.depth = depth
  }
}
