import BrowserCore
import CNcursesw

#if canImport(Glibc)
  import Glibc
#endif

/// CursesTerminal: the only code that talks to ncursesw.
///
/// Implements `Terminal` for a real terminal: `newterm` on stdin/stdout (never `initscr`,
/// which exits on an unknown TERM), colour pairs from a theme, painting a `ScreenBuffer`,
/// `get_wch` → `Key`, signals that leave the terminal sane, and handing the terminal over to
/// a pager and taking it back. It knows nothing of pages or formats.
public final class CursesTerminal: Terminal {
  /// Why the terminal could not be opened; the caller falls back to printing text.
  public enum OpenError: Error, CustomStringConvertible {
    case notATerminal
    case noKeyboard
    case dumbTerminal(String)
    case unknownTerminal(String)
    case noCursorAddressing(String)

    public var description: String {
      switch self {
      case .notATerminal: "standard output is not a terminal"
      case .noKeyboard: "standard input is not a terminal, and /dev/tty cannot be opened for keys"
      case .dumbTerminal(let name): "TERM is \(name), a terminal that cannot show a screen"
      case .unknownTerminal(let name): "the terminal type '\(name)' is not known to ncurses"
      case .noCursorAddressing(let name): "the terminal type '\(name)' cannot move the cursor"
      }
    }
  }

  private let screenPointer: OpaquePointer
  private let styles: CursesStyles
  private var previous: ScreenBuffer?
  public private(set) var inputEnded = false
  /// The signal that ended input, to be re-raised after the terminal is restored.
  public private(set) var terminatingSignal: Int32 = 0
  private var isOpen = true
  /// Where keys come from: standard input, or the terminal itself when a page arrived on a
  /// pipe (`cat page | medterm -`), as less does.
  private let input: UnsafeMutablePointer<FILE>
  private let inputDescriptor: Int32
  private let ownsInput: Bool

  /// Opens the terminal. `setlocale(LC_ALL, "")` must have run before.
  public init(theme: Theme, mouse: Bool, environment: [String: String]) throws(OpenError) {
    self.environment = environment
    guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    let name = getenv("TERM").map { String(cString: $0) } ?? ""
    guard !name.isEmpty, name != "dumb" else {
      throw .dumbTerminal(name.isEmpty ? "unset" : "'\(name)'")
    }
    if isatty(STDIN_FILENO) == 1 {
      input = medterm_stdin()
      ownsInput = false
    } else {
      guard let terminal = fopen("/dev/tty", "r") else { throw .noKeyboard }
      input = terminal
      ownsInput = true
    }
    inputDescriptor = fileno(input)
    // Before newterm, so ncurses sees SIGWINCH and SIGTSTP at their defaults and can be
    // delivered them.
    medterm_unblock_terminal_signals()
    var shellMode = termios()
    let haveShellMode = tcgetattr(inputDescriptor, &shellMode) == 0
    guard let screen = newterm(nil, medterm_stdout(), input) else {
      if ownsInput { fclose(input) }
      throw .unknownTerminal(name)
    }
    screenPointer = screen
    set_term(screen)
    // A terminal without cursor addressing (cup) cannot show a screen: print text instead.
    if tigetstr("cup") == nil || Int(bitPattern: tigetstr("cup")) == -1 {
      endwin()
      delscreen(screen)
      if ownsInput { fclose(input) }
      throw .noCursorAddressing(name)
    }
    if haveShellMode {
      CrashGuard.arm(
        input: inputDescriptor, mode: shellMode, output: fileno(medterm_stdout()), mouse: mouse)
    }
    medterm_install_signal_handlers()
    cbreak()
    noecho()
    nonl()
    intrflush(medterm_stdscr(), false)
    keypad(medterm_stdscr(), true)
    Self.defineAlternateKeys()
    medterm_set_escdelay(100)
    curs_set(0)
    idlok(medterm_stdscr(), true)
    styles = CursesStyles(theme: theme, environment: environment)
    // ncurses 6.4 leaves a new screen in its "initial" state until it has been suspended
    // once, and in that state every cursor move flushes its output buffer: about ten
    // write() calls (and SSH packets) per refresh. One suspend/resume before the first
    // paint puts it in the running state, where a refresh is one write.
    endwin()
    wrefresh(medterm_stdscr())
    if mouse {
      mousemask(
        medterm_button1_clicked() | medterm_button4_pressed() | medterm_button5_pressed(), nil)
      mouseinterval(0)
    }
  }

  deinit {
    close()
  }

