import MedlinePlus

/// The sidebar's rows: the page's own "On this page" groups and entries, exactly as the page
/// has them, then a last group for the sections no menu names, so every section can be
/// reached. Group titles and "No links available" are shown but cannot be selected.
public struct SidebarModel: Sendable, Hashable {
  public enum RowKind: Sendable, Hashable {
    case group
    case entry(section: Int)
    /// An entry whose section is missing from this copy of the page.
    case missingEntry
    case noLinks
  }

  public struct Row: Sendable, Hashable {
    public var title: String
    public var kind: RowKind
    public var depth: Int
    /// 1 for the first entry with this title, 2 for the next one, and so on: the sidebar
    /// numbers the later ones so that no two entries read alike.
    public var occurrence = 1

    /// The section a selectable row goes to.
    public var section: Int? {
      if case .entry(let section) = kind { return section }
      return nil
    }
  }

  /// The label of the last group, holding sections outside the page's menu (on an English
  /// page; `MenuWording` has the others).
  public static let moreGroupTitle = MenuWording.english.moreOnThisPage
  public static let noLinksLabel = MenuWording.english.noLinksAvailable
  /// The title the outline of an ordinary page has (its headings).
  public static let contentsTitle = "Contents"

  public let rows: [Row]
  /// The label above the rows: the menu's own ("On this page", "En esta página"), or
  /// "Contents" for the outline of an ordinary page's headings.
  public let heading: String

  public init(page: Page) {
    var rows: [Row] = []
    let wording = page.menuWording
    // A page with one heading outline has no groups of its own: the sidebar's label says
    // "Contents", so a group row saying it again would only take space.
    let single = page.outline.count == 1 && page.outline[0].title == Self.contentsTitle
    heading = single ? Self.contentsTitle : wording.onThisPage
    for group in page.outline {
      if !single { rows.append(Row(title: group.label, kind: .group, depth: 0)) }
      if group.hasNoLinks {
        rows.append(Row(title: wording.noLinksAvailable, kind: .noLinks, depth: 1))
      }
      for entry in group.entries {
        let kind = entry.section.map(RowKind.entry) ?? .missingEntry
        rows.append(Row(title: entry.title, kind: kind, depth: 1 + entry.depth))
      }
    }
    let unnamed = page.sectionsOutsideOutline
    if !unnamed.isEmpty {
      rows.append(Row(title: wording.moreOnThisPage, kind: .group, depth: 0))
      for section in unnamed {
        rows.append(
          Row(title: page.sections[section].title, kind: .entry(section: section), depth: 1))
      }
    }
    var seen: [String: Int] = [:]
    for index in rows.indices where rows[index].kind != .group {
      let count = seen[rows[index].title, default: 0] + 1
      seen[rows[index].title] = count
      rows[index].occurrence = count
    }
    self.rows = rows
  }

  /// The cells the longest row needs, with its marker and indent.
  public var preferredWidth: Int {
    rows.map { DisplayWidth.of($0.title) + 2 * max(1, $0.depth) + 1 }.max() ?? 18
  }

  /// Indices of rows that can be selected, in order.
  public var selectableRows: [Int] {
    rows.indices.filter { rows[$0].section != nil }
  }

  /// The row that leads to a section (the first one, when the menu names it twice).
  public func row(forSection section: Int) -> Int? {
    rows.firstIndex { $0.section == section }
  }
}
