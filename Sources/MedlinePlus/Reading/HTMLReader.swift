/// Reads HTML with libxml2's forgiving parser. (Being written: see issue 3.)
enum HTMLReader {
  static func read(_ bytes: [UInt8], origin: String?, contentType: String?) throws(ReadError)
    -> Page
  {
    throw .empty
  }
}
