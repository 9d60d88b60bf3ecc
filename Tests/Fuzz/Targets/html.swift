@testable import MedlinePlus

/// The HTML reader (libxml2's HTML parser and the MedlinePlus / generic DOM walk), and the
/// fragment parser the XML reader uses for summaries; the first byte chooses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let (selector, rest) = FuzzInput(data, size).split()
  if selector % 4 == 3 {
    _ = HTMLReader.markup(fragment: String(decoding: rest, as: UTF8.self))
    return 0
  }
  let bytes = rest.starts(with: Array("<".utf8)) ? rest : Array("<html>".utf8) + rest
  let contentType = selector % 4 == 1 ? "text/html; charset=windows-1252" : "text/html"
  if let page = try? HTMLReader.read(
    bytes, origin: "https://medlineplus.gov/page.html", contentType: contentType)
  {
    PageInvariants.check(page)
  }
  return 0
}
