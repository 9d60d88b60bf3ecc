/// A named table of styles by role. The screen asks `style(for:)`; the terminal layer turns
/// the answer into a colour pair and attributes, after `adapted(colorCount:environment:)` has
/// fitted the theme to what the terminal can show.
///
/// Resolution: a role the table does not set is drawn exactly as its parent role is
/// (recursively, up to `normal`, which defaults to `Style.plain`). A role that is set uses
/// its own attributes, and its own colours where they are not nil, the parent's resolved
/// colours where they are. Theme files always set both colours, so in practice nil colours
/// only come from code.
public struct Theme: Hashable, Sendable {
  public var name: String
  /// The styles set by the theme; roles absent here fall back to their parent.
  public var styles: [StyleRole: Style]

  public init(name: String, styles: [StyleRole: Style] = [:]) {
    self.name = name
    self.styles = styles
  }

  /// The roles that show where the user is: they must stay visible without colours.
  public static let selectionRoles: [StyleRole] = [
    .linkSelected, .sidebarSelected, .match, .statusBar, .prompt,
  ]

  /// The style to draw a role with; both colours are non-nil.
  public func style(for role: StyleRole) -> Style {
    let inherited = role.parent.map { style(for: $0) } ?? .plain
    guard let own = styles[role] else { return inherited }
    return Style(
      foreground: own.foreground ?? inherited.foreground ?? .default,
      background: own.background ?? inherited.background ?? .default,
      attributes: own.attributes)
  }

  /// The theme without colours, for `NO_COLOR` and monochrome terminals: every role set to
  /// its resolved attributes on the terminal's own colours.
  ///
  /// A selection role that would then look like its surroundings gets `reverse`, and so does
  /// a role drawn inside one (`status-message` on the status bar). `match` gets bold and
  /// underline instead, so a hit inside a reversed selected link still shows.
  public func withoutColors() -> Theme {
    var stripped = Theme(name: name)
    for (role, style) in styles {
      stripped.styles[role] = Style(
        foreground: .default, background: .default, attributes: style.attributes)
    }
    // Parents before children, so an unset child inherits its parent's repair.
    for role in StyleRole.allCases.sorted(by: { $0.depth < $1.depth }) {
      var style = stripped.style(for: role)
      let missing = Self.visibilityAttributes(for: role, having: style.attributes)
      if !missing.isEmpty {
        style.attributes.formUnion(missing)
        stripped.styles[role] = style
      }
    }
    var result = Theme(name: name)
    for role in StyleRole.allCases {
      result.styles[role] = stripped.style(for: role)
    }
    return result
  }

  /// The theme fitted to a terminal with `colorCount` colours (terminfo `colors`): fewer than
  /// 8 is `withoutColors()`; 8 to 255 maps each colour with `TerminalColor.fallback`; 256 or
  /// more is the theme unchanged.
  ///
  /// When the fallback gives the foreground the background's colour, the foreground becomes
  /// black or white, whichever reads on that background.
  public func adapted(colorCount: Int) -> Theme {
    if colorCount >= 256 { return self }
    if colorCount < 8 { return withoutColors() }
    var result = Theme(name: name)
    for role in StyleRole.allCases {
      var style = style(for: role)
      let foreground = (style.foreground ?? .default).fallback(colorCount: colorCount)
      let background = (style.background ?? .default).fallback(colorCount: colorCount)
      style.background = background
      if foreground == background, foreground != .default, style.foreground != style.background {
        style.foreground = background.isLight ? .black : .white
      } else {
        style.foreground = foreground
      }
      result.styles[role] = style
    }
    return result
  }

  /// `adapted(colorCount:)`, honouring `NO_COLOR` (set and not empty: no colours at all).
  public func adapted(colorCount: Int, environment: [String: String]) -> Theme {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    return adapted(colorCount: noColor ? 0 : colorCount)
  }

  /// True when some role has a colour other than the terminal's own.
  public var usesColors: Bool {
    StyleRole.allCases.contains { role in
      let style = style(for: role)
      return style.foreground != .default || style.background != .default
    }
  }

  /// What a role must add to stay visible without colours; empty when it already is.
  private static func visibilityAttributes(
    for role: StyleRole, having attributes: TextAttribute
  ) -> TextAttribute {
    guard attributes.isDisjoint(with: [.reverse, .standout]) else { return [] }
    if role == .match {
      return attributes.isSuperset(of: [.bold, .underline]) ? [] : [.bold, .underline]
    }
    let isInSelection = sequence(first: role, next: \.parent).contains {
      $0 != .match && selectionRoles.contains($0)
    }
    return isInSelection ? .reverse : []
  }
}

extension StyleRole {
  /// How many parents the role has (`normal` has none).
  fileprivate var depth: Int {
    var depth = 0
    var ancestor = parent
    while let role = ancestor {
      depth += 1
      ancestor = role.parent
    }
    return depth
  }
}
