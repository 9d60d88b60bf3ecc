import Glibc

/// Finds the topics of a health-topics XML file by scanning its bytes for tags, without
/// parsing text or building anything: where each `<health-topic>` element starts and ends,
/// where its start tag and its `<also-called>` children are, and whether the file breaks off.
///
/// Why a byte scanner and not libxml2: the index needs byte offsets, and libxml2's reader
/// only knows how far its input buffer has got, not where a node starts. The health-topics
/// files are machine-written XML whose summaries are escaped text, so tags are the only `<`
/// in them; the scanner still steps over comments, CDATA, processing instructions, the
/// DOCTYPE and quoted attribute values (which may hold `>`), and checks that end tags match
/// their start tags. Text and entities are left to libxml2: `TopicIndexBuilder` hands the
/// pieces found here to the real reader, which decodes and cleans them.
struct TopicIndexScanner {
  /// One `<health-topic>` element.
  struct Topic {
    /// The whole element, `<health-topic` through `</health-topic>` (or its `/>`).
    var range: Range<Int>
    /// The start tag, attributes and all.
    var startTag: Range<Int>
    var isEmptyElement: Bool
    /// Each `<also-called>` child, start tag through end tag.
    var alsoCalled: [Range<Int>]
  }

  struct Result {
    /// Everything before the root element (XML declaration, DOCTYPE, comments): copied in
    /// front of each topic read alone, so it is decoded as the whole file is.
    var prolog: Range<Int>
    /// The root start tag (`<health-topics total=… date-generated=…>`).
    var rootStartTag: Range<Int>
    var rootIsEmptyElement: Bool
    var topics: [Topic]
    /// Set when the file ends before the root element closes: the offset where it ended.
    /// The topics before the break are complete.
    var brokeOffAt: Int?
  }

  /// Why the bytes are not a health-topics file.
  enum Failure: Error {
    case empty
    case binary(offset: Int)
    case utf16
    case notXML
    case legacy
    case unknownRoot(String)
    /// The file ends before the root start tag is complete.
    case brokeOffBeforeRoot
    case malformed(offset: Int, message: String)
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var count: Int { bytes.count }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Result {
    try TopicIndexScanner(bytes: bytes).scan()
  }

  private static let healthTopic = Array("health-topic".utf8)
  private static let alsoCalled = Array("also-called".utf8)

