@testable import MedlinePlus

/// `PageReader.read` as medterm calls it: the sniffer chooses the reader from the content.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(data, size)
  if let document = try? PageReader.read(
    input.bytes, name: "page.html", origin: "https://medlineplus.gov/page.html")
  {
    PageInvariants.check(document)
  }
  return 0
}
