extension Theme {
  /// The text of `Themes/default.theme`, compiled in so medterm has its default theme with
  /// no files installed. A test keeps the two identical: edit the file, then copy it here.
  public static let defaultThemeText = """
    # medterm default theme.
    #
    # Only ANSI colours 0-7 and the terminal's own colours, on the terminal's own background, so
    # it looks the same on 8- and 16-colour terminals and stays readable on dark and light
    # backgrounds. Structure is carried by attributes (bold, underline, reverse), so the theme
    # still works with NO_COLOR. Format: Themes/README.md.

    name default

    # Text
    color normal            default default
    color dim               default default dim
    color emphasis          default default italic
    color strong            default default bold

    # Header line: the page title and its other names
    color title             default default bold
    color also-called       default default dim

    # Content: headings, links and what goes with them
    color heading           magenta default bold
    color subheading        default default bold
    color link              blue    default underline
    color link-selected     default default reverse bold
    color link-number       default default dim
    color badge             green   default bold
    color organization      default default dim
    color attribution       default default dim italic
    color quote             default default italic
    color code              red     default
    color table-border      default default dim
    color table-header      default default bold

    # Sidebar: the page's "On this page" menu
    color sidebar           default default
    color sidebar-group     default default bold
    color sidebar-item      default default
    color sidebar-selected  default default reverse
    color sidebar-current   magenta default bold
    color sidebar-empty     default default dim italic

    # Frame, status line and search
    color border            default default dim
    color status-bar        default default reverse
    color status-message    default default reverse bold
    color prompt            default default reverse bold
    color match             black   yellow  bold

    # Help overlay
    color help              default default

    """

  /// The default theme, parsed from `defaultThemeText`.
  public static let builtInDefault = ThemeParser.parse(defaultThemeText, file: "default.theme")
    .theme
}
