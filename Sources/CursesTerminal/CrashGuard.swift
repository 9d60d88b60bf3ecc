import CCrashGuard
import CNcursesw
import Glibc

/// Arms the fault handlers that give the terminal back if the browser crashes: what they
/// write is worked out here, from the terminal's own terminfo entry, while that is still
/// safe to do (a signal handler cannot ask ncurses).
enum CrashGuard {
  /// Call after `newterm` (terminfo is loaded), with the mode the terminal had before it:
  /// `newterm` already switches echo and the output's newline translation off.
  static func arm(input: Int32, mode: termios, output: Int32, mouse: Bool) {
    var bytes: [UInt8] = []
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      bytes += Self.terminfoString(capability)
    }
    // ncurses' own mouse mode strings are not in every entry; these switch off every mode
    // it may have turned on.
    if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
    var mode = mode
    _ = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        medterm_crash_guard_arm(input, &mode, output, $0.baseAddress, $0.count)
      }
    }
  }

  static func disarm() {
    medterm_crash_guard_disarm()
  }

  /// The capability's bytes with terminfo padding (`$<5>`) left out: nothing would interpret
  /// it on the way out.
  static func terminfoString(_ name: String) -> [UInt8] {
    guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return [] }
    var bytes = Array(String(cString: value).utf8)
    while let start = bytes.firstRange(of: Array("$<".utf8)) {
      guard let end = bytes[start.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { break }
      bytes.removeSubrange(start.lowerBound...end)
    }
    return bytes
  }
}
