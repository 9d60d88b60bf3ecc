import MedlinePlus

/// Save (`S`): the page, or the section being read, as text, Markdown or JSON (by the file
/// name's ending), into a file named at a prompt. A file that is there already is replaced
/// only after a yes.
extension BrowserSession {
  /// What a file name's ending asks for.
  enum SaveFormat: String {
    case text, markdown = "Markdown", json = "JSON"

    init(fileName: String) {
      let lower = fileName.lowercased()
      if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
        self = .markdown
      } else if lower.hasSuffix(".json") {
        self = .json
      } else {
        self = .text
      }
    }

    func render(_ page: Page) -> String {
      switch self {
      case .text: PlainTextRenderer.render(page, width: 80)
      case .markdown: PageMarkdown.render(page)
      case .json: PageJSON.value(page).serialized() + "\n"
      }
    }
  }

  func savePrompt() -> ViewAction {
    guard let view = currentPage else { return .unhandled }
    return .push(
      PromptView(
        label: "Save the whole page (p) or this section (s)? ", purpose: .other,
        accepts: { "psPS".contains($0) }, answersOnOneKey: true
      ) { [unowned self] answer in
        let state = view.state
        var page = state.page
        if answer.lowercased() == "s", page.sections.indices.contains(state.currentSection) {
          let section = page.sections[state.currentSection]
          page.title = section.title.isEmpty ? page.title : page.title + ": " + section.title
          page.sections = [section]
          page.outline = []
        }
        return .push(fileNamePrompt(for: page))
      })
  }

  private func fileNamePrompt(for page: Page) -> PromptView {
    PromptView(
      label: "Save to (.txt, .md or .json): ", purpose: .saveFile,
      text: Self.suggestedName(page.title), history: histories.history(for: .saveFile)
    ) { [unowned self] typed in
      let name = typed.trimmingSpaces
      guard !name.isEmpty else { return .done }
      return save(page, to: name, overwrite: false)
    }
  }

  private func save(_ page: Page, to name: String, overwrite: Bool) -> ViewAction {
    guard let host else {
      top.say("this medterm cannot save files")
      return .bell
    }
    let format = SaveFormat(fileName: name)
    switch host.save(format.render(page), to: name, overwrite: overwrite) {
    case .success(let path):
      top.say("saved the \(format.rawValue) to \(path)")
      return .done
    case .failure(.exists(let path)):
      return .push(
        PromptView(
          label: "\(path) exists: replace it? (y/n) ", purpose: .other, answersOnOneKey: true
        ) { [unowned self] answer in
          guard answer == "y" || answer == "Y" else {
            top.say("not saved: \(path) is as it was")
            return .done
          }
          return save(page, to: name, overwrite: true)
        })
    case .failure(.cannotWrite(let message)):
      top.say(message)
      return .bell
    }
  }

  /// A file name from a title: lower case, words joined by hyphens, `.txt`.
  static func suggestedName(_ title: String) -> String {
    var name = ""
    for character in title.lowercased() {
      if character.isLetter || character.isNumber {
        name.append(character)
      } else if !name.isEmpty && name.last != "-" {
        name.append("-")
      }
    }
    while name.last == "-" { name.removeLast() }
    return String((name.isEmpty ? "page" : name).prefix(60)) + ".txt"
  }
}
