import Glibc

/// Every entry's names (title first, then its also-called names), folded once when the
/// library opens and laid out back to back in one byte array, so that a keystroke is one
/// linear scan with `memchr`/`memcmp` and one sort of integers, with no allocation per name.
struct SearchIndex: Sendable {
  /// All folded names, back to back.
  private let text: [UInt8]
  /// Where each name starts in `text`; one more element than there are names.
  private let nameStart: [Int32]
  /// For each byte of `text`, the Character of the original name it came from.
  private let characters: [Int32]
  /// Each entry's first name (its title) in `nameStart`; one more element than entries.
  private let entryFirstName: [Int32]
  /// Per entry: 1 English, 2 Spanish, 0 anything else.
  private let languages: [UInt8]
  /// The entries in the order of their folded titles.
  private let alphabetical: [Int32]
  /// Per entry, its position in `alphabetical`: the tie-breaker for equal matches.
  private let rank: [Int32]

  init(entries: [TopicIndexEntry]) {
    var text: [UInt8] = []
    var nameStart: [Int32] = []
    var characters: [Int32] = []
    var entryFirstName: [Int32] = []
    var languages: [UInt8] = []
    let names = entries.reduce(0) { $0 + 1 + $1.alsoCalled.count }
    nameStart.reserveCapacity(names + 1)
    entryFirstName.reserveCapacity(entries.count + 1)
    languages.reserveCapacity(entries.count)
    for entry in entries {
      entryFirstName.append(Int32(nameStart.count))
      languages.append(entry.language == "en" ? 1 : entry.language == "es" ? 2 : 0)
      for name in CollectionOfOne(entry.title) + entry.alsoCalled {
        nameStart.append(Int32(text.count))
        let folded = TextFolding.fold(name)
        text += folded.bytes
        characters += folded.characters
      }
    }
    nameStart.append(Int32(text.count))
    entryFirstName.append(Int32(nameStart.count - 1))

    var order = (0..<Int32(entries.count)).map { $0 }
    text.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      order.sort { first, second in
        let a = Int(nameStart[Int(entryFirstName[Int(first)])])
        let aEnd = Int(nameStart[Int(entryFirstName[Int(first)]) + 1])
        let b = Int(nameStart[Int(entryFirstName[Int(second)])])
        let bEnd = Int(nameStart[Int(entryFirstName[Int(second)]) + 1])
        let common = min(aEnd - a, bEnd - b)
        let compared = common > 0 ? memcmp(base + a, base + b, common) : 0
        if compared != 0 { return compared < 0 }
        if aEnd - a != bEnd - b { return aEnd - a < bEnd - b }
        return first < second
      }
    }
    var rank = [Int32](repeating: 0, count: entries.count)
    for (position, entry) in order.enumerated() { rank[Int(entry)] = Int32(position) }

