/// A search over the laid-out content: the query, its matches in display cells, and which
/// match is current. Case-insensitive unless the query has a capital letter (less's habit).
public struct SearchState: Hashable, Sendable {
  public struct Match: Hashable, Sendable {
    public var line: Int
    /// First cell of the match within the line.
    public var start: Int
    public var width: Int
    /// The match's end on the next line, when it runs across a wrapped line break.
    public var next: Part?

    public struct Part: Hashable, Sendable {
      public var start: Int
      public var width: Int
    }

    public init(line: Int, start: Int, width: Int, next: Part? = nil) {
      self.line = line
      self.start = start
      self.width = width
      self.next = next
    }
  }

  public var query: String
  public var backward: Bool
  public private(set) var matches: [Match] = []
  public var current: Int?

  public init(query: String, backward: Bool) {
    self.query = query
    self.backward = backward
  }

  /// True when the query has an upper-case letter, which makes the search case-sensitive.
  public var isCaseSensitive: Bool { query.contains { $0.isUppercase } }

  /// Finds every match in the lines.
  public mutating func find(in lines: [StyledLine]) {
    matches = []
    current = nil
    let foldCase = !isCaseSensitive
    let needle = query.map { Self.folded($0, foldCase: foldCase) }
    guard !needle.isEmpty else { return }
    let asciiNeedle = Self.printableASCII(Array(needle.map(String.init).joined().utf8))
    var buffer: [UInt8] = []
    for (lineIndex, line) in lines.enumerated() {
      if let asciiNeedle, findASCII(asciiNeedle, in: line, at: lineIndex, buffer: &buffer) {
        continue
      }
      // Accents and case folded character by character, so that a match's cells are
      // counted on the line as shown ("estomago" finds "estómago", as in the topic index).
      let original = Array(line.plainText)
      let characters = original.map { Self.folded($0, foldCase: foldCase) }
      for index in Self.occurrences(of: needle, in: characters) {
        matches.append(
          Match(
            line: lineIndex, start: Self.cells(original[..<index]),
            width: Self.cells(original[index..<(index + needle.count)])))
      }
    }
    // Wrapping breaks lines at spaces, so a query with a space may run across a break.
    if needle.contains(" ") {
      findAcrossBreaks(needle, in: lines, foldCase: foldCase)
      matches.sort { ($0.line, $0.start) < ($1.line, $1.start) }
    }
  }

  /// Matches that start on one line and end on the next, where the next goes on with the
  /// same text (`joinsPrevious`): the break reads as one space.
  private mutating func findAcrossBreaks(
    _ needle: [Character], in lines: [StyledLine], foldCase: Bool
  ) {
    let reach = needle.count - 1
    for lineIndex in lines.indices.dropLast() where lines[lineIndex + 1].joinsPrevious {
      var above = Array(lines[lineIndex].plainText)
      while above.last == " " { above.removeLast() }
      let below = Array(lines[lineIndex + 1].plainText)
      let indent = below.prefix { $0 == " " }.count
      let tail = Array(above.suffix(reach))
      let head = Array(below[indent...].prefix(reach))
      let joined = (tail + [" "] + head).map { Self.folded($0, foldCase: foldCase) }
      guard joined.count >= needle.count else { continue }
      // Starts in the tail, ends past the space: on both lines.
      for offset in 0...(joined.count - needle.count)
      where offset < tail.count && offset + needle.count > tail.count + 1
        && joined[offset..<(offset + needle.count)].elementsEqual(needle)
      {
        let firstPart = above.count - tail.count + offset
        let onNext = offset + needle.count - tail.count - 1
        matches.append(
          Match(
            line: lineIndex, start: Self.cells(above[..<firstPart]),
            width: Self.cells(above[firstPart...]),
            next: Match.Part(start: indent, width: Self.cells(below[indent..<(indent + onNext)]))))
      }
    }
  }

  /// Where `needle` starts in `haystack`, left to right, matches not overlapping (as less
  /// highlights them).
  private static func occurrences<Element: Equatable>(
    of needle: [Element], in haystack: [Element]
  ) -> [Int] {
    guard let first = needle.first, haystack.count >= needle.count else { return [] }
    var found: [Int] = []
    var index = 0
    while index + needle.count <= haystack.count {
      if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle)
      {
        found.append(index)
        index += needle.count
      } else {
        index += 1
      }
    }
    return found
  }

  /// The cells characters take on screen.
  private static func cells(_ characters: ArraySlice<Character>) -> Int {
    characters.reduce(0) { $0 + DisplayWidth.of($1) }
  }

  /// A character as the search compares it: without accents, and lower-case unless the
  /// search minds case (a lower-case form of more than one character is left as it is).
  private static func folded(_ character: Character, foldCase: Bool) -> Character {
    let bare = Transliterator.withoutAccent(character)
    guard foldCase else { return bare }
    let lower = bare.lowercased()
    return lower.count == 1 ? Character(lower) : bare
  }

  /// The needle's bytes when it is printable ASCII, else nil.
  private static func printableASCII(_ bytes: [UInt8]) -> [UInt8]? {
    bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? bytes : nil
  }

  /// Finds an ASCII needle in a line by its UTF-8 bytes: an ASCII byte is always a whole
  /// character there, so only ASCII letters need folding, and a search over a million lines
  /// stays well under a second. Cells are counted only where a match is: a byte is a cell
  /// while the line has been ASCII so far. (Unlike `lowercased()`, this does not fold the
  /// rare non-ASCII letters whose lower case is ASCII, such as the Kelvin sign.)
  private mutating func findASCII(
    _ needle: [UInt8], in line: StyledLine, at lineIndex: Int, buffer: inout [UInt8]
  ) -> Bool {
    buffer.removeAll(keepingCapacity: true)
    let foldCase = !isCaseSensitive
    for span in line.spans {
      for byte in span.text.utf8 {
        // Accented Latin letters (lead bytes C3–C5) and combining marks (CC–CD) may fold to
        // the ASCII needle: such a line is searched character by character.
        if (0xC3...0xC5).contains(byte) || (0xCC...0xCD).contains(byte) { return false }
        buffer.append(foldCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
      }
    }
    let asciiPrefix = buffer.firstIndex { $0 >= 0x80 } ?? buffer.count
    for index in Self.occurrences(of: needle, in: buffer) {
      let start =
        index <= asciiPrefix
        ? index : DisplayWidth.of(String(decoding: buffer[..<index], as: UTF8.self))
      matches.append(Match(line: lineIndex, start: start, width: needle.count))
    }
    return true
  }

  /// The first match at or after `line` (forward) or at or before it (backward), wrapping
  /// around the page. Returns the match index and whether it wrapped.
  public func nextMatch(from line: Int, backward: Bool) -> (index: Int, wrapped: Bool)? {
    guard !matches.isEmpty else { return nil }
    if backward {
      if let index = matches.lastIndex(where: { $0.line <= line }) { return (index, false) }
      return (matches.count - 1, true)
    }
    if let index = matches.firstIndex(where: { $0.line >= line }) { return (index, false) }
    return (0, true)
  }
}
