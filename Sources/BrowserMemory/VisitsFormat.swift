import BrowserCore

/// `history`: one visit a line, oldest first: `SECONDS<TAB>ADDRESS<TAB>TITLE`. One line per
/// address (its latest visit), at most `limit` lines.
enum VisitsFormat {
  static let limit = 1000
  static let header = "# medterm history: seconds since 1970, address, title (tab-separated)\n"

  static func parse(_ text: String) -> [Visit] {
    var visits: [Visit] = []
    for line in StateLine.lines(text) {
      guard let fields = StateLine.fields(line), fields.count >= 2, let time = Int(fields[0]),
        !fields[1].isEmpty
      else { continue }
      visits.append(Visit(address: fields[1], title: fields.count > 2 ? fields[2] : "", time: time))
    }
    return deduplicated(visits)
  }

  static func serialize(_ visits: [Visit]) -> String {
    header
      + visits.map { "\($0.time)\t\(StateLine.field($0.address))\t\(StateLine.field($0.title))\n" }
      .joined()
  }

  /// The latest visit of each address, oldest first, the newest `limit` of them.
  static func deduplicated(_ visits: [Visit]) -> [Visit] {
    var seen: Set<String> = []
    var kept: [Visit] = []
    for visit in visits.reversed() where !seen.contains(visit.address) {
      seen.insert(visit.address)
      kept.append(visit)
      if kept.count == limit { break }
    }
    return kept.reversed()
  }
}
