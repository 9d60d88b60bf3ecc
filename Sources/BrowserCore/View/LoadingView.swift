/// A load under way, over the view that asked for it: its progress on the status line,
/// Esc (or q, Ctrl-G, Ctrl-C) to stop it. When the load ends the view closes and hands the
/// result to whoever started it.
public final class LoadingView: View {
  public let kind = ViewKind.loading
  public let isOpaque = false
  public let isBusy = true
  private let task: any LoadTask
  private let hostName: String
  private var progress: String
  private let onFinish: (Result<LoadedResource, LoadFailure>) -> ViewAction
  private var cancelled = false

  public init(
    task: any LoadTask, hostName: String,
    onFinish: @escaping (Result<LoadedResource, LoadFailure>) -> ViewAction
  ) {
    self.task = task
    self.hostName = hostName
    progress = "Loading \(hostName)… (Esc cancels)"
    self.onFinish = onFinish
  }

  public func perform(_ command: Command, key: Key, context: ViewContext) -> ViewAction {
    switch command {
    case .cancel:
      cancel()
      return .done
    case .quit:
      cancel()
      return .quit
    case .redraw, .help:
      return .unhandled
    default:
      progress = "Loading \(hostName)… (Esc cancels; other keys wait)"
      return .done
    }
  }

  /// Stops the load; the next poll reports the cancellation.
  public func cancel() {
    guard !cancelled else { return }
    cancelled = true
    task.cancel()
    progress = "Cancelling…"
  }

  public func poll(milliseconds: Int, context: ViewContext) -> ViewAction? {
    switch task.poll(timeoutMilliseconds: milliseconds) {
    case .finished(let result):
      return .closeThen(.later { [onFinish] in onFinish(result) })
    case .inProgress(let received, let expected):
      guard !cancelled else { return nil }
      var text = "Loading \(hostName)… \(Self.size(received))"
      if let expected, expected > 0 { text += " of \(Self.size(expected))" }
      progress = text + " (Esc cancels)"
      return nil
    }
  }

  public func compose(into screen: inout ScreenBuffer, context: ViewContext) {
    guard screen.height > 0 else { return }
    let y = screen.height - 1
    screen.fill(y: y, role: .statusBar)
    let text = context.glyphs.isASCII ? Transliterator.ascii(progress) : progress
    screen.write(
      " " + ScreenComposer.truncated(text, to: screen.width - 2, context.glyphs), x: 0, y: y,
      role: .statusMessage)
  }

  public func resize(to size: TerminalSize) {}

  public func say(_ message: String?) {
    if let message { progress = message }
  }

  static func size(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
    return "\(bytes / (1024 * 1024)) MB"
  }
}
