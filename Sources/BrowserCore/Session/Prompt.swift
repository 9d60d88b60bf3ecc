/// A line being typed on the status line (a search).
public struct Prompt: Hashable, Sendable {
  public enum Purpose: Hashable, Sendable {
    case search(backward: Bool)
    /// lynx's habit: type a link's number, then Enter.
    case linkNumber
  }

  public var purpose: Purpose
  public var text: String = ""

  /// What the status line shows before the text.
  public var label: String {
    switch purpose {
    case .search(let backward): backward ? "\\" : "/"
    case .linkNumber: "Link number: "
    }
  }
}
