/// Reads the MedlinePlus health-topics XML. (Being written: see issue 3.)
enum HealthTopicsXMLReader {
  static func read(_ bytes: [UInt8], origin: String?) throws(ReadError) -> Document {
    throw .empty
  }
}
