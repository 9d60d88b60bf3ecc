import CLibXML2

/// libxml2's pull parser (`xmlTextReader`) over bytes in memory, set up for files from
/// anywhere: no network, no DTD loading, no external entities, and errors kept (with their
/// line) instead of printed on stderr.
///
/// A pull parser keeps only the node it stands on (and the open ancestors), so memory stays
/// flat however many topics a file holds. The bytes are not copied: the caller keeps them
/// alive and unchanged for the parser's lifetime.
final class XMLPullParser {
  /// What the parser stands on after a step.
  enum Node: Equatable {
    case element
    case endElement
    /// Character data: text, CDATA and white space.
    case text
    /// Comments, processing instructions, the DOCTYPE and the like.
    case other
  }

  /// The outcome of a step.
  enum Step: Equatable {
    case moved
    case finished
    case failed
  }

  /// The first error libxml2 reported.
  struct Failure: Equatable {
    var line: Int
    var message: String
    /// libxml2's `xmlParserErrors` code.
    var code: Int32
  }

  /// Receives libxml2's error callbacks; a class so the C callback can reach it by pointer.
  private final class ErrorLog {
    var first: Failure?
    /// A non-fatal error is kept only until a fatal one comes: the fatal one is why parsing
    /// stopped.
    var firstIsFatal = false

    func record(_ error: xmlError) {
      guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
      let fatal = error.level.rawValue >= XML_ERR_FATAL.rawValue
      if first != nil && (firstIsFatal || !fatal) { return }
      let text = error.message.map { String(cString: $0) } ?? "unknown error"
      first = Failure(line: Int(error.line), message: text.collapsingWhitespace, code: error.code)
      firstIsFatal = fatal
    }
  }

  // NONET forbids fetching anything; leaving out DTDLOAD, DTDATTR, DTDVALID and NOENT keeps
  // the external DTD and external entities unread (the official files point at a DTD on
  // medlineplus.gov). BIG_LINES keeps line numbers right past 65,535 in the 30 MB file.
  private static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

  private let reader: OpaquePointer
  private let errors = ErrorLog()

  /// A parser over `bytes`, or nil when libxml2 cannot start (no bytes, no memory).
  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count <= Int(Int32.max) else {
      return nil
    }
    // Errors raised outside the reader's context (the encoding layer) go to the thread's
    // generic handler, which prints to stderr unless silenced.
    medterm_xml_silence_errors()
    let created = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
      xmlReaderForMemory($0, Int32(bytes.count), nil, nil, Self.options)
    }
    guard let created else { return nil }
    reader = created
    xmlTextReaderSetStructuredErrorHandler(
      reader,
      { context, error in
        guard let context, let error else { return }
        Unmanaged<ErrorLog>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
      },
      Unmanaged.passUnretained(errors).toOpaque())
  }

  deinit {
    xmlFreeTextReader(reader)
  }

  /// The first error, once a step has failed.
  var failure: Failure? { errors.first }

  /// Moves to the next node in document order.
  func read() -> Step {
    step(xmlTextReaderRead(reader))
  }

  /// Moves past the current node and everything inside it.
  func skipSubtree() -> Step {
    step(xmlTextReaderNext(reader))
  }

  /// After a fatal error libxml2 may still move (`xmlTextReaderNext` after a failed
  /// expansion walks the half-built tree), so a fatal error ends the walk whatever the
  /// status says.
  private func step(_ status: Int32) -> Step {
    if errors.firstIsFatal { return .failed }
    return status == 1 ? .moved : status == 0 ? .finished : .failed
  }

  var node: Node {
    switch xmlTextReaderNodeType(reader) {
    case Int32(XML_READER_TYPE_ELEMENT.rawValue): .element
    case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
    case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
      Int32(XML_READER_TYPE_WHITESPACE.rawValue),
      Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
      .text
    default: .other
    }
  }

  /// Nesting depth of the current node; the root element is at 0.
  var depth: Int { Int(xmlTextReaderDepth(reader)) }

  /// True for `<element/>`, which has no end-element node.
  var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

  /// The current node's local name (element names are short ASCII, so this does not
  /// allocate).
  var name: String {
    xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
  }

  /// The line the parser has reached.
  var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

  /// Bytes of input the parser has consumed.
  var bytesConsumed: Int { Int(xmlTextReaderByteConsumed(reader)) }

  /// Calls `body` with each attribute of the current element: its local name and its value
  /// as UTF-8 (entities already decoded), valid only during the call.
  func forEachAttribute(_ body: (String, UnsafeBufferPointer<UInt8>) -> Void) {
    guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
    repeat {
      if let name = xmlTextReaderConstLocalName(reader),
        let value = xmlTextReaderConstValue(reader)
      {
        body(String(cString: name), UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
      }
    } while xmlTextReaderMoveToNextAttribute(reader) == 1
    xmlTextReaderMoveToElement(reader)
  }

  /// Appends the current text node's content (entities already decoded) as UTF-8.
  func appendText(to buffer: inout [UInt8]) {
    guard let value = xmlTextReaderConstValue(reader) else { return }
    let length = Int(xmlStrlen(value))
    buffer.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
  }

  /// The current node's content, as libxml2 holds it.
  var text: String {
    xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
  }

  /// The current element and its content serialised back to markup. Reading it parses the
  /// whole subtree; `skipSubtree()` then moves past it.
  func outerXML() -> String? {
    guard let markup = xmlTextReaderReadOuterXml(reader) else { return nil }
    defer { medterm_xmlFree(markup) }
    return String(cString: markup)
  }
}
