extension Page {
  /// True for a page with MedlinePlus's "On this page" groups: a topic page, which medterm
  /// browses with its sidebar instead of handing it to the pager. The one place that says
  /// so.
  public var isTopicPage: Bool {
    let groups = Set(outline.map(\.title))
    return groups.count >= 3 && groups.isSubset(of: Set(MedlinePlusCatalog.groups))
  }
}
