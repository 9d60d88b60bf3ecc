@testable import MedlinePlus

/// Text repair: control and escape removal, entity decoding, mojibake repair. Checks what
/// the rest of medterm relies on: nothing that drives a terminal survives `SafeText.clean`,
/// and cleaning twice changes nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(data, size)
  let text = input.text
  for keepNewlines in [false, true] {
    let safe = SafeText.clean(text, keepNewlines: keepNewlines)
    PageInvariants.safe(safe, "SafeText")
    if !keepNewlines {
      PageInvariants.require(!safe.contains("\n"), "SafeText kept a newline")
    }
    PageInvariants.require(
      SafeText.clean(safe, keepNewlines: keepNewlines) == safe, "SafeText is not idempotent")
    let cleaned = TextRepair.clean(text, keepNewlines: keepNewlines)
    PageInvariants.safe(cleaned, "TextRepair.clean")
  }
  let decoded = TextRepair.decodeEntities(text)
  _ = SafeText.clean(decoded)
  _ = TextRepair.repairMojibake(text)
  _ = TextRepair.repairMojibake(TextRepair.decodeEntities(TextRepair.repairMojibake(text)))
  // The same bytes as a source file: BOMs, UTF-16, Windows-1252 fallbacks.
  _ = SourceText.decode(input.bytes)
  return 0
}
