@testable import MedlinePlus

/// The Markdown reader (docling and html2text renderings, CommonMark-ish files).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(data, size)
  if let page = try? MarkdownReader.read(
    SourceText.decode(input.bytes), origin: "https://medlineplus.gov/page.html")
  {
    PageInvariants.check(page)
  }
  return 0
}
