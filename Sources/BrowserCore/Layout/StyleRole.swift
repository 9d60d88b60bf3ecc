/// What a piece of the screen is, so a theme can give it a colour. The closed set of roles a
/// theme file can name; a role not set falls back to its `parent`.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
  case normal
  case title
  case alsoCalled = "also-called"
  case heading
  case subheading
  case link
  case linkSelected = "link-selected"
  case linkNumber = "link-number"
  case badge
  case organization
  case attribution
  case quote
  case code
  case tableBorder = "table-border"
  case tableHeader = "table-header"
  case sidebar
  case sidebarGroup = "sidebar-group"
  case sidebarItem = "sidebar-item"
  case sidebarSelected = "sidebar-selected"
  case sidebarCurrent = "sidebar-current"
  case sidebarEmpty = "sidebar-empty"
  case border
  case statusBar = "status-bar"
  case statusMessage = "status-message"
  case prompt
  case match
  case dim
  case emphasis
  case strong
  case help

  /// The role whose style applies when this one is not set.
  public var parent: StyleRole? {
    switch self {
    case .normal: nil
    case .title, .heading, .strong, .tableHeader: .normal
    case .subheading: .heading
    case .alsoCalled, .attribution, .organization, .dim, .sidebarEmpty: .normal
    case .link, .badge, .quote, .code, .emphasis, .match: .normal
    case .linkSelected: .link
    case .linkNumber: .link
    case .tableBorder, .border: .dim
    case .sidebar: .normal
    case .sidebarGroup, .sidebarItem: .sidebar
    case .sidebarSelected, .sidebarCurrent: .sidebarItem
    case .statusBar: .normal
    case .statusMessage, .prompt: .statusBar
    case .help: .normal
    }
  }
}
