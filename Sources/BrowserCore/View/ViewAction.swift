import MedlinePlus

/// What a view asks of the session after a command.
public indirect enum ViewAction {
  /// Done; the screen shows the change.
  case done
  /// The key does nothing in this view: the status line says so (`? for help`), as less
  /// does.
  case unhandled
  /// Refused; the view has said why on its status line.
  case bell
  /// Close this view (the one below shows again; the last one quits).
  case close
  /// Quit medterm.
  case quit
  /// Open a view over this one.
  case push(any View)
  /// Close this view and open another in its place.
  case replace(any View)
  /// Close this view, then do something in the one below (a prompt's answer).
  case closeThen(ViewAction)
  /// Work that must wait until the actions before it are done (a load's result, shown once
  /// the loading view has closed).
  case later(() -> ViewAction)
  /// Something only the session can do (load, the pager, the clipboard, history).
  case request(SessionRequest)
}

/// How a link or an address is to be opened.
public enum OpeningMode: Hashable, Sendable {
  /// Topic pages inside medterm, anything else as `set open` says (the pager by default).
  case standard
  /// Inside medterm, as a page with its sidebar.
  case here
  /// In the pager, as readable text.
  case pager
}

/// The things views cannot do by themselves.
public enum SessionRequest {
  /// Open link `index` of a page view's page.
  case openLink(index: Int, mode: OpeningMode)
  /// Open an address typed or picked from a list.
  case open(address: String, mode: OpeningMode)
  /// Open topic `entry` of a catalog (the library, or a service's results).
  case openTopic(entry: Int, catalog: TopicCatalog)
  /// Ask the MedlinePlus search service for these words (nil: ask for them first), in a
  /// language (nil: the page's).
  case searchMedlinePlus(String?, language: ServiceLanguage? = nil)
  /// The next page of a search's results, as the reader reaches the end of those listed.
  case moreResults(ServiceResultsCatalog)
  /// All links of the page, in the pager.
  case listLinks(Page)
  /// A text for the pager (a short one, or with no pager, medterm shows it itself).
  case showText(PagerText)
  /// Put text on the clipboard (OSC 52).
  case copy(String)
  /// ← and →.
  case back
  case forward
  /// Run a command in the view on top (after a prompt closed: `g g` runs `top`).
  case run(Command)
  case repaint
}