  private func scan() throws(Failure) -> Result {
    try checkText()
    let root = try findRoot()
    let rootName = root.name
    guard equals(rootName, "health-topics") else {
      let name = String(decoding: bytes[rootName], as: UTF8.self)
      if name == "MedicalTopics" || name == "MedicalTopic" { throw .legacy }
      throw .unknownRoot(name)
    }
    var result = Result(
      prolog: 0..<root.tag.lowerBound, rootStartTag: root.tag,
      rootIsEmptyElement: root.isEmpty, topics: [], brokeOffAt: nil)
    if root.isEmpty {
      try checkTrailing(from: root.tag.upperBound)
      return result
    }

    // Names of the open elements; the root is at depth 0, topics at depth 1.
    var open: [Range<Int>] = [rootName]
    var topic: Topic?
    var alsoCalledStart: Int?
    var position = root.tag.upperBound
    while true {
      guard let less = find(UInt8(ascii: "<"), from: position), less + 1 < count else {
        result.brokeOffAt = count
        return result
      }
      switch bytes[less + 1] {
      case UInt8(ascii: "/"):
        let name = nameRange(from: less + 2)
        guard let greater = find(UInt8(ascii: ">"), from: name.upperBound) else {
          result.brokeOffAt = count
          return result
        }
        guard let expected = open.last, same(name, expected) else {
          let found = String(decoding: bytes[name], as: UTF8.self)
          let wanted = open.last.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
          throw .malformed(
            offset: less,
            message: "the end tag </\(found)> does not match the open element <\(wanted)>")
        }
        open.removeLast()
        let end = greater + 1
        switch open.count {
        case 0:
          try checkTrailing(from: end)
          return result
        case 1:
          if var finished = topic {
            finished.range = finished.range.lowerBound..<end
            result.topics.append(finished)
            topic = nil
          }
        case 2:
          if let start = alsoCalledStart {
            topic?.alsoCalled.append(start..<end)
            alsoCalledStart = nil
          }
        default:
          break
        }
        position = end
      case UInt8(ascii: "!"), UInt8(ascii: "?"):
        guard let end = endOfMarkupDeclaration(at: less) else {
          result.brokeOffAt = count
          return result
        }
        position = end
      default:
        let name = nameRange(from: less + 1)
        guard !name.isEmpty else {
          throw .malformed(offset: less, message: "a “<” that starts no tag")
        }
        guard let greater = endOfTag(from: name.upperBound) else {
          result.brokeOffAt = count
          return result
        }
        let end = greater + 1
        let isEmpty = bytes[greater - 1] == UInt8(ascii: "/")
        let depth = open.count
        if depth == 1 && equals(name, Self.healthTopic) {
          let started = Topic(
            range: less..<end, startTag: less..<end, isEmptyElement: isEmpty, alsoCalled: [])
          if isEmpty { result.topics.append(started) } else { topic = started }
        } else if depth == 2 && topic != nil && equals(name, Self.alsoCalled) {
          if isEmpty { topic?.alsoCalled.append(less..<end) } else { alsoCalledStart = less }
        }
        if !isEmpty { open.append(name) }
        position = end
      }
    }
  }

  // MARK: - Before the root

  /// Refuses what is plainly not an XML text file, the way the page reader does.
  private func checkText() throws(Failure) {
    if count >= 2 {
      let first = bytes[0]
      let second = bytes[1]
      if (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)
        || (first == 0 && second == UInt8(ascii: "<"))
        || (first == UInt8(ascii: "<") && second == 0)
      {
        throw .utf16
      }
    }
    let window = UnsafeBufferPointer(rebasing: bytes.prefix(65_536))
    if let nul = window.firstIndex(of: 0) { throw .binary(offset: nul) }
    guard bytes.contains(where: { !Self.isSpace($0) }) else { throw .empty }
  }

  /// The root element's start tag, past the XML declaration, comments, processing
  /// instructions and the DOCTYPE.
  private func findRoot() throws(Failure) -> (tag: Range<Int>, name: Range<Int>, isEmpty: Bool) {
    var position = 0
    if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    while true {
      while position < count && Self.isSpace(bytes[position]) { position += 1 }
      guard position < count else { throw .brokeOffBeforeRoot }
      guard bytes[position] == UInt8(ascii: "<"), position + 1 < count else { throw .notXML }
      let next = bytes[position + 1]
      if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
        guard let end = endOfMarkupDeclaration(at: position) else { throw .brokeOffBeforeRoot }
        position = end
        continue
      }
      let name = nameRange(from: position + 1)
      guard !name.isEmpty, Self.isNameStart(bytes[name.lowerBound]) else { throw .notXML }
      guard let greater = endOfTag(from: name.upperBound) else { throw .brokeOffBeforeRoot }
      return (position..<greater + 1, name, bytes[greater - 1] == UInt8(ascii: "/"))
    }
  }

  /// After the root closes only white space, comments and processing instructions may
  /// follow, as libxml2 insists.
  private func checkTrailing(from start: Int) throws(Failure) {
    var position = start
    while position < count {
      if Self.isSpace(bytes[position]) {
        position += 1
        continue
      }
      if bytes[position] == UInt8(ascii: "<"), position + 1 < count,
        bytes[position + 1] == UInt8(ascii: "!") || bytes[position + 1] == UInt8(ascii: "?"),
        let end = endOfMarkupDeclaration(at: position)
      {
        position = end
        continue
      }
      throw .malformed(offset: position, message: "Extra content at the end of the document")
    }
  }

