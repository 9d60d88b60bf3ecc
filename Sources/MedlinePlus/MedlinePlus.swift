/// MedlinePlus: the page model and every reader medterm understands.
///
/// A source (a text dump, Markdown, HTML, the health-topics XML) goes in as bytes; a `Page`
/// (or a `TopicCollection` of pages) comes out, with its "On this page" outline, sections,
/// blocks and numbered links, and with every text already repaired and made safe to print.
/// Start at `PageReader.read(_:name:origin:contentType:)`.
///
/// This module must not know about terminals, keys, colours or screen sizes: the browser
/// draws the model, the model never draws itself.
public enum MedlinePlus {
  /// The version printed by `medterm --version`.
  public static let version = "0.1.0"
}
