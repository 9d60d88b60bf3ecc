/// Everything a user can ask the browser to do: the closed set behind the key map, the help
/// screen, the status-line hints, the config file's `bind` lines and the README's key tables.
/// The raw value is the name a config file uses (`bind page x open-here`).
public enum Command: String, CaseIterable, Hashable, Sendable {
  // Moving through a text or a list.
  case lineDown = "line-down"
  case lineUp = "line-up"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case halfPageDown = "half-page-down"
  case halfPageUp = "half-page-up"
  case top
  case bottom
  case goToPercent = "go-to-percent"
  case scrollRight = "scroll-right"
  case scrollLeft = "scroll-left"
  case setMark = "set-mark"
  case goToMark = "go-to-mark"

  // Sections and the sidebar.
  case nextSection = "next-section"
  case previousSection = "previous-section"
  case toggleFocus = "toggle-focus"
  case activate
  case toggleSidebar = "toggle-sidebar"

  // Links.
  case linkNumber = "link-number"
  case nextLink = "next-link"
  case previousLink = "previous-link"
  case openLink = "open-link"
  case openHere = "open-here"
  case openInPager = "open-in-pager"
  case listLinks = "list-links"
  case copyLink = "copy-link"
  case otherLanguage = "other-language"
  case linkInfo = "link-info"

  // Searching the text.
  case searchForward = "search"
  case searchBackward = "search-backward"
  case nextMatch = "next-match"
  case previousMatch = "previous-match"

  // The browser around the page.
  case goTo = "go-to"
  case searchMedlinePlus = "search-medlineplus"
  case back
  case forward
  case history
  case bookmarks
  case addBookmark = "add-bookmark"
  case save
  case messages
  case toggleFullPage = "toggle-full-page"

  // Lists (history, bookmarks).
  case deleteEntry = "delete-entry"
  case renameEntry = "rename-entry"

  // The topic index.
  case cycleLanguage = "cycle-language"

  // The line editor (every prompt, and the topic index's query).
  case insert
  case cursorLeft = "cursor-left"
  case cursorRight = "cursor-right"
  case lineStart = "line-start"
  case lineEnd = "line-end"
  case deleteBackward = "delete-backward"
  case deleteForward = "delete-forward"
  case deleteWord = "delete-word"
  case deleteToStart = "delete-to-start"
  case deleteToEnd = "delete-to-end"
  case historyPrevious = "history-previous"
  case historyNext = "history-next"
  case complete
  case submit

  // Everywhere.
  case help
  case redraw
  case close
  case cancel
  case quit

  /// The command a config file names, or nil.
  public init?(configName: String) {
    self.init(rawValue: configName)
  }
}
