/// The kinds of screen medterm shows. The command table names the kinds each binding applies
/// to, a config file's `bind VIEW KEY COMMAND` names one, and the help screen lists the keys
/// of the kind on screen before the ones that work everywhere.
public enum ViewKind: String, CaseIterable, Hashable, Sendable {
  /// A page with its sidebar.
  case page
  /// A text medterm shows by itself: a card, link information, a text without a pager.
  case text
  /// A library's topic index.
  case index
  /// A line typed on the status line: search, go to, a bookmark's name, a file name.
  case prompt
  /// The keys.
  case help
  /// A page on its way.
  case loading
  /// The pages visited.
  case history
  /// The bookmarks.
  case bookmarks
  /// Warnings from the theme, the config file and the state files.
  case messages

  /// The name the help screen gives it.
  public var title: String {
    switch self {
    case .page: "Page"
    case .text: "Text"
    case .index: "Topic index"
    case .prompt: "Prompts"
    case .help: "Help"
    case .loading: "Loading"
    case .history: "History"
    case .bookmarks: "Bookmarks"
    case .messages: "Messages"
    }
  }
}
