/// What `set NAME VALUE` lines choose.
public struct Settings: Equatable, Sendable {
  /// The pager command (as `$PAGER` would hold it), or nil for `$MEDTERM_PAGER`/`$PAGER`.
  public var pager: String?
  /// A theme name or path, or nil for the default.
  public var theme: String?
  /// How Enter and `o` open a page that is not a topic page: in the pager, or here.
  public var open: OpeningMode = .pager
  /// The docked sidebar's width in cells, or nil to fit the page's menu.
  public var sidebarWidth: Int?
  public var mouse = false
  public var ascii = false
  /// The MedlinePlus search service's and Connect's addresses, or nil for their own
  /// (`$MEDTERM_SEARCH_URL` and `$MEDTERM_CONNECT_URL` win over these).
  public var searchURL: String?
  public var connectURL: String?

  public init() {}

  /// Every setting, in the order `--dump-config` writes them.
  public static let names = [
    "pager", "theme", "open", "sidebar-width", "mouse", "ascii", "search-url", "connect-url",
  ]

  /// Sets one; the message says what is wrong with the value.
  mutating func set(_ name: String, _ value: String) -> String? {
    switch name {
    case "pager":
      guard !value.isEmpty else { return "set pager needs a command (less -R)" }
      pager = value == "default" ? nil : value
    case "theme":
      guard !value.isEmpty else { return "set theme needs a name or a path" }
      theme = value == "default" ? nil : value
    case "open":
      switch value {
      case "pager": open = .pager
      case "here": open = .here
      default: return "set open takes pager or here, not \u{201C}\(value)\u{201D}"
      }
    case "sidebar-width":
      if value == "auto" {
        sidebarWidth = nil
      } else if let cells = Int(value), (10...80).contains(cells) {
        sidebarWidth = cells
      } else {
        return "set sidebar-width takes auto or 10 to 80 cells, not \u{201C}\(value)\u{201D}"
      }
    case "mouse", "ascii":
      guard let flag = Self.flag(value) else {
        return "set \(name) takes on or off, not \u{201C}\(value)\u{201D}"
      }
      if name == "mouse" { mouse = flag } else { ascii = flag }
    case "search-url", "connect-url":
      let lower = value.lowercased()
      guard value == "default" || lower.hasPrefix("http://") || lower.hasPrefix("https://"),
        !value.contains(" ")
      else {
        return "set \(name) takes default or an http(s) address, not \u{201C}\(value)\u{201D}"
      }
      let address = value == "default" ? nil : value
      if name == "search-url" { searchURL = address } else { connectURL = address }
    default:
      return "no setting \u{201C}\(name)\u{201D} (there are: \(Self.names.joined(separator: ", ")))"
    }
    return nil
  }

  private static func flag(_ value: String) -> Bool? {
    switch value.lowercased() {
    case "on", "yes", "true", "1": true
    case "off", "no", "false", "0": false
    default: nil
    }
  }

  /// The value as a `set` line writes it.
  func value(of name: String) -> String {
    switch name {
    case "pager": pager ?? "default"
    case "theme": theme ?? "default"
    case "open": open == .here ? "here" : "pager"
    case "sidebar-width": sidebarWidth.map(String.init) ?? "auto"
    case "mouse": mouse ? "on" : "off"
    case "ascii": ascii ? "on" : "off"
    case "search-url": searchURL ?? "default"
    case "connect-url": connectURL ?? "default"
    default: ""
    }
  }
}
