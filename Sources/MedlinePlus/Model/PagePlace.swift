/// A place inside a section that a link can point at (`#ref-RFC2119`, an element's id or an
/// `<a name>`), found where no section starts.
public struct PagePlace: Hashable, Sendable {
  /// The section it is in.
  public var section: Int
  /// The index of the block in the section's `blocks` that holds it (or that follows it).
  public var block: Int
  /// The line inside that block, for preformatted text; 0 otherwise.
  public var line: Int

  public init(section: Int, block: Int, line: Int = 0) {
    self.section = section
    self.block = block
    self.line = line
  }
}
