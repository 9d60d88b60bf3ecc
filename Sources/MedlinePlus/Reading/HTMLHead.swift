import CLibXML2

/// What a page's `<head>` (and `<html>`) says of it: title, description, language, canonical
/// and base addresses.
struct HTMLHead {
  var title: String?
  var description: String?
  var language: String?
  var canonicalURL: String?
  var baseURL: String?

  init(root: xmlNodePtr) {
    // Attribute values are page text like any other: an address here becomes the page's
    // origin and the base of every relative link, so controls must not survive in it.
    language = (root.attribute("lang") ?? root.attribute("xml:lang")).flatMap(Self.cleaned)
    guard let head = HTMLReader.child(named: "head", of: root) else { return }
    var documentTitle: String? = nil
    var openGraphTitle: String? = nil
    var metaDescription: String? = nil
    var openGraphDescription: String? = nil
    for element in head.childNodes where element.isElement {
      switch element.name {
      case "title" where documentTitle == nil:
        documentTitle = HTMLMarkupWalker.flatText(of: element).collapsingWhitespace
      case "meta":
        let key = (element.attribute("name") ?? element.attribute("property") ?? "").lowercased()
        let content = element.attribute("content")?.collapsingWhitespace
        switch key {
        case "description": metaDescription = content
        case "og:description": openGraphDescription = content
        case "og:title": openGraphTitle = content
        default: break
        }
      case "link" where element.attribute("rel")?.lowercased() == "canonical":
        canonicalURL = element.attribute("href").flatMap(Self.cleaned)
      case "base":
        baseURL = element.attribute("href").flatMap(Self.cleaned)
      default:
        continue
      }
    }
    title = [openGraphTitle, documentTitle].compactMap { $0 }.first { !$0.isEmpty }
    description = [metaDescription, openGraphDescription].compactMap { $0 }.first { !$0.isEmpty }
  }

  /// The value without controls or escape sequences and trimmed; nil when nothing is left.
  private static func cleaned(_ value: String) -> String? {
    let cleaned = SafeText.clean(value, keepNewlines: false).trimmingSpaces
    return cleaned.isEmpty ? nil : cleaned
  }
}
