import MedlinePlus

/// A fetched `text/plain` body for the pager: a header naming the address, then the text as
/// it is (not wrapped: the pager wraps), cleaned of escape sequences and control characters
/// except newlines and tabs.
public enum PlainTextPager {
  /// The body as bytes: UTF-8 (a byte-order mark dropped), or Latin-1 when it is not UTF-8.
  public static func render(
    _ bytes: [UInt8], url: String, width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    let text =
      String(validating: body, as: UTF8.self)
      ?? String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) }))
    return render(text, url: url, width: width, style: style, glyphs: glyphs)
  }

  public static func render(
    _ text: String, url: String, width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    var writer = PagerTextWriter(width: width, style: style, glyphs: glyphs)
    // The address is not broken (it may run past the width), as everywhere in pager text.
    writer.emit([StyledSpan("Text from ", .title), StyledSpan(writer.preparedURL(url), .title)])
    let rule = String(repeating: glyphs.horizontalBar, count: writer.width)
    writer.emit([StyledSpan(rule, .tableBorder)])
    var body = cleaned(text)
    if glyphs.isASCII { body = Transliterator.ascii(body) }
    if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
    return writer.rendered() + "\n" + body
  }

  /// `SafeText` turns a tab into a space; here tabs are kept, so they stand in as a
  /// noncharacter while the text is cleaned. An escape sequence with a tab inside is still
  /// removed whole.
  static func cleaned(_ text: String) -> String {
    // U+FDD0 is a noncharacter: never meant to appear in interchanged text.
    let placeholder = Unicode.Scalar(0xFDD0 as UInt32) ?? "\u{E000}"
    var protected = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where scalar != placeholder {
      protected.append(scalar == "\t" ? placeholder : scalar)
    }
    let clean = PagerSanitizer.lines(String(protected))
    return String(
      String.UnicodeScalarView(clean.unicodeScalars.map { $0 == placeholder ? "\t" : $0 }))
  }
}
