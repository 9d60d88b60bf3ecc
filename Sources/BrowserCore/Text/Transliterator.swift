/// Plain ASCII for terminals that cannot show more (no UTF-8 locale): accented Latin letters
/// lose their accents, typographic punctuation becomes its ASCII look-alike, and anything
/// else becomes "?" per cell it would have taken, so layout widths stay right.
public enum Transliterator {
  private static let table: [Character: String] = {
    var table: [Character: String] = [
      "‘": "'", "’": "'", "‚": ",", "‛": "'", "“": "\"", "”": "\"", "„": "\"", "«": "<<",
      "»": ">>", "‹": "<", "›": ">", "–": "-", "—": "--", "―": "--", "‐": "-", "‑": "-",
      "…": "...", "•": "*", "·": ".", "◦": "o", "▸": ">", "→": "->", "←": "<-", "↑": "^",
      "↓": "v", "│": "|", "─": "-", "┼": "+", "▎": "|", "©": "(c)", "®": "(R)", "™": "(TM)",
      "°": "deg", "±": "+/-", "×": "x", "÷": "/", "½": "1/2", "¼": "1/4", "¾": "3/4",
      "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "\u{2002}": " ", "\u{2003}": " ",
      "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o", "Ð": "D",
      "ð": "d", "Þ": "Th", "þ": "th", "Ł": "L", "ł": "l", "¿": "?", "¡": "!", "€": "EUR",
      "£": "GBP", "¥": "JPY", "¢": "c", "§": "S", "¶": "P", "µ": "u",
    ]
    let groups: [(String, Character)] = [
      ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"),
      ("ďđ", "d"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"),
      ("ĤĦ", "H"), ("ĥħ", "h"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"),
      ("Ķ", "K"), ("ķ", "k"), ("ĹĻĽĿ", "L"), ("ĺļľŀ", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"),
      ("ÒÓÔÕÖŌŎŐ", "O"), ("òóôõöōŏő", "o"), ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"),
      ("śŝşš", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"),
      ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"), ("ŹŻŽ", "Z"), ("źżž", "z"),
    ]
    for (letters, base) in groups {
      for letter in letters { table[letter] = String(base) }
    }
    return table
  }()

  /// The letter without its accents when that is one ASCII letter (é → e, Ü → U, e + U+0301
  /// → e), else the character itself: one character for one, so positions stay put.
  public static func withoutAccent(_ character: Character) -> Character {
    guard !character.isASCII else { return character }
    let replacement =
      table[character]
      ?? character.unicodeScalars.first.flatMap { base in
        base.isASCII ? String(Character(base)) : table[Character(base)]
      }
    guard let replacement, replacement.count == 1, let letter = replacement.first, letter.isLetter
    else { return character }
    return letter
  }

  public static func ascii(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
      if character.isASCII {
        output.append(character)
      } else if let replacement = table[character] {
        output += replacement
      } else if let base = character.unicodeScalars.first, let mapped = table[Character(base)] {
        // A letter followed by combining marks: keep the base letter's ASCII form.
        output += mapped
      } else {
        let width = DisplayWidth.of(character)
        output += String(repeating: "?", count: width)
      }
    }
    return output
  }
}
