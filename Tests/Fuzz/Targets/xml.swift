@testable import MedlinePlus

/// The health-topics XML reader. Input that is not already a health-topics file is wrapped
/// in a root element and one topic, so that most mutations reach the topic fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(data, size)
  let opening = Array(
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <health-topics total="1" date-generated="07/21/2012 02:30:21">
    <health-topic title="Fuzz" url="https://medlineplus.gov/fuzz.html" id="1" language="English" date-created="01/01/2001">

    """.utf8)
  let closing = Array("</health-topic>\n</health-topics>\n".utf8)
  let text = input.bytes.prefix(512)
  let isWhole = String(decoding: text, as: UTF8.self).contains("<health-topics")
  let bytes = isWhole ? input.bytes : opening + input.bytes + closing
  if let document = try? HealthTopicsXMLReader.read(bytes, origin: nil) {
    PageInvariants.check(document)
  }
  return 0
}
