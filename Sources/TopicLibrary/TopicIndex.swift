import MedlinePlus

/// What the compact index holds for one file: the entries and what the file says of itself.
/// Built by `TopicIndexBuilder` from the XML, or loaded by `IndexCacheFile`.
struct TopicIndex: Hashable, Sendable {
  var entries: [TopicIndexEntry]
  var declaredTotal: Int?
  var dateGenerated: String?
  /// Set when the file breaks off; the entries are the complete topics before the break.
  var truncation: ReadError?
  /// The bytes before the root element (XML declaration, DOCTYPE), put in front of a topic
  /// read on its own so that it is decoded exactly as in the whole file.
  var prolog: [UInt8]
}
