/// The topic index of a library: a query typed so far (in the one line editor), its hits, a
/// cursor over them. Typing narrows the list at once (search as you type).
public struct IndexState {
  public let catalog: TopicCatalog
  public private(set) var editor = LineEditor()
  public private(set) var languages: LanguageChoice
  public private(set) var hits: [TopicCatalogHit]
  /// The selected hit.
  public private(set) var selected = 0
  /// The first hit on screen.
  public private(set) var top = 0
  public private(set) var width: Int
  public private(set) var height: Int
  public let glyphs: Glyphs
  /// A one-shot message for the status line.
  public private(set) var message: String?
  /// A standing note for the header (a library file that breaks off).
  public var warning: String?

  public init(
    catalog: TopicCatalog, width: Int, height: Int, languages: LanguageChoice = .english,
    glyphs: Glyphs = .unicode
  ) {
    self.catalog = catalog
    self.width = width
    self.height = height
    self.languages = languages
    self.glyphs = glyphs
    hits = catalog.search("", languages: languages)
  }

  /// The query typed so far.
  public var query: String { editor.text }

  /// Rows available for hits (header, search line, rule above; status line below, and the
  /// selected entry's detail above it when the catalog has details).
  public var listHeight: Int { max(1, height - 4 - (showsDetail ? 1 : 0)) }

  /// True when a line above the status line shows the selected entry's detail.
  public var showsDetail: Bool { catalog.hasDetails && height >= 8 }

  public mutating func resize(width: Int, height: Int) {
    self.width = width
    self.height = height
    reveal()
  }

  /// Shows a message on the status line until the next key.
  public mutating func say(_ text: String?) {
    message = text
  }

  /// Shows a message on the status line until the next key (nil clears it).
  public mutating func clearMessage() {
    message = nil
  }

  /// Edits the query; the list follows at once. False when nothing changed.
  public mutating func edit(_ command: Command, key: Key? = nil) -> Bool {
    let before = editor.text
    guard editor.apply(command, key: key) else { return false }
    if editor.text != before { refilter() }
    return true
  }

  /// Clears the query; false when it was empty already.
  public mutating func clearQuery() -> Bool {
    guard !editor.isEmpty else { return false }
    editor.set("")
    refilter()
    return true
  }

  /// Tab: English, Spanish, both.
  public mutating func cycleLanguage(backward: Bool) {
    languages = backward ? languages.next.next : languages.next
    refilter()
  }

  /// The selected hit's topic.
  public var selectedEntry: Int? {
    hits.indices.contains(selected) ? hits[selected].entry : nil
  }

  private mutating func refilter() {
    hits = catalog.search(query, languages: languages)
    selected = 0
    top = 0
  }

  /// Lists the catalog again after it grew (more results came), keeping the selection.
  public mutating func catalogGrew() {
    hits = catalog.search(query, languages: languages)
    selected = min(selected, max(0, hits.count - 1))
    reveal()
  }

  /// Moves the cursor over the hits; false at an end.
  public mutating func move(by steps: Int) -> Bool {
    guard !hits.isEmpty else { return false }
    let target = min(max(0, selected + steps), hits.count - 1)
    guard target != selected else { return false }
    selected = target
    reveal()
    return true
  }

  private mutating func reveal() {
    if selected < top { top = selected }
    if selected >= top + listHeight { top = selected - listHeight + 1 }
    top = max(0, min(top, max(0, hits.count - listHeight)))
  }
}
