/// Folds names and queries for search so that "acne" finds "Acné" and "ulcera" finds
/// "Úlcera péptica": letters lose their accents (canonical decomposition minus combining
/// marks, via `AccentFoldingTable`), everything is lower-cased, and a few typing variants
/// meet: apostrophes are dropped ("alzheimers" finds "Alzheimer's"), dashes become spaces
/// ("x ray" finds "X-Ray"), and runs of white space become one space, trimmed at both ends.
///
/// The result is UTF-8 bytes, searched with byte comparisons; for names, each byte also
/// records which Character of the original it came from, so a match can be highlighted in
/// the original text. Foundation is not used (its folding would pull in ICU data).
enum TextFolding {
  /// A folded name: its bytes and, per byte, the index of the original's Character.
  struct Folded {
    var bytes: [UInt8] = []
    var characters: [Int32] = []
  }

  /// The folded bytes of a query.
  static func query(_ text: String) -> [UInt8] {
    fold(text).bytes
  }

  static func fold(_ text: String) -> Folded {
    var folded = Folded()
    folded.bytes.reserveCapacity(text.utf8.count)
    folded.characters.reserveCapacity(text.utf8.count)
    // The Character that started the current run of white space, if any: the run becomes
    // one space, written only when something follows it.
    var pendingSpace: Int?
    func emit(_ byte: UInt8, _ character: Int) {
      if let space = pendingSpace {
        pendingSpace = nil
        if !folded.bytes.isEmpty {
          folded.bytes.append(0x20)
          folded.characters.append(Int32(space))
        }
      }
      folded.bytes.append(byte)
      folded.characters.append(Int32(character))
    }
    func emit(_ scalar: Unicode.Scalar, _ character: Int) {
      if scalar.isASCII {
        emit(UInt8(scalar.value), character)
        return
      }
      guard let encoded = UTF8.encode(scalar) else { return }
      for byte in encoded { emit(byte, character) }
    }

    // The common case, plain ASCII without "\r\n": one Character per byte.
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      for (index, byte) in utf8.enumerated() {
        switch foldASCII(byte) {
        case .byte(let folded): emit(folded, index)
        case .space: pendingSpace = pendingSpace ?? index
        case .drop: break
        }
      }
      return folded
    }

    for (index, character) in text.enumerated() {
      for scalar in character.unicodeScalars {
        if scalar.isASCII {
          switch foldASCII(UInt8(scalar.value)) {
          case .byte(let folded): emit(folded, index)
          case .space: pendingSpace = pendingSpace ?? index
          case .drop: break
          }
          continue
        }
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC, 0x00B4:  // typographic apostrophes and the acute accent
          continue
        case 0x00A0, 0x2000...0x200A, 0x2010...0x2015, 0x2212, 0x202F, 0x3000:
          pendingSpace = pendingSpace ?? index
          continue
        default:
          break
        }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark { continue }
        if properties.isWhitespace {
          pendingSpace = pendingSpace ?? index
          continue
        }
        if let base = AccentFoldingTable.base(of: scalar.value), let folded = Unicode.Scalar(base) {
          emit(folded, index)
          continue
        }
        guard properties.changesWhenLowercased else {
          emit(scalar, index)
          continue
        }
        for lower in properties.lowercaseMapping.unicodeScalars
        where lower.properties.generalCategory != .nonspacingMark {
          emit(
            AccentFoldingTable.base(of: lower.value).flatMap(Unicode.Scalar.init) ?? lower, index)
        }
      }
    }
    return folded
  }

  private enum ASCIIFold {
    case byte(UInt8)
    case space
    case drop
  }

  private static func foldASCII(_ byte: UInt8) -> ASCIIFold {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): .byte(byte | 0x20)
    case UInt8(ascii: "'"), UInt8(ascii: "`"): .drop
    case UInt8(ascii: "-"), 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: .space
    case 0x00..<0x20, 0x7F: .drop
    default: .byte(byte)
    }
  }

  /// True for bytes that continue a word: ASCII letters and digits, and every byte of a
  /// non-ASCII letter (accented letters were folded to ASCII already; what remains is text
  /// in other scripts).
  static func isWordByte(_ byte: UInt8) -> Bool {
    (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
  }
}
