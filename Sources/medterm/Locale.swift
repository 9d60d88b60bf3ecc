#if canImport(Glibc)
  import Glibc
#endif

/// The process locale, set once from the environment as every terminal program must.
enum Locale {
  /// Sets the locale from LANG/LC_*; call before ncurses starts.
  static func adoptEnvironment() {
    setlocale(LC_ALL, "")
  }

  /// True when the character set is UTF-8 (otherwise the browser draws ASCII).
  static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
