/// Everything a user can ask the browser to do. The closed set behind the key map, the help
/// screen and the README's key table (a test keeps the three in sync).
public enum Command: String, CaseIterable, Hashable, Sendable {
  case lineDown = "line-down"
  case lineUp = "line-up"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case halfPageDown = "half-page-down"
  case halfPageUp = "half-page-up"
  case top
  case bottom
  case toggleFocus = "toggle-focus"
  case activate
  case nextSection = "next-section"
  case previousSection = "previous-section"
  case toggleSidebar = "toggle-sidebar"
  case nextLink = "next-link"
  case previousLink = "previous-link"
  case openLink = "open-link"
  case listLinks = "list-links"
  case copyLink = "copy-link"
  case back
  case forward
  case searchForward = "search"
  case searchBackward = "search-backward"
  case nextMatch = "next-match"
  case previousMatch = "previous-match"
  case help
  case redraw
  case quit
}

/// One row of the command table: the keys that run a command and what it does.
public struct CommandBinding: Sendable {
  public let command: Command
  public let keys: [Key]
  public let summary: String
  public let group: String

  public init(_ command: Command, _ keys: [Key], _ summary: String, group: String) {
    self.command = command
    self.keys = keys
    self.summary = summary
    self.group = group
  }

  /// The keys as the help screen and README show them ("↓ j").
  public var keyLabels: String {
    keys.map(\.label).joined(separator: " ")
  }
}

extension Key {
  /// A short label for help and README tables.
  public var label: String {
    switch self {
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .control(let character): "Ctrl-" + character.uppercased()
    default: name
    }
  }
}

/// The command table: the single source of the key map, the help screen and the README.
public enum CommandTable {
  public static let bindings: [CommandBinding] = [
    CommandBinding(
      .lineDown, [.down, .character("j")], "next sidebar entry, or scroll down a line",
      group: "Move"),
    CommandBinding(
      .lineUp, [.up, .character("k")], "previous sidebar entry, or scroll up a line", group: "Move"),
    CommandBinding(
      .pageDown, [.pageDown, .character(" "), .character("f"), .control("f")], "page down",
      group: "Move"),
    CommandBinding(.pageUp, [.pageUp, .character("b"), .control("b")], "page up", group: "Move"),
    CommandBinding(.halfPageDown, [.control("d")], "half a page down", group: "Move"),
    CommandBinding(.halfPageUp, [.control("u")], "half a page up", group: "Move"),
    CommandBinding(
      .top, [.home, .character("g"), .character("<")], "top of the page", group: "Move"),
    CommandBinding(
      .bottom, [.end, .character("G"), .character(">")], "bottom of the page", group: "Move"),
    CommandBinding(.nextSection, [.character("]")], "next section", group: "Sections"),
    CommandBinding(.previousSection, [.character("[")], "previous section", group: "Sections"),
    CommandBinding(
      .toggleFocus, [.tab, .backTab], "switch between sidebar and content", group: "Sections"),
    CommandBinding(
      .activate, [.enter], "go to the selected section, or open the selected link",
      group: "Sections"),
    CommandBinding(
      .toggleSidebar, [.character("s")], "show or hide the sidebar", group: "Sections"),
    CommandBinding(.nextLink, [.character("}")], "select the next link", group: "Links"),
    CommandBinding(.previousLink, [.character("{")], "select the previous link", group: "Links"),
    CommandBinding(
      .openLink, [.character("o")],
      "open the selected link (a topic opens here, anything else in the pager)", group: "Links"),
    CommandBinding(
      .listLinks, [.character("L")], "all links of the page, in the pager", group: "Links"),
    CommandBinding(
      .copyLink, [.character("y")], "copy the selected link's address (OSC 52)", group: "Links"),
    CommandBinding(.back, [.left, .backspace], "back to the previous page", group: "Links"),
    CommandBinding(.forward, [.right], "forward again", group: "Links"),
    CommandBinding(.searchForward, [.character("/")], "search forward", group: "Search"),
    CommandBinding(.searchBackward, [.character("\\")], "search backward", group: "Search"),
    CommandBinding(.nextMatch, [.character("n")], "next match", group: "Search"),
    CommandBinding(.previousMatch, [.character("N")], "previous match", group: "Search"),
    CommandBinding(.help, [.character("?"), .function(1)], "this help", group: "Other"),
    CommandBinding(.redraw, [.control("l")], "repaint the screen", group: "Other"),
    CommandBinding(.quit, [.character("q"), .character("Q")], "quit", group: "Other"),
  ]

  /// The groups in the order the help screen shows them.
  public static var groups: [String] {
    var seen: [String] = []
    for binding in bindings where !seen.contains(binding.group) { seen.append(binding.group) }
    return seen
  }

  /// Key → command, built from the table.
  public static let keymap: [Key: Command] = {
    var map: [Key: Command] = [:]
    for binding in bindings {
      for key in binding.keys { map[key] = binding.command }
    }
    return map
  }()

  public static func binding(for command: Command) -> CommandBinding? {
    bindings.first { $0.command == command }
  }
}
