/// What a prompt asks for; prompts of one purpose share a history of what was typed.
public enum PromptPurpose: String, CaseIterable, Hashable, Sendable {
  case search
  case goTo = "go-to"
  case medlinePlusSearch = "medlineplus-search"
  case bookmarkName = "bookmark-name"
  case saveFile = "save-file"
  /// Prompts whose answers are not worth recalling (a link number, a mark).
  case other
}
