/// What `LibraryUpdater.run` installed.
public struct UpdateResult: Hashable, Sendable {
  /// The library file, `LibraryLocation.rememberedLibrary`.
  public var path: String
  /// Where it was downloaded from, and the date in its name.
  public var source: TopicsFileLink
  /// Its size in bytes.
  public var bytes: Int
  /// How many topics it holds.
  public var topics: Int
  /// Its `date-generated` attribute.
  public var dateGenerated: String?
  /// True when it replaced an earlier library.
  public var replacedPrevious: Bool

  public init(
    path: String, source: TopicsFileLink, bytes: Int, topics: Int, dateGenerated: String?,
    replacedPrevious: Bool
  ) {
    self.path = path
    self.source = source
    self.bytes = bytes
    self.topics = topics
    self.dateGenerated = dateGenerated
    self.replacedPrevious = replacedPrevious
  }
}
