import MedlinePlus

/// What the pager shows for a fetched response that is not text (a PDF, an image, an
/// archive): what it is, how large, where it is, and how to keep it. The hint saves the file
/// with `curl -o`; it never suggests running what was fetched.
public enum BinaryCard {
  /// - Parameters:
  ///   - link: the link that led here, for its title; nil for an address typed by hand.
  ///   - page: the page the link is on, to say where ("3 of 12 on …"), as the link card does.
  ///   - contentType: the server's `Content-Type`, parameters included, when it sent one.
  ///   - size: the bytes received, when known.
  public static func render(
    link: Link?, number: Int?, page: Page? = nil, url: String, contentType: String?, size: Int?,
    width: Int, style: PagerStyle, glyphs: Glyphs = .unicode
  ) -> String {
    text(
      link: link, number: number, page: page, url: url, contentType: contentType, size: size,
      width: width, glyphs: glyphs
    ).rendered(style: style)
  }

  /// The card as lines, for the pager or medterm's own text view.
  public static func text(
    link: Link?, number: Int?, page: Page? = nil, url: String, contentType: String?, size: Int?,
    width: Int, glyphs: Glyphs = .unicode
  ) -> PagerText {
    var writer = PagerTextWriter(width: width, glyphs: glyphs)
    let url = PagerSanitizer.text(url)
    let type = contentType.map(PagerSanitizer.text) ?? ""
    let kind = kindDescription(of: type)
    let title = link.map { PagerSanitizer.text($0.title) } ?? ""
    let heading = title.isEmpty ? "A file from \(hostName(of: url))" : title
    writer.title(heading)
    writer.wrap([StyledSpan("This link leads to \(kind), which medterm cannot show as text.")])
    writer.blank()

    let labelWidth = Label.allCases.map { DisplayWidth.of($0.rawValue) }.max() ?? 0
    if let number {
      let placement = page.map { LinkCard.placement(number: number, page: $0) } ?? "\(number)"
      writer.field(Label.link.rawValue, [StyledSpan(placement)], labelWidth: labelWidth)
    }
    writer.field(
      Label.type.rawValue, [StyledSpan(type.isEmpty ? "not given by the server" : type)],
      labelWidth: labelWidth)
    writer.field(
      Label.size.rawValue, [StyledSpan(size.map(humanSize) ?? "unknown")], labelWidth: labelWidth)
    writer.urlField(Label.address.rawValue, url, labelWidth: labelWidth)
    writer.blank()
    writer.wrap([StyledSpan("To keep it, open the address in a web browser, or save it with:")])
    let command =
      "curl -L -o \(fileName(of: url, type: type)) \(shellQuoted(writer.preparedURL(url)))"
    // A command line, like an address, is not broken: it has to be copied whole.
    writer.emit([StyledSpan("  "), StyledSpan(command, .code)])
    return writer.text(title: heading)
  }

  private enum Label: String, CaseIterable {
    case link = "Link"
    case type = "Type"
    case size = "Size"
    case address = "Address"
  }

  /// "a PDF document", "an image (PNG)", … for the sentence at the top.
  static func kindDescription(of contentType: String) -> String {
    let mime = mimeType(contentType)
    let subtype = mime.split(separator: "/").dropFirst().first.map(String.init) ?? ""
    switch mime.split(separator: "/").first.map(String.init) ?? "" {
    case "image": return subtype.isEmpty ? "an image" : "an image (\(subtype.uppercased()))"
    case "audio": return "an audio file"
    case "video": return "a video"
    case "font": return "a font"
    default: break
    }
    switch mime {
    case "application/pdf": return "a PDF document"
    case "application/zip", "application/gzip", "application/x-tar", "application/x-7z-compressed":
      return "an archive"
    case "application/msword", "application/rtf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return "a word-processor document"
    default: return "binary data"
    }
  }

  /// A size in human units, with the exact count: "1.2 MB (1,234,567 bytes)".
  static func humanSize(_ bytes: Int) -> String {
    let exact = bytes == 1 ? "1 byte" : "\(NumberText.grouped(bytes)) bytes"
    guard bytes >= 1000 else { return exact }
    let units = ["kB", "MB", "GB", "TB"]
    var scale = 1000
    var unit = 0
    while unit < units.count - 1 && bytes >= scale * 1000 {
      scale *= 1000
      unit += 1
    }
    // One decimal below 10 ("2.4 MB"), whole numbers above ("240 MB").
    let tenths = (bytes * 10 + scale / 2) / scale
    let amount = tenths < 100 ? "\(tenths / 10).\(tenths % 10)" : "\((bytes + scale / 2) / scale)"
    return "\(amount) \(units[unit]) (\(exact))"
  }

  private static func mimeType(_ contentType: String) -> String {
    let essence = contentType.split(separator: ";").first.map(String.init) ?? ""
    return essence.trimmingSpaces.lowercased()
  }

  /// A file name for `curl -o`: the address's last path segment with only safe characters
  /// (so it needs no quoting and cannot start like an option), or `download` with an
  /// extension from the content type.
  static func fileName(of url: String, type: String) -> String {
    let path = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
    let afterHost = path.firstRange(of: "://").map { path[$0.upperBound...] } ?? path[...]
    let segments = afterHost.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    let last = segments.last.map(String.init) ?? ""
    let safe = last.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    let name = String(safe.drop(while: { $0 == "-" || $0 == "." }))
    if !name.isEmpty { return name }
    let subtype = mimeType(type).split(separator: "/").dropFirst().first.map(String.init) ?? ""
    let extensions = [
      "pdf": "pdf", "png": "png", "jpeg": "jpg", "gif": "gif", "webp": "webp", "svg+xml": "svg",
      "zip": "zip", "mpeg": "mp3", "mp4": "mp4",
    ]
    return extensions[subtype].map { "download.\($0)" } ?? "download"
  }

  private static func hostName(of url: String) -> String {
    let clean = PagerSanitizer.text(url)
    guard let range = clean.firstRange(of: "://") else { return clean }
    let host = clean[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    return host.isEmpty ? clean : String(host)
  }

  /// Single quotes for a POSIX shell: nothing inside is special except the quote itself.
  private static func shellQuoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
  }
}
