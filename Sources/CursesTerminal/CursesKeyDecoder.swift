import BrowserCore
import CNcursesw

/// Turns what `get_wch` returns into a `Key`.
enum CursesKeyDecoder {
  /// A character `get_wch` returned with OK.
  static func characterKey(_ value: UInt32) -> Key? {
    switch value {
    case 0x0D, 0x0A: return .enter
    case 0x09: return .tab
    case 0x7F, 0x08: return .backspace
    case 0x1B: return .escape
    case 0x00..<0x20:
      guard let scalar = Unicode.Scalar(value + 0x60) else { return nil }
      return .control(Character(scalar))
    case 0x80..<0xA0:
      return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// A key code `get_wch` returned with KEY_CODE_YES (mouse events aside).
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_IC: return .insert
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_BTAB: return .backTab
    case medterm_key_resize(): return .resize
    default:
      for number in 1...12 where code == medterm_key_f(Int32(number)) { return .function(number) }
      return nil
    }
  }
}