    self.text = text
    self.nameStart = nameStart
    self.characters = characters
    self.entryFirstName = entryFirstName
    self.languages = languages
    self.alphabetical = order
    self.rank = rank
  }

  /// One match found during the scan, before it becomes a `SearchHit`.
  private struct Found {
    /// Match class in the high half (0 title prefix, 1 also-called prefix, 2 word,
    /// 3 substring), alphabetical rank in the low half: sorting by it is the result order.
    var key: UInt64
    var entry: Int32
    var name: Int32
    var position: Int32
  }

  func search(_ query: String, languages filter: LanguageFilter, entries: [TopicIndexEntry])
    -> [SearchHit]
  {
    let folded = TextFolding.query(query)
    guard !folded.isEmpty else {
      return alphabetical.compactMap { entry in
        let index = Int(entry)
        guard admits(index, filter) else { return nil }
        return SearchHit(
          entry: index, matched: entries[index].title, matchStart: 0, matchLength: 0,
          kind: .prefix, matchedTitle: true)
      }
    }
    var found: [Found] = []
    text.withUnsafeBufferPointer { text in
      folded.withUnsafeBufferPointer { query in
        guard let textBase = text.baseAddress, let queryBase = query.baseAddress else { return }
        for entry in 0..<languages.count where admits(entry, filter) {
          var best = Found(key: UInt64.max, entry: Int32(entry), name: 0, position: 0)
          let first = Int(entryFirstName[entry])
          for name in first..<Int(entryFirstName[entry + 1]) {
            let start = Int(nameStart[name])
            let length = Int(nameStart[name + 1]) - start
            guard
              let (kind, position) = Self.match(
                queryBase, query.count, in: textBase + start, length)
            else { continue }
            let matchClass: UInt64 =
              switch kind {
              case .prefix: name == first ? 0 : 1
              case .word: 2
              case .substring: 3
              }
            let key = matchClass << 32 | UInt64(rank[entry])
            if key < best.key {
              best.key = key
              best.name = Int32(name)
              best.position = Int32(position)
              if matchClass == 0 { break }
            }
          }
          if best.key != UInt64.max { found.append(best) }
        }
      }
    }
    found.sort { $0.key < $1.key }
    return found.map { match in
      let entry = Int(match.entry)
      let name = Int(match.name)
      let first = Int(entryFirstName[entry])
      let start = Int(nameStart[name]) + Int(match.position)
      let startCharacter = Int(characters[start])
      let endCharacter = Int(characters[start + folded.count - 1]) + 1
      let kind: SearchHit.MatchKind =
        switch match.key >> 32 {
        case 0, 1: .prefix
        case 2: .word
        default: .substring
        }
      return SearchHit(
        entry: entry,
        matched: name == first ? entries[entry].title : entries[entry].alsoCalled[name - first - 1],
        matchStart: startCharacter, matchLength: endCharacter - startCharacter, kind: kind,
        matchedTitle: name == first)
    }
  }

  /// The first entry (in file order) whose folded title is exactly the folded `name`, else
  /// the first with such an also-called name.
  func entry(named name: String, languages filter: LanguageFilter) -> Int? {
    let folded = TextFolding.query(name)
    guard !folded.isEmpty else { return nil }
    func equals(_ name: Int) -> Bool {
      let start = Int(nameStart[name])
      let end = Int(nameStart[name + 1])
      return end - start == folded.count && text[start..<end].elementsEqual(folded)
    }
    let entries = 0..<languages.count
    if let byTitle = entries.first(where: { admits($0, filter) && equals(Int(entryFirstName[$0])) })
    {
      return byTitle
    }
    return entries.first { entry in
      admits(entry, filter)
        && (Int(entryFirstName[entry]) + 1..<Int(entryFirstName[entry + 1])).contains(where: equals)
    }
  }

  private func admits(_ entry: Int, _ filter: LanguageFilter) -> Bool {
    switch filter {
    case .both: true
    case .english: languages[entry] != 2
    case .spanish: languages[entry] != 1
    }
  }

  /// The best place `query` occurs in `name`: at the start, else at the start of a word,
  /// else anywhere; nil when it does not occur.
  private static func match(
    _ query: UnsafePointer<UInt8>, _ queryLength: Int, in name: UnsafePointer<UInt8>,
    _ nameLength: Int
  ) -> (SearchHit.MatchKind, Int)? {
    guard queryLength <= nameLength else { return nil }
    let last = nameLength - queryLength
    var substring: Int?
    var position = 0
    while position <= last {
      guard let hit = memchr(name + position, Int32(query[0]), last - position + 1) else { break }
      position = name.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if queryLength == 1 || memcmp(name + position + 1, query + 1, queryLength - 1) == 0 {
        if position == 0 { return (.prefix, 0) }
        if !TextFolding.isWordByte(name[position - 1]) { return (.word, position) }
        if substring == nil { substring = position }
      }
      position += 1
    }
    return substring.map { (.substring, $0) }
  }
}
