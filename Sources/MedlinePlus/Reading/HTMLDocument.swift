import CLibXML2

/// A parsed HTML document owned by Swift: libxml2's forgiving HTML parser, no network, no
/// error output; freed when the value goes away.
final class HTMLDocument {
  let pointer: htmlDocPtr

  /// Parses bytes as HTML. `encoding` is an IANA charset name from the HTTP header; without
  /// it libxml2 looks at the byte-order mark and `<meta charset>`.
  init?(bytes: [UInt8], url: String?, encoding: String?) {
    medterm_xml_silence_errors()
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | XML_PARSE_HUGE.rawValue)
    let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        htmlReadMemory(base, Int32(clamping: buffer.count), url, encoding, options)
      }
    }
    guard let parsed else { return nil }
    pointer = parsed
  }

  deinit {
    xmlFreeDoc(pointer)
  }

  var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }
}

/// Small read-only views of a libxml2 node.
extension UnsafeMutablePointer where Pointee == xmlNode {
  var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

  /// The lower-case element name ("div").
  var name: String {
    guard let name = pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  /// The value of an attribute, or nil.
  func attribute(_ key: String) -> String? {
    guard let value = xmlGetProp(self, key) else { return nil }
    defer { medterm_xmlFree(value) }
    return String(cString: value)
  }

  /// A text node's own text.
  var textContent: String {
    guard let content = pointee.content else { return "" }
    return String(cString: content)
  }

  /// The child nodes in document order.
  var childNodes: HTMLChildNodes { HTMLChildNodes(first: pointee.children) }
}

/// Iterates a node's children without copying them.
struct HTMLChildNodes: Sequence, IteratorProtocol {
  private var cursor: xmlNodePtr?

  init(first: xmlNodePtr?) {
    cursor = first
  }

  mutating func next() -> xmlNodePtr? {
    guard let node = cursor else { return nil }
    cursor = node.pointee.next
    return node
  }
}
