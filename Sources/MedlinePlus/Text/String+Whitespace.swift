extension Unicode.Scalar {
  /// Space, tab, newline, no-break space and the other Unicode spaces; ASCII decided without
  /// a property lookup, since nearly every scalar a page holds is ASCII.
  var isSpaceLike: Bool {
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    return properties.isWhitespace
  }
}

extension Character {
  /// Space, tab, newline, no-break space and the other Unicode spaces.
  var isSpaceLike: Bool {
    if let ascii = asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
    return unicodeScalars.first?.isSpaceLike ?? false
  }
}

extension StringProtocol {
  /// Every run of white space (newlines included) folded into one space, ends trimmed.
  public var collapsingWhitespace: String {
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    for scalar in unicodeScalars {
      if scalar.isSpaceLike {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.append(0x20) }
      pendingSpace = false
      if scalar.isASCII {
        result.append(UInt8(scalar.value))
      } else {
        UTF8.encode(scalar) { result.append($0) }
      }
    }
    return String(decoding: result, as: UTF8.self)
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
  /// The range of the last occurrence of `needle`, without Foundation (compared on UTF-8).
  func lastRange(of needle: String) -> Range<String.Index>? {
    let haystack = Array(utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
    var start = haystack.count - pattern.count
    while start >= 0 {
      if haystack[start] == pattern[0]
        && haystack[start..<(start + pattern.count)].elementsEqual(pattern)
      {
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
      }
      start -= 1
    }
    return nil
  }
}

extension Substring {
  /// The text without leading and trailing white space (Unicode-aware, no Foundation).
  public var trimmingSpaces: String {
    // ASCII spaces are trimmed on UTF-8 bytes; only a non-ASCII end needs scalar properties.
    let whole = self
    let bytes = whole.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, isASCIISpace(bytes[start]) { start = bytes.index(after: start) }
    while start < end {
      let before = bytes.index(before: end)
      guard isASCIISpace(bytes[before]) else { break }
      end = before
    }
    let trimmed = whole[start..<end]
    let scalars = trimmed.unicodeScalars
    if let first = scalars.first, let last = scalars.last, first.isSpaceLike || last.isSpaceLike {
      guard let from = scalars.firstIndex(where: { !$0.isSpaceLike }),
        let to = scalars.lastIndex(where: { !$0.isSpaceLike })
      else { return "" }
      return String(String.UnicodeScalarView(scalars[from...to]))
    }
    return String(trimmed)
  }

  private func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

}

extension String {
  /// The text without leading and trailing white space (Unicode-aware, no Foundation).
  public var trimmingSpaces: String { self[...].trimmingSpaces }
}
