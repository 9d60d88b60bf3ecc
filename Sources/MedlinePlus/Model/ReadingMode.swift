/// How much of a web page a reader keeps.
public enum ReadingMode: Hashable, Sendable {
  /// The article, told from the page's furniture (navigation, share buttons, comments,
  /// footers), as a reader view shows it. MedlinePlus topic pages keep their own reading.
  case article
  /// The whole page.
  case full
}
