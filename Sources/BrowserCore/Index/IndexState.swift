/// The topic index of a library: a query typed so far, its hits, a cursor over them. Every
/// printable key types into the query (search as you type); arrows move; Enter opens; Tab
/// cycles the language; Esc clears the query, and on an empty query leaves.
public struct IndexState {
  public enum Effect: Equatable {
    case none
    case bell
    case open(entry: Int)
    case quit
  }

  public let catalog: TopicCatalog
  public private(set) var query = ""
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

  /// Rows available for hits (header, search line, rule above; status line below).
  public var listHeight: Int { max(1, height - 4) }

  public mutating func resize(width: Int, height: Int) {
    self.width = width
    self.height = height
    reveal()
  }

  /// Shows a message on the status line until the next key.
  public mutating func say(_ text: String) {
    message = text
  }

  public mutating func handle(_ key: Key) -> Effect {
    message = nil
    switch key {
    case .character(let character):
      query.append(character)
      refilter()
    case .backspace, .control("h"):
      guard !query.isEmpty else { return .bell }
      query.removeLast()
      refilter()
    case .control("u"):
      query = ""
      refilter()
    case .control("w"):
      // Delete the last word, as a shell line editor does.
      while query.last == " " { query.removeLast() }
      while let last = query.last, last != " " { query.removeLast() }
      refilter()
    case .escape, .control("g"):
      guard !query.isEmpty else { return .quit }
      query = ""
      refilter()
    case .tab, .backTab:
      languages = key == .tab ? languages.next : languages.next.next
      refilter()
    case .down, .control("n"): return move(by: 1)
    case .up, .control("p"): return move(by: -1)
    case .pageDown: return move(by: listHeight)
    case .pageUp: return move(by: -listHeight)
    case .home: return move(by: -hits.count)
    case .end: return move(by: hits.count)
    case .enter, .right:
      guard hits.indices.contains(selected) else { return .bell }
      return .open(entry: hits[selected].entry)
    case .resize, .control("l"):
      return .none
    case .control("c"), .control("d"):
      return .quit
    default:
      return .bell
    }
    return .none
  }

  private mutating func refilter() {
    hits = catalog.search(query, languages: languages)
    selected = 0
    top = 0
  }

  private mutating func move(by steps: Int) -> Effect {
    guard !hits.isEmpty else { return .bell }
    let target = min(max(0, selected + steps), hits.count - 1)
    guard target != selected else { return .bell }
    selected = target
    reveal()
    return .none
  }

  private mutating func reveal() {
    if selected < top { top = selected }
    if selected >= top + listHeight { top = selected - listHeight + 1 }
    top = max(0, min(top, max(0, hits.count - listHeight)))
  }
}
