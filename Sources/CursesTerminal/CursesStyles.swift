import BrowserCore
import CNcursesw

/// A theme turned into ncurses attributes and colour pairs, one pair per distinct
/// (foreground, background), allocated once when the terminal opens.
struct CursesStyles {
  private var table: [StyleRole: (attr_t, Int16)] = [:]

  /// `environment` is consulted for NO_COLOR (set and non-empty: attributes only).
  init(theme: Theme, environment: [String: String]) {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let colors = !noColor && has_colors() && start_color() == medterm_ok()
    if colors { use_default_colors() }
    let count = colors ? Int(medterm_colors()) : 0
    let adapted = theme.adapted(colorCount: count, environment: environment)
    var pairs: [PairKey: Int16] = [:]
    for role in StyleRole.allCases {
      let style = adapted.style(for: role)
      let attributes = Self.attributes(style.attributes)
      var pair: Int16 = 0
      if colors {
        let key = PairKey(
          foreground: Int16(style.foreground?.paletteIndex ?? -1),
          background: Int16(style.background?.paletteIndex ?? -1))
        if key.foreground != -1 || key.background != -1 {
          if let existing = pairs[key] {
            pair = existing
          } else if pairs.count + 1 < Int(medterm_color_pairs()) {
            pair = Int16(pairs.count + 1)
            init_pair(pair, key.foreground, key.background)
            pairs[key] = pair
          }
        }
      }
      table[role] = (attributes, pair)
    }
  }

  func attributes(for role: StyleRole) -> (attr_t, Int16) {
    table[role] ?? (medterm_a_normal(), 0)
  }

  private struct PairKey: Hashable {
    var foreground: Int16
    var background: Int16
  }

  private static func attributes(_ set: TextAttribute) -> attr_t {
    var value = medterm_a_normal()
    if set.contains(.bold) { value |= medterm_a_bold() }
    if set.contains(.dim) { value |= medterm_a_dim() }
    if set.contains(.italic) { value |= medterm_a_italic() }
    if set.contains(.underline) { value |= medterm_a_underline() }
    if set.contains(.reverse) { value |= medterm_a_reverse() }
    if set.contains(.standout) { value |= medterm_a_standout() }
    if set.contains(.blink) { value |= medterm_a_blink() }
    return value
  }
}
