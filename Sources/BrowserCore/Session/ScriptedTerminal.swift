/// A terminal that plays a list of keys and keeps what was presented: `--dump-screen` and
/// session tests. A `.resize` key takes the next size from `resizes`.
public final class ScriptedTerminal: Terminal {
  public private(set) var size: TerminalSize
  public private(set) var screens: [ScreenBuffer] = []
  public private(set) var bells = 0
  private var keys: [Key]
  private var resizes: [TerminalSize]

  public init(size: TerminalSize, keys: [Key], resizes: [TerminalSize] = []) {
    self.size = size
    self.keys = keys
    self.resizes = resizes
  }

  public var inputEnded: Bool { keys.isEmpty }

  /// The last screen presented.
  public var lastScreen: ScreenBuffer? { screens.last }

  public func present(_ screen: ScreenBuffer, force: Bool) {
    screens.append(screen)
  }

  public func readKey(timeoutMilliseconds: Int?) -> Key? {
    // Scripted keys arrive one per read, never "already typed", so every key gets a screen.
    guard timeoutMilliseconds != 0, !keys.isEmpty else { return nil }
    let key = keys.removeFirst()
    if key == .resize, !resizes.isEmpty { size = resizes.removeFirst() }
    return key
  }

  public func bell() {
    bells += 1
  }

  /// Texts given to the pager, in order.
  public private(set) var pagerTexts: [String] = []
  /// Set to false to play a machine without a pager.
  public var pagerAvailable = true
  public private(set) var clipboard: [String] = []

  public func runPager(_ text: String) -> Bool {
    guard pagerAvailable else { return false }
    pagerTexts.append(text)
    return true
  }

  public func copyToClipboard(_ text: String) {
    clipboard.append(text)
  }

  public func consumeInterrupt() -> Bool { false }
}