  /// Gives the terminal back: normal mode, cursor visible, alternate screen left.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    CrashGuard.disarm()
    curs_set(1)
    endwin()
    delscreen(screenPointer)
    if ownsInput { fclose(input) }
  }

  public var size: TerminalSize {
    TerminalSize(width: Int(medterm_cols()), height: Int(medterm_lines()))
  }

  public func present(_ screen: ScreenBuffer, force: Bool) {
    let window = medterm_stdscr()
    if force {
      previous = nil
      clearok(window, true)
    }
    if let hint = screen.scrollHint, var shifted = previous, shifted.width == screen.width,
      shifted.height == screen.height
    {
      // First let ncurses see the body move as whole lines, which it sends as a scroll of
      // that region; then repaint only what differs (the sidebar beside it, the new lines).
      wsetscrreg(window, Int32(hint.top), Int32(hint.bottom))
      scrollok(window, true)
      wscrl(window, Int32(hint.lines))
      scrollok(window, false)
      wsetscrreg(window, 0, Int32(screen.height - 1))
      wnoutrefresh(window)
      doupdate()
      shifted.scroll(hint)
      previous = shifted
    }
    CursesPainter.paint(screen, over: previous, on: window, styles: styles)
    if let cursor = screen.cursor {
      wmove(window, Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wnoutrefresh(window)
    doupdate()
    previous = screen
  }

  /// How often a blocking read wakes up to look for a terminating signal. ncurses restarts
  /// a read that a signal interrupted, so the signal cannot be noticed from EINTR alone.
  private static let signalPollMilliseconds: Int32 = 200

  public func readKey(timeoutMilliseconds: Int?) -> Key? {
    let window = medterm_stdscr()
    var remaining = timeoutMilliseconds.map { Int32(clamping: $0) }
    while true {
      let slice =
        remaining.map { min($0, Self.signalPollMilliseconds) } ?? Self.signalPollMilliseconds
      wtimeout(window, slice)
      var input: wint_t = 0
      let result = wget_wch(window, &input)
      if medterm_pending_signal() != 0 {
        terminatingSignal = Int32(medterm_pending_signal())
        inputEnded = true
        return nil
      }
      if result == medterm_err() {
        if let left = remaining {
          guard left > slice else { return nil }
          remaining = left - slice
        }
        // A hung-up terminal makes reads fail at once instead of timing out.
        if isatty(inputDescriptor) == 0 {
          inputEnded = true
          return nil
        }
        continue
      }
      if result == medterm_key_code_yes() {
        let code = Int32(input)
        if code == medterm_key_mouse() {
          if let key = mouseEvent() { return key }
          continue
        }
        if let key = CursesKeyDecoder.functionKey(code) { return key }
        continue
      }
      if input == 0x1B {
        guard let key = escapeOrSequence() else { continue }
        return key
      }
      if let key = CursesKeyDecoder.characterKey(UInt32(input)) { return key }
    }
  }

  /// Sequences that terminals send for keys their TERM description names otherwise (PuTTY,
  /// rxvt and tmux send ESC[1~ and ESC[4~ for Home and End, xterm ESC OH and ESC OF), so
  /// that they arrive as one key whatever TERM says. A sequence TERM already binds is kept.
  private static func defineAlternateKeys() {
    let alternates: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
      ("\u{1B}OH", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
      ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[5~", KEY_PPAGE),
      ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[A", KEY_UP), ("\u{1B}OA", KEY_UP),
      ("\u{1B}[B", KEY_DOWN), ("\u{1B}OB", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT),
      ("\u{1B}OC", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT), ("\u{1B}OD", KEY_LEFT),
      ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
    ]
    for (sequence, code) in alternates where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
  }

  /// After an ESC that ncurses did not make into a key: a lone Esc, Alt+key (Esc, then the
  /// key again), or an escape sequence no one defined, which is read to its end and dropped
  /// so that its bytes never act as keys (the `[` of ESC[24~ would go to the previous
  /// section). nil means "nothing to report".
  private func escapeOrSequence() -> Key? {
    let window = medterm_stdscr()
    wtimeout(window, 0)
    var next: wint_t = 0
    let result = wget_wch(window, &next)
    guard result != medterm_err() else { return .escape }
    if result == medterm_key_code_yes() {
      ungetch(Int32(next))
      return .escape
    }
    switch next {
    case 0x5B:  // CSI: parameter and intermediate bytes, then one final byte 0x40–0x7E.
      for _ in 0..<32 {
        guard wget_wch(window, &next) == OK else { break }
        if (0x40...0x7E).contains(next) { break }
      }
      return nil
    case 0x4F:  // SS3: one more byte.
      _ = wget_wch(window, &next)
      return nil
    default:
      unget_wch(wchar_t(next))
      return .escape
    }
  }

  private func mouseEvent() -> Key? {
    var event = MEVENT()
    guard getmouse(&event) == medterm_ok() else { return nil }
    let x = Int(event.x)
    let y = Int(event.y)
    if event.bstate & medterm_button4_pressed() != 0 {
      return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y))
    }
    if medterm_button5_pressed() != 0 && event.bstate & medterm_button5_pressed() != 0 {
      return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y))
    }
    if event.bstate & medterm_button1_clicked() != 0 {
      return .mouse(MouseEvent(kind: .click, x: x, y: y))
    }
    return nil
  }

  public func bell() {
    beep()
  }

  /// The environment the pager runs with.
  public var environment: [String: String] = [:]

  public func runPager(_ text: String) -> Bool {
    // Hand the terminal over in its normal mode; take it back exactly as it was.
    def_prog_mode()
    endwin()
    let ran = PagerLauncher.run(text, environment: environment)
    // Ctrl-C or Ctrl-\ typed in the pager (less users stop a search that way) reaches the
    // whole foreground process group, medterm too: it was meant for the pager, not a quit.
    let keyboardSignal = medterm_pending_signal()
    if keyboardSignal == SIGINT || keyboardSignal == SIGQUIT { medterm_clear_pending_signal() }
    reset_prog_mode()
    previous = nil
    clearok(medterm_stdscr(), true)
    return ran
  }

  public func consumeInterrupt() -> Bool {
    guard medterm_pending_signal() == SIGINT || terminatingSignal == SIGINT else { return false }
    medterm_clear_pending_signal()
    terminatingSignal = 0
    inputEnded = false
    return true
  }

  public func copyToClipboard(_ text: String) {
    // OSC 52 "set clipboard" with the text in base64; the text is an address from the page,
    // already free of controls, and base64 cannot carry any either.
    let sequence = "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
    fflush(medterm_stdout())
    sequence.utf8CString.withUnsafeBufferPointer { buffer in
      _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count - 1)
    }
  }
}
