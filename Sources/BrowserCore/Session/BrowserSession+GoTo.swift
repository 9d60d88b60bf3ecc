import MedlinePlus

/// Go to (`g`, lynx's key): an address or a file typed on the status line, completed from
/// history and bookmarks with Tab; `g g` goes to the top instead, as in vim.
extension BrowserSession {
  func goToPrompt() -> PromptView {
    PromptView(
      label: "Go to: ", purpose: .goTo, history: histories.history(for: .goTo),
      firstKey: { character in
        // `g g`: the top of the view below. (An address starting with g is typed after a
        // space, or in capitals: host names ignore case.)
        character == "g" ? .closeThen(.request(.run(.top))) : nil
      },
      completions: { [unowned self] typed in completions(for: typed) },
      onSubmit: { [unowned self] typed in goTo(typed) })
  }

  /// Opens what was typed.
  func goTo(_ typed: String) -> ViewAction {
    let parsed = TypedAddress.parse(typed) { [host] path in host?.fileAddress(forTyped: path) }
    switch parsed {
    case nil:
      return .done
    case .address(let url)?:
      return .request(.open(address: url, mode: .standard))
    case .refused(let message)?:
      top.say(message)
      return .bell
    case .words(let words)?:
      // A topic of the library by its name, as `medterm avascular necrosis` finds it.
      if let catalog, let hit = catalog.search(words, languages: .both).first {
        return .request(.openTopic(entry: hit.entry, catalog: catalog))
      }
      top.say("\(words): no such file, and not an address (an address has a dot: www.…)")
      return .bell
    }
  }

  /// Addresses from history and bookmarks for what was typed so far: those that start so
  /// (with or without their scheme and `www.`), then those whose title has it.
  func completions(for typed: String) -> [String] {
    let known = knownAddresses
    let needle = typed.trimmingSpaces.lowercased()
    var starting: [String] = []
    var titled: [String] = []
    for entry in known {
      let address = entry.address
      let lower = address.lowercased()
      let bare = Self.withoutScheme(lower)
      if needle.isEmpty || lower.hasPrefix(needle) || bare.hasPrefix(needle)
        || bare.hasPrefix("www.") && bare.dropFirst(4).hasPrefix(needle)
      {
        if !starting.contains(address) { starting.append(address) }
      } else if entry.title.lowercased().contains(needle), !titled.contains(address) {
        titled.append(address)
      }
    }
    return starting + titled.filter { !starting.contains($0) }
  }

  private static func withoutScheme(_ address: String) -> Substring {
    guard let range = address.firstRange(of: "://") else {
      return address.hasPrefix("file:") ? address.dropFirst(5) : address[...]
    }
    return address[range.upperBound...]
  }
}
