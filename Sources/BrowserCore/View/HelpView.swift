/// `?`: the keys of the view below, then the ones that work everywhere, in a box over that
/// view. It scrolls when taller than the screen; any other key closes it.
public final class HelpView: View {
  public let kind = ViewKind.help
  public let isOpaque = false
  /// The kind of view the help is about.
  public let subject: ViewKind
  private let lines: [HelpContent.Line]
  /// The first row shown.
  public private(set) var top = 0

  public init(for subject: ViewKind, keymap: Keymap, glyphs: Glyphs) {
    self.subject = subject
    lines = HelpContent.lines(for: subject, keymap: keymap, glyphs: glyphs)
  }

  private func overlay(_ context: ViewContext) -> HelpOverlay {
    HelpOverlay(
      lines: lines, title: "Keys: \(subject.title)", width: context.size.width,
      height: context.size.height, glyphs: context.glyphs)
  }

  public func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction {
    let help = overlay(context)
    let page = max(1, help.visibleRows - 1)
    // Scrolling stops at the help's last row: past it, k would seem not to work.
    top = min(top, help.maximumTop)
    switch command {
    case .lineDown: top = min(top + 1, help.maximumTop)
    case .lineUp: top = max(0, top - 1)
    case .pageDown: top = min(top + page, help.maximumTop)
    case .pageUp: top = max(0, top - page)
    case .top: top = 0
    case .bottom: top = help.maximumTop
    default: return .close
    }
    return .done
  }

  public func compose(into screen: inout ScreenBuffer, context: ViewContext) {
    overlay(context).draw(top: top, on: &screen)
  }

  public func resize(to size: TerminalSize) {}

  public func say(_ message: String?) {}
}
