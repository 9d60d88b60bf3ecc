/// A piece of section content.
public indirect enum Block: Hashable, Sendable {
  /// A paragraph of styled text.
  case paragraph([TextRun])
  /// A sub-heading inside a section ("What is diabetes?"), level 1–6.
  case heading(level: Int, [TextRun])
  /// A bullet or numbered list; each item holds blocks (nested lists included).
  case list(ordered: Bool, items: [[Block]])
  /// A table of plain-text cells; the first row is the header when `hasHeader` is set.
  case table(Table)
  /// An image, kept as its alt text (and address when known).
  case image(alt: String, url: String?)
  /// A section's list of resource links: indices into `Page.links`.
  case resources([Int])
  /// Preformatted text (code, shell sessions, a specification), shown as is: its runs keep
  /// every space and line break, and may be links like any other text.
  case preformatted([TextRun])
  /// A quotation.
  case quote([Block])
  /// The summary's source line ("NIH: National Institute of …").
  case attribution(String)
}

/// A table of plain-text cells.
public struct Table: Hashable, Sendable {
  public var rows: [[String]]
  public var hasHeader: Bool

  public init(rows: [[String]], hasHeader: Bool) {
    self.rows = rows
    self.hasHeader = hasHeader
  }

  /// The widest row's cell count.
  public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}
