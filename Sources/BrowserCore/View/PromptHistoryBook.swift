/// The lines typed at each kind of prompt, oldest first, shared by every prompt of the
/// session; `onRecord` lets the state on disk keep them across runs.
public final class PromptHistoryBook {
  /// Lines kept per purpose.
  public static let limit = 200

  public private(set) var lines: [PromptPurpose: [String]]
  public var onRecord: ((PromptPurpose, String) -> Void)?

  public init(_ lines: [PromptPurpose: [String]] = [:]) {
    self.lines = lines
  }

  public func history(for purpose: PromptPurpose) -> [String] {
    lines[purpose] ?? []
  }

  /// Keeps a line typed at a prompt: once, as the newest.
  public func record(_ text: String, for purpose: PromptPurpose) {
    guard purpose != .other, !text.isEmpty else { return }
    var kept = (lines[purpose] ?? []).filter { $0 != text }
    kept.append(text)
    if kept.count > Self.limit { kept.removeFirst(kept.count - Self.limit) }
    lines[purpose] = kept
    onRecord?(purpose, text)
  }
}
