@testable import MedlinePlus

/// The text-dump reader (html2text dumps like the built-in page), forced by a `Link:` header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextDump(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(data, size)
  let header = Array("Link: https://medlineplus.gov/page.html\n".utf8)
  let bytes = input.bytes.starts(with: Array("Link:".utf8)) ? input.bytes : header + input.bytes
  if let document = try? PageReader.read(bytes, origin: nil) {
    PageInvariants.check(document)
  }
  // The reader itself, even where the sniffer would call the bytes binary.
  if let page = try? TextDumpReader.read(SourceText.decode(bytes), origin: nil) {
    PageInvariants.check(page)
  }
  return 0
}
