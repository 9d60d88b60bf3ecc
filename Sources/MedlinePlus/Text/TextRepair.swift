import CLibXML2

/// The text repairs every reader applies, in one place.
public enum TextRepair {
  /// Mojibake repaired, then controls and escape sequences removed.
  public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
    SafeText.clean(Mojibake.repair(text), keepNewlines: keepNewlines)
  }

  /// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1, where the repair round-trips.
  public static func repairMojibake(_ text: String) -> String {
    Mojibake.repair(text)
  }

  /// Decodes HTML character references: `&amp;`, `&eacute;`, `&#233;`, `&#xE9;`. Unknown names
  /// and malformed references stay as written, as browsers do.
  public static func decodeEntities(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var index = text.startIndex
    while let ampersand = text[index...].firstIndex(of: "&") {
      output += text[index..<ampersand]
      let afterAmpersand = text.index(after: ampersand)
      guard let semicolon = text[afterAmpersand...].prefix(33).firstIndex(of: ";"),
        let decoded = decodeReference(text[afterAmpersand..<semicolon])
      else {
        output.append("&")
        index = afterAmpersand
        continue
      }
      output.unicodeScalars.append(decoded)
      index = text.index(after: semicolon)
    }
    output += text[index...]
    return output
  }

  private static func decodeReference(_ name: Substring) -> Unicode.Scalar? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(safeScalar)
    }
    if name.hasPrefix("#") {
      return UInt32(name.dropFirst(), radix: 10).flatMap(safeScalar)
    }
    guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
      return nil
    }
    if name == "apos" { return "'" }
    let value: UInt32? = String(name).withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
        htmlEntityLookup($0).map { UInt32($0.pointee.value) }
      }
    }
    return value.flatMap(safeScalar)
  }

  /// A numeric reference to NUL or a surrogate becomes U+FFFD, as HTML5 says.
  private static func safeScalar(_ value: UInt32) -> Unicode.Scalar? {
    if value == 0 { return "\u{FFFD}" }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
