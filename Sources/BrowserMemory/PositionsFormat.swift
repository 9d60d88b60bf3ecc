import BrowserCore

/// `positions`: where the reader left each page, oldest first:
/// `SECONDS<TAB>ADDRESS<TAB>SECTION-ID<TAB>SECTION<TAB>OFFSET<TAB>SECTION-LENGTH`, at most
/// `limit` pages.
enum PositionsFormat {
  static let limit = 1000
  static let header =
    "# medterm reading positions: seconds, address, section id, section, line, section length\n"

  struct Entry: Equatable {
    var time: Int
    var address: String
    var position: ReadingPosition
  }

  static func parse(_ text: String) -> [Entry] {
    var entries: [Entry] = []
    for line in StateLine.lines(text) {
      guard let fields = StateLine.fields(line), fields.count >= 6, let time = Int(fields[0]),
        let section = Int(fields[3]), let offset = Int(fields[4]), let length = Int(fields[5]),
        section >= 0, offset >= 0, length >= 0, !fields[1].isEmpty
      else { continue }
      entries.append(
        Entry(
          time: time, address: fields[1],
          position: ReadingPosition(
            sectionID: fields[2], section: section, offset: offset, sectionLength: length)))
    }
    return entries
  }

  static func serialize(_ entries: [Entry]) -> String {
    header
      + entries.map { entry in
        let position = entry.position
        return "\(entry.time)\t\(StateLine.field(entry.address))\t"
          + "\(StateLine.field(position.sectionID))\t\(position.section)\t\(position.offset)\t"
          + "\(position.sectionLength)\n"
      }.joined()
  }

  /// Sets (or, with nil, forgets) one page's position, keeping the newest `limit`.
  static func setting(
    _ position: ReadingPosition?, for address: String, time: Int, in entries: [Entry]
  ) -> [Entry] {
    var kept = entries.filter { $0.address != address }
    if let position { kept.append(Entry(time: time, address: address, position: position)) }
    return Array(kept.suffix(limit))
  }
}
