/// Reads JSON text into a `JSONValue`: strict (RFC 8259), depth-limited so that a hostile
/// answer of ten thousand nested brackets cannot exhaust the stack. Numbers that are not
/// whole are kept as their text (nothing medterm reads needs their value).
public struct JSONReader {
  /// Nesting deeper than this is refused.
  public static let deepest = 256

  public struct Failure: Error, Hashable, Sendable {
    /// Where (in bytes from the start) and what.
    public var offset: Int
    public var reason: String
  }

  private let bytes: [UInt8]
  private var position = 0

  public static func read(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    var reader = JSONReader(bytes: bytes)
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.position == bytes.count else { throw reader.failure("text after the value") }
    return value
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func failure(_ reason: String) -> Failure {
    Failure(offset: position, reason: reason)
  }

  private mutating func skipSpace() {
    while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) {
      position += 1
    }
  }

  private mutating func value(depth: Int) throws(Failure) -> JSONValue {
    guard depth < Self.deepest else { throw failure("nested too deep") }
    guard position < bytes.count else { throw failure("the text ends early") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
    let expected = Array(word.utf8)
    guard bytes.count - position >= expected.count,
      Array(bytes[position..<position + expected.count]) == expected
    else { throw failure("unexpected character") }
    position += expected.count
    return value
  }

  private mutating func number() throws(Failure) -> JSONValue {
    let start = position
    while position < bytes.count,
      "+-0123456789.eE".utf8.contains(bytes[position])
    {
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard !text.isEmpty, text.first != "+", Double(text) != nil else {
      throw failure("unexpected character")
    }
    return Int(text).map(JSONValue.number) ?? .string(text)
  }

  private mutating func array(depth: Int) throws(Failure) -> JSONValue {
    position += 1
    var values: [JSONValue] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(values)
    }
    while true {
      skipSpace()
      values.append(try value(depth: depth + 1))
      skipSpace()
      guard position < bytes.count else { throw failure("the text ends early") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(values)
      } else {
        throw failure("expected , or ]")
      }
    }
  }

  private mutating func object(depth: Int) throws(Failure) -> JSONValue {
    position += 1
    var members: [(String, JSONValue)] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a name in quotes")
      }
      let key = try string()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw failure("expected :")
      }
      position += 1
      skipSpace()
      members.append((key, try value(depth: depth + 1)))
      skipSpace()
      guard position < bytes.count else { throw failure("the text ends early") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      } else {
        throw failure("expected , or }")
      }
    }
  }

  private mutating func string() throws(Failure) -> String {
    position += 1
    var output: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: output, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard position < bytes.count else { throw failure("the text ends early") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          // A surrogate pair spells one character beyond the first plane.
          if (0xD800..<0xDC00).contains(scalar), position + 6 <= bytes.count,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
          {
            position += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
          }
          let character = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "\u{FFFD}"
          output += Array(character.utf8)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
        default: throw failure("unknown escape")
        }
      default:
        guard byte >= 0x20 else { throw failure("a control character in a string") }
        output.append(byte)
      }
    }
    throw failure("a string that does not end")
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard position + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw failure("a bad \\u escape") }
    position += 4
    return value
  }
}

extension JSONValue {
  /// A member of an object by name.
  public subscript(_ key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The elements of an array (a lone value counts as one; null or absent as none).
  public var elements: [JSONValue] {
    switch self {
    case .array(let values): values
    case .null: []
    default: [self]
    }
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}
