import Glibc

extension MedtermCommand {
  /// The width for a page printed as text instead of browsed: the terminal's own width when
  /// standard output is one (TERM=dumb still has a width), else `$COLUMNS`, else 80.
  static func textColumns() -> Int {
    var window = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0,
      window.ws_col > 0
    {
      return Int(window.ws_col)
    }
    return Int(getenv("COLUMNS").map { String(cString: $0) } ?? "") ?? 80
  }
}
