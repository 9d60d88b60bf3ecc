/// The command table as text for people: the README's key table (and the manual's), so
/// that what they say is what the keys do. Generated, never written by hand; a test keeps
/// the README's copy in step.
public enum KeyTable {
  /// A Markdown table: keys, the views they work in, what they do.
  public static func markdown() -> String {
    var lines = ["| keys | in | what it does |", "|---|---|---|"]
    for binding in CommandTable.bindings {
      let keys = binding.keyLabels.replacing("|", with: "\\|")
      lines.append("| \(keys) | \(views(of: binding)) | \(binding.summary) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "page, text", or "everywhere".
  static func views(of binding: CommandBinding) -> String {
    binding.isGlobal ? "everywhere" : binding.views.map(\.rawValue).joined(separator: ", ")
  }
}
