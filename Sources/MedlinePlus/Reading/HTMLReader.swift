/// Reads HTML with libxml2's forgiving parser. (Being written: see issue 3.)
enum HTMLReader {
  static func read(_ bytes: [UInt8], origin: String?, contentType: String?) throws(ReadError)
    -> Page
  {
    throw .empty
  }

  /// The markup of an HTML fragment such as a health topic's `full-summary`.
  /// (Placeholder until the DOM walker lands: the fragment's text as one paragraph.)
  static func markup(fragment: String) -> [MarkupBlock] {
    var text = ""
    var inTag = false
    for character in fragment {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
        text.append(" ")
      } else if !inTag {
        text.append(character)
      }
    }
    return [.paragraph([.text(TextRepair.decodeEntities(text), [])])]
  }
}
