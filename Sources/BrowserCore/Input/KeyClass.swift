/// A set of keys one binding stands for, where listing every key would say less: the
/// characters a prompt types, the digits that start a link number.
public enum KeyClass: String, CaseIterable, Hashable, Sendable {
  /// Any printable character.
  case printable
  /// 1 to 9 (a link number cannot start with 0).
  case digit
  /// Any key the view has no other binding for.
  case other

  /// True when the key belongs to the class.
  public func contains(_ key: Key) -> Bool {
    switch self {
    case .printable:
      if case .character = key { return true }
      return false
    case .digit:
      if case .character(let character) = key, character.isASCII, character.isNumber,
        character != "0"
      {
        return true
      }
      return false
    case .other:
      return key != .resize
    }
  }

  /// How help and the README show the class.
  public func label(ascii: Bool) -> String {
    switch self {
    case .printable: "text"
    case .digit: ascii ? "1-9..." : "1-9…"
    case .other: "any other key"
    }
  }
}
