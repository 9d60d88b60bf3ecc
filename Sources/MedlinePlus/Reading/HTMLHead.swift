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
    language = root.attribute("lang") ?? root.attribute("xml:lang")
    if let language, language.trimmingSpaces.isEmpty { self.language = nil }
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
        canonicalURL = element.attribute("href")
      case "base":
        baseURL = element.attribute("href")
      default:
        continue
      }
    }
    title = [openGraphTitle, documentTitle].compactMap { $0 }.first { !$0.isEmpty }
    description = [metaDescription, openGraphDescription].compactMap { $0 }.first { !$0.isEmpty }
  }
}
