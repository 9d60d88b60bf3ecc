import Glibc

extension MedtermCommand {
  /// The width for a page printed as text instead of browsed: the terminal's own width when
  /// standard output is one (TERM=dumb still has a width), else the controlling terminal's
  /// (`medterm page.html | head` at a 70-column terminal), else `$COLUMNS`, else 80.
  static func textColumns() -> Int {
    var window = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0,
      window.ws_col > 0
    {
      return Int(window.ws_col)
    }
    let terminal = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
    if terminal >= 0 {
      defer { close(terminal) }
      if ioctl(terminal, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
        return Int(window.ws_col)
      }
    }
    return Int(getenv("COLUMNS").map { String(cString: $0) } ?? "") ?? 80
  }
}
