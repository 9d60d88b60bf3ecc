/// The bottom row fitted to a width: the section title and its position on the left, then a
/// message or key hints, the percentage on the right.
///
/// The reader looks down there for the message (a link's address, "Pattern not found") and
/// for the position, so those are kept and the section title, which the sidebar and the page
/// show anyway, is what gets cut. The title still keeps a few cells beside a message, and a
/// fifth of the line beside a message that cannot be whole anyway (a long link address) or
/// beside the key hints, so that something always says where the reader is.
struct StatusLine: Equatable {
  enum Tail: Equatable {
    /// A one-shot message: whole when it fits, else it takes the percentage's place too and
    /// is cut with an ellipsis.
    case message(String)
    /// Key hints, each one whole or not at all.
    case hints([String])
  }

  /// Title cut to fit, then the position ("3/12").
  let left: String
  /// The message or the hints, starting with their separator.
  let tail: String
  /// The percentage, or empty when a message needed its room.
  let right: String

  /// A title cut shorter than this says nothing; it is left out instead.
  static let shortestTitle = 4

  init(title: String, position: String, tail: Tail, percent: Int, width: Int, glyphs: Glyphs) {
    let dot = " \(glyphs.middleDot) "
    let lead = 1
    let positionWidth = DisplayWidth.of(position)
    let titleWidth = DisplayWidth.of(title)
    var right = " \(percent)% "
    let titleMinimum = width >= 40 ? min(titleWidth, 8) + 1 : 0
    let titleShare = width >= 40 ? min(titleWidth, width / 5) + 1 : 0
    let room = width - lead - positionWidth - DisplayWidth.of(right)
    var tailText = ""
    switch tail {
    case .message(let message):
      // Whole if a short title leaves it room, with or without the percentage; if it cannot
      // be whole the title keeps its fifth.
      let whole = dot + message
      let wholeWidth = DisplayWidth.of(whole)
      if wholeWidth <= room - titleMinimum {
        tailText = whole
      } else {
        right = ""
        let messageRoom = width - lead - positionWidth
        tailText =
          wholeWidth <= messageRoom - titleMinimum
          ? whole : ScreenComposer.truncated(whole, to: messageRoom - titleShare, glyphs)
      }
    case .hints(let hints):
      for hint in hints {
        guard DisplayWidth.of(tailText + dot + hint) <= room - titleShare else { break }
        tailText += dot + hint
      }
    }
    let titleRoom =
      width - lead - positionWidth - DisplayWidth.of(tailText) - DisplayWidth.of(right)
      - (positionWidth > 0 ? 1 : 0)
    var shownTitle = ""
    if titleRoom >= min(titleWidth, Self.shortestTitle) {
      shownTitle = ScreenComposer.truncated(title, to: titleRoom, glyphs)
    }
    let gap = shownTitle.isEmpty || position.isEmpty ? "" : " "
    left = String(repeating: " ", count: lead) + shownTitle + gap + position
    self.tail = tailText
    self.right = right
  }
}
