/// Greedy word wrapping of styled text to a width in terminal cells.
///
/// Words are broken at spaces, and in text written without spaces (Chinese, Japanese) after
/// its commas and full stops, where a line may end with nothing added; a word wider than the
/// line is cut at grapheme boundaries. Every line starts with a prefix (a bullet, an indent, a link number) and the
/// following lines with the continuation prefix, so lists and cards get hanging indents.
public enum TextWrapper {
  private struct Piece {
    var text: String
    var role: StyleRole
    var link: Int?
  }

  private struct Word {
    var pieces: [Piece] = []
    var width = 0
    var forcesBreakBefore = false
    /// False for a word that follows punctuation of text written without spaces: on one
    /// line the two touch.
    var spaceBefore = true

    var isEmpty: Bool { pieces.isEmpty }

    mutating func append(_ character: Character, role: StyleRole, link: Int?, width: Int) {
      // In place: a copy of the last piece would make every append copy its whole text.
      if let last = pieces.indices.last, pieces[last].role == role, pieces[last].link == link {
        pieces[last].text.append(character)
      } else {
        pieces.append(Piece(text: String(character), role: role, link: link))
      }
      self.width += width
    }
  }

  /// Wraps `spans` into lines no wider than `width` cells (at least one line).
  public static func wrap(
    _ spans: [StyledSpan], width: Int, prefix: [StyledSpan] = [], continuation: [StyledSpan] = []
  ) -> [[StyledSpan]] {
    let words = self.words(in: spans)
    let prefixWidth = cellWidth(of: prefix)
    let continuationWidth = cellWidth(of: continuation)
    var lines: [[StyledSpan]] = []
    var line = prefix
    var lineWidth = prefixWidth
    var lineHasWords = false
    var previousLink: Int? = nil
    var previousRole = StyleRole.normal

    func finishLine() {
      lines.append(merged(line))
      line = continuation
      lineWidth = continuationWidth
      lineHasWords = false
    }

    for word in words {
      if word.forcesBreakBefore && (lineHasWords || !lines.isEmpty || line.count > prefix.count) {
        finishLine()
      }
      if word.isEmpty { continue }
      let available = max(1, width - lineWidth)
      let gap = word.spaceBefore ? 1 : 0
      if lineHasWords && word.width + gap > available {
        finishLine()
      } else if lineHasWords && word.spaceBefore {
        // The space between two words of one style takes that style (fewer attribute
        // changes on the wire; a link stays underlined across its words).
        let next = word.pieces.first
        let continues = next?.role == previousRole && next?.link == previousLink
        line.append(
          StyledSpan(" ", continues ? previousRole : .normal, link: continues ? previousLink : nil))
        lineWidth += 1
      }
      var remaining = word
      if remaining.width > max(1, width - lineWidth) {
        // Too wide for the room left: cut it, in one pass over its characters (a page of
        // 4,000-letter words must not be cut by re-reading each word once a line).
        remaining = Word()
        for piece in word.pieces {
          // A link's number ("[13]") is never cut in two: in text without spaces (Japanese)
          // it starts the next line instead when the rest of this one cannot hold it.
          if piece.role == .linkNumber, !remaining.isEmpty {
            let cells = DisplayWidth.of(piece.text)
            if remaining.width + cells > max(1, width - lineWidth)
              && cells <= max(1, width - continuationWidth)
            {
              append(remaining, to: &line)
              remaining = Word()
              lineHasWords = true
              finishLine()
            }
          }
          for character in piece.text {
            let cells = DisplayWidth.of(character)
            while remaining.width + cells > max(1, width - lineWidth) {
              if !remaining.isEmpty {
                append(remaining, to: &line)
                remaining = Word()
                lineHasWords = true
              } else if !lineHasWords {
                break  // Not even one character fits (a wide one in a one-cell line): place it.
              }
              finishLine()
            }
            remaining.append(character, role: piece.role, link: piece.link, width: cells)
          }
        }
      }
      if !remaining.isEmpty {
        append(remaining, to: &line)
        lineWidth += remaining.width
        lineHasWords = true
        previousLink = remaining.pieces.last?.link
        previousRole = remaining.pieces.last?.role ?? .normal
      }
    }
    if lineHasWords || lines.isEmpty { lines.append(merged(line)) }
    return lines
  }

  /// The cells a list of spans takes.
  public static func cellWidth(of spans: [StyledSpan]) -> Int {
    spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
  }

  private static func words(in spans: [StyledSpan]) -> [Word] {
    var words: [Word] = []
    var current = Word()
    for span in spans {
      for character in span.text {
        if character == "\n" {
          if !current.isEmpty { words.append(current) }
          current = Word()
          var marker = Word()
          marker.forcesBreakBefore = true
          words.append(marker)
          continue
        }
        if character == " " || character == "\t" {
          if !current.isEmpty { words.append(current) }
          current = Word()
          continue
        }
        current.append(
          character, role: span.role, link: span.link, width: DisplayWidth.of(character))
        if breaksAfter(character) {
          words.append(current)
          current = Word()
          current.spaceBefore = false
        }
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// Punctuation of text written without spaces after which a line may end: ideographic
  /// and full-width commas, full stops, marks and closing brackets.
  private static func breaksAfter(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first, scalar.value >= 0x3000 else { return false }
    switch scalar.value {
    case 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019,
      0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF61, 0xFF64:
      return true
    default:
      return false
    }
  }

  private static func append(_ word: Word, to line: inout [StyledSpan]) {
    for piece in word.pieces { line.append(StyledSpan(piece.text, piece.role, link: piece.link)) }
  }

  private static func merged(_ spans: [StyledSpan]) -> [StyledSpan] {
    var output: [StyledSpan] = []
    for span in spans where !span.text.isEmpty {
      if var last = output.last, last.role == span.role, last.link == span.link {
        last.text += span.text
        output[output.count - 1] = last
      } else {
        output.append(span)
      }
    }
    return output
  }
}
