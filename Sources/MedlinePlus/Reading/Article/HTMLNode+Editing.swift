import CLibXML2

/// The few tree operations article extraction needs beyond reading: parents, element
/// children, and taking a node out of the tree without freeing it (the extractor frees what
/// it took out once it is done, so that no pointer it still holds can be reused meanwhile).
extension UnsafeMutablePointer where Pointee == xmlNode {
  /// The parent element, or nil at the top (the document node is not an element).
  var parentElement: xmlNodePtr? {
    guard let parent = pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
    return parent
  }

  /// The element children in document order.
  var elementChildren: [xmlNodePtr] {
    childNodes.filter(\.isElement)
  }

  /// The class and id attributes, lower-cased, as one string to look for words in.
  var classAndID: String {
    ((attribute("class") ?? "") + " " + (attribute("id") ?? "")).lowercased()
  }

  /// Takes the node out of the tree; the caller frees it later.
  func detach() {
    xmlUnlinkNode(self)
  }
}