  // MARK: - Tags

  /// Past `<!-- … -->`, `<![CDATA[ … ]]>`, `<? … ?>` or `<!DOCTYPE …>` (with an internal
  /// subset in brackets) starting at `start`; nil when the file ends inside it.
  private func endOfMarkupDeclaration(at start: Int) -> Int? {
    if starts(with: "<!--", at: start) {
      return find(sequence: Array("-->".utf8), from: start + 4)
    }
    if starts(with: "<![CDATA[", at: start) {
      return find(sequence: Array("]]>".utf8), from: start + 9)
    }
    if starts(with: "<?", at: start) {
      return find(sequence: Array("?>".utf8), from: start + 2)
    }
    // <!DOCTYPE …> and other declarations: quoted strings and a bracketed subset may hold ">".
    var quote: UInt8 = 0
    var brackets = 0
    var position = start + 2
    while position < count {
      let byte = bytes[position]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        brackets += 1
      } else if byte == UInt8(ascii: "]") {
        brackets -= 1
      } else if byte == UInt8(ascii: ">") && brackets <= 0 {
        return position + 1
      }
      position += 1
    }
    return nil
  }

  /// The `>` that ends a start tag, skipping quoted attribute values. A tag's bytes are
  /// mostly attribute values, so the quotes are found with `memchr` rather than byte by byte.
  private func endOfTag(from start: Int) -> Int? {
    var position = start
    while position < count {
      // Outside quotes: the first of `>`, `"` and `'` decides.
      var byte: UInt8 = 0
      while position < count {
        byte = bytes[position]
        if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          break
        }
        position += 1
      }
      guard position < count else { return nil }
      if byte == UInt8(ascii: ">") { return position }
      guard let close = find(byte, from: position + 1) else { return nil }
      position = close + 1
    }
    return nil
  }

  /// The element name starting at `start`: up to white space, `/` or `>`.
  private func nameRange(from start: Int) -> Range<Int> {
    var end = start
    while end < count {
      let byte = bytes[end]
      if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
      end += 1
    }
    return start..<end
  }

  // MARK: - Byte helpers

  private func find(_ byte: UInt8, from start: Int) -> Int? {
    guard start < count, let base = bytes.baseAddress else { return nil }
    guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// The offset just past the first occurrence of `sequence` at or after `start`.
  private func find(sequence: [UInt8], from start: Int) -> Int? {
    guard let first = sequence.first else { return start }
    var position = start
    while let candidate = find(first, from: position) {
      guard candidate + sequence.count <= count else { return nil }
      if starts(with: sequence, at: candidate) { return candidate + sequence.count }
      position = candidate + 1
    }
    return nil
  }

  private func starts(with text: StaticString, at offset: Int) -> Bool {
    let length = text.utf8CodeUnitCount
    guard offset + length <= count, let base = bytes.baseAddress else { return false }
    return memcmp(base + offset, text.utf8Start, length) == 0
  }

  private func starts(with sequence: [UInt8], at offset: Int) -> Bool {
    guard offset + sequence.count <= count, let base = bytes.baseAddress else { return false }
    return sequence.withUnsafeBytes { raw in
      guard let pointer = raw.baseAddress else { return true }
      return memcmp(base + offset, pointer, sequence.count) == 0
    }
  }

  private func equals(_ range: Range<Int>, _ name: [UInt8]) -> Bool {
    range.count == name.count && starts(with: name, at: range.lowerBound)
  }

  private func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
    range.count == name.utf8CodeUnitCount && starts(with: name, at: range.lowerBound)
  }

  private func same(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
    guard first.count == second.count, let base = bytes.baseAddress else { return false }
    return memcmp(base + first.lowerBound, base + second.lowerBound, first.count) == 0
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func isNameStart(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: ":") || byte >= 0x80
  }
}
