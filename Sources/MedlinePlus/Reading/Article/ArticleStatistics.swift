import CLibXML2

/// How much text, link text, paragraphs, images, list items and so on every element below a
/// root holds, gathered in one pass from the leaves up (no recursion, so a page nested as
/// deep as a hostile one likes costs time in proportion to its size, not to its depth
/// squared).
struct ArticleStatistics {
  struct Counts {
    /// Characters of text, a run of white space counted as one.
    var text = 0
    /// Characters of text inside links; a link to a place on the same page counts less,
    /// since a table of contents is still part of the article.
    var linkText = 0.0
    var commas = 0
    /// Elements below (not the element itself).
    var paragraphs = 0
    var images = 0
    var listItems = 0
    var inputs = 0
    var embeds = 0
    /// Tables of data below (a box that holds one is kept).
    var dataTables = 0
    /// Text inside headings, lists, and text-holding elements below.
    var headingText = 0
    var listText = 0
    var textishText = 0

    var linkDensity: Double { text == 0 ? 0 : linkText / Double(text) }
  }

  private(set) var counts: [xmlNodePtr: Counts] = [:]

  subscript(_ node: xmlNodePtr) -> Counts { counts[node] ?? Counts() }

  static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
  static let listNames: Set<String> = ["ul", "ol"]
  /// Elements that hold running text (`font` is an old `span`).
  static let textishNames: Set<String> = [
    "span", "font", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table",
    "ul",
  ]
  static let embedNames: Set<String> = ["object", "embed", "iframe"]

  /// No statistics yet.
  init() {}

  init(root: xmlNodePtr) {
    // Post-order without recursion: a node is finished once all its children are.
    var stack: [(node: xmlNodePtr, visited: Bool)] = [(root, false)]
    while let (node, visited) = stack.popLast() {
      if !visited {
        stack.append((node, true))
        for child in node.childNodes where child.isElement { stack.append((child, false)) }
        continue
      }
      counts[node] = Self.finish(node, counts: counts)
    }
  }

  private static func finish(_ node: xmlNodePtr, counts: [xmlNodePtr: Counts]) -> Counts {
    var total = Counts()
    for child in node.childNodes {
      if child.isText {
        let (length, commas) = measure(child.textContent)
        total.text += length
        total.commas += commas
        continue
      }
      guard child.isElement, let inner = counts[child] else { continue }
      let name = child.name
      total.text += inner.text
      total.linkText += inner.linkText
      total.commas += inner.commas
      total.paragraphs += inner.paragraphs + (name == "p" ? 1 : 0)
      total.images += inner.images + (name == "img" ? 1 : 0)
      total.listItems += inner.listItems + (name == "li" ? 1 : 0)
      total.inputs += inner.inputs + (name == "input" ? 1 : 0)
      total.embeds += inner.embeds + (embedNames.contains(name) ? 1 : 0)
      total.dataTables +=
        inner.dataTables + (name == "table" && ArticleExtractor.isDataTable(child) ? 1 : 0)
      total.headingText += headingNames.contains(name) ? inner.text : inner.headingText
      total.listText += listNames.contains(name) ? inner.text : inner.listText
      total.textishText += textishNames.contains(name) ? inner.text : inner.textishText
    }
    if node.name == "a" {
      let href = node.attribute("href") ?? ""
      let weight = href.hasPrefix("#") && href.count > 1 ? 0.3 : 1
      total.linkText = Double(total.text) * weight
    }
    return total
  }

  /// A text's length with white space runs counted as one, and its commas (in the scripts
  /// that have their own).
  static func measure(_ text: String) -> (length: Int, commas: Int) {
    var length = 0
    var commas = 0
    var inSpace = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isSpace =
        value == 0x20 || (0x09...0x0D).contains(value)
        || (value >= 0x80 && scalar.properties.isWhitespace)
      if isSpace {
        if !inSpace { length += 1 }
        inSpace = true
        continue
      }
      inSpace = false
      length += 1
      switch value {
      case 0x2C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C: commas += 1
      default: break
      }
    }
    return (length, commas)
  }
}
