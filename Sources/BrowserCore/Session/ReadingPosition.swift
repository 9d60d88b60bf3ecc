/// Where a reader is on a page, in terms that survive a new width and a new run: the
/// section (by its id, and its index for pages whose sections have none) and how many lines
/// into it, out of how many it had then.
public struct ReadingPosition: Hashable, Sendable {
  public var sectionID: String
  public var section: Int
  public var offset: Int
  public var sectionLength: Int

  public init(sectionID: String, section: Int, offset: Int, sectionLength: Int) {
    self.sectionID = sectionID
    self.section = section
    self.offset = offset
    self.sectionLength = sectionLength
  }

  /// The top of the page.
  public static let top = ReadingPosition(sectionID: "", section: 0, offset: 0, sectionLength: 0)

  /// True at the very top.
  public var isTop: Bool { section == 0 && offset == 0 }
}
