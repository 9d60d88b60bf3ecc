/// One screen of medterm: a page, the topic index, help, a text, a prompt, a load under way,
/// a list. The session keeps views in a stack, gives the top one each command the key map
/// finds for its kind, and draws the stack from the top-most opaque view up, so that a
/// prompt, the help box or a load's progress sits over the view it belongs to.
///
/// Modelled on tig's `view_ops` (each view handles its requests and draws itself) and
/// newsboat's form actions (a view does what it can and hands the rest to the loop).
public protocol View: AnyObject {
  var kind: ViewKind { get }
  /// False for a view drawn over the one below it (a prompt, the help box, loading).
  var isOpaque: Bool { get }
  /// Runs a command; `key` is the key that asked for it (the character a prompt types).
  func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction
  /// Draws the view into the screen: an opaque view makes the whole screen (it gets an empty
  /// one), one that is not draws over what the views below drew.
  func compose(into screen: inout ScreenBuffer, context: ViewContext)
  /// The terminal changed size.
  func resize(to size: TerminalSize)
  /// A one-shot message for the view's status line, until the next key.
  func say(_ message: String?)
  /// True while the view has work to do without a key (a load): the session then polls it.
  var isBusy: Bool { get }
  /// Does a slice of that work, waiting at most about `milliseconds`; nil while it goes on.
  func poll(milliseconds: Int, context: ViewContext) -> ViewAction?
}

extension View {
  public var isOpaque: Bool { true }
  public var isBusy: Bool { false }
  public func poll(milliseconds: Int, context: ViewContext) -> ViewAction? { nil }
}
