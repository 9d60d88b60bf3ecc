extension Character {
  /// Space, tab, newline, no-break space and the other Unicode spaces.
  var isSpaceLike: Bool { isWhitespace }
}

extension StringProtocol {
  /// The text without leading and trailing white space (Unicode-aware, no Foundation).
  public var trimmingSpaces: String {
    guard let first = firstIndex(where: { !$0.isSpaceLike }) else { return "" }
    guard let last = lastIndex(where: { !$0.isSpaceLike }) else { return "" }
    return String(self[first...last])
  }

  /// Every run of white space (newlines included) folded into one space, ends trimmed.
  public var collapsingWhitespace: String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    for character in self {
      if character.isSpaceLike {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// A lower-case anchor made of letters, digits and hyphens ("Why Monitor?" → "why-monitor").
  public var slug: String {
    var result = ""
    var pendingHyphen = false
    for character in lowercased() {
      if character.isLetter || character.isNumber {
        if pendingHyphen && !result.isEmpty { result.append("-") }
        pendingHyphen = false
        result.append(character)
      } else {
        pendingHyphen = true
      }
    }
    return result
  }

  /// True when the text starts with `prefix`, ignoring case.
  func hasCaseInsensitivePrefix(_ prefix: String) -> Bool {
    lowercased().hasPrefix(prefix.lowercased())
  }
}

extension String {
  /// The range of the last occurrence of `needle`, without Foundation.
  func lastRange(of needle: String) -> Range<String.Index>? {
    guard !needle.isEmpty, needle.count <= count else { return nil }
    var start = index(endIndex, offsetBy: -needle.count)
    while true {
      if self[start...].hasPrefix(needle) {
        return start..<index(start, offsetBy: needle.count)
      }
      guard start > startIndex else { return nil }
      start = index(before: start)
    }
  }
}
