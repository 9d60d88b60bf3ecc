import MedlinePlus

/// A fetched `text/plain` body for the pager: a header naming the address, then the text as
/// it is (not wrapped: the pager wraps), cleaned of escape sequences and control characters
/// except newlines and tabs.
public enum PlainTextPager {
  /// The body as bytes: UTF-8 (a byte-order mark dropped), or Latin-1 when it is not UTF-8.
  public static func render(
    _ bytes: [UInt8], url: String, width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    render(decoded(bytes), url: url, width: width, style: style, glyphs: glyphs)
  }

  /// UTF-8 (a byte-order mark dropped), or Latin-1 when it is not UTF-8.
  private static func decoded(_ bytes: [UInt8]) -> String {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    return String(validating: body, as: UTF8.self)
      ?? String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) }))
  }

  public static func render(
    _ text: String, url: String, width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    self.text(text, url: url, width: width, glyphs: glyphs).rendered(style: style)
  }

  /// The body as bytes, as lines for the pager or medterm's own text view.
  public static func text(_ bytes: [UInt8], url: String, width: Int, glyphs: Glyphs = .unicode)
    -> PagerText
  {
    text(decoded(bytes), url: url, width: width, glyphs: glyphs)
  }

  /// The text as lines: a header, then the body verbatim.
  public static func text(_ text: String, url: String, width: Int, glyphs: Glyphs = .unicode)
    -> PagerText
  {
    var writer = PagerTextWriter(width: width, glyphs: glyphs)
    // The address is not broken (it may run past the width), as everywhere in pager text.
    writer.emit([StyledSpan("Text from ", .title), StyledSpan(writer.preparedURL(url), .title)])
    let rule = String(repeating: glyphs.horizontalBar, count: writer.width)
    writer.emit([StyledSpan(rule, .tableBorder)])
    var body = cleaned(text)
    if glyphs.isASCII { body = Transliterator.ascii(body) }
    if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
    return writer.text(title: "Text from " + writer.preparedURL(url), verbatim: body)
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
