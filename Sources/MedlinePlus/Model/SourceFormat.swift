/// The kind of source a page was read from; chosen from the content, not the file name.
public enum SourceFormat: String, Hashable, Sendable, CaseIterable {
  /// A text dump: `Link:`/`Description:`/`Keywords:` header, then html2text-style Markdown.
  case textDump = "text-dump"
  /// CommonMark-ish Markdown, such as the docling renderings of MedlinePlus pages.
  case markdown
  /// HTML; MedlinePlus topic pages and any other page.
  case html
  /// The official MedlinePlus health-topics XML (`<health-topics>`).
  case healthTopicsXML = "health-topics-xml"
}
