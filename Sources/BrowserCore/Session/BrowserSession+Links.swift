import MedlinePlus

/// Opening a link: a MedlinePlus topic (or any topic page) opens in the browser with the
/// same sidebar; anything else is loaded and shown in the pager as readable text; a link
/// without an address, or one that fails, shows a card with everything known about it.
extension BrowserSession {
  /// Schemes medterm follows. `file` only from a page that was itself read from disk.
  static let followedSchemes: Set<String> = ["http", "https"]

  func openLink(_ index: Int) -> Effect {
    let page = state.page
    guard page.links.indices.contains(index) else { return .bell }
    let link = page.links[index]
    guard let url = link.url else {
      showCard(index, error: nil)
      return .none
    }
    if let fragment = Self.fragmentOnThisPage(url, origin: page.origin) {
      guard let section = page.sections.firstIndex(where: { $0.id == fragment }) else {
        state.say("no section #\(fragment) on this page")
        return .bell
      }
      state.show(section: section)
      return .none
    }
    let scheme = Self.scheme(of: url)
    let fromDisk =
      page.origin.map { Self.scheme(of: $0) == nil || Self.scheme(of: $0) == "file" } ?? true
    let allowed =
      scheme.map { Self.followedSchemes.contains($0) || ($0 == "file" && fromDisk) } ?? fromDisk
    guard allowed else {
      state.say("medterm does not open \(scheme ?? "such") links: \(url)")
      return .bell
    }
    // A topic of the library medterm opened comes from the file, not the network.
    if let catalog, let entry = catalog.entry(forURL: url) {
      openFromCatalog(entry)
      return .none
    }
    guard let host else {
      showCard(index, error: "this medterm cannot load addresses")
      return .none
    }
    let loaded = load(url, through: host)
    state.say(nil)
    switch loaded {
    case .failure(let failure):
      if failure.cancelled {
        state.say("cancelled")
        return .none
      }
      showCard(index, error: failure.message)
    case .success(let resource):
      present(resource, for: index)
    }
    return .none
  }

  /// Loads with a progress indicator on the status line; Esc, Ctrl-C, Ctrl-G or q cancel.
  private func load(_ url: String, through host: BrowserHost) -> Result<LoadedResource, LoadFailure>
  {
    let task: any LoadTask
    switch host.load(url) {
    case .failure(let failure): return .failure(failure)
    case .success(let started): task = started
    }
    let hostName = Self.hostName(of: url)
    state.say("Loading \(hostName)… (Esc cancels)")
    paint()
    while true {
      switch task.poll(timeoutMilliseconds: 50) {
      case .finished(let result):
        return result
      case .inProgress(let received, let expected):
        var progress = "Loading \(hostName)… \(Self.size(received))"
        if let expected, expected > 0 { progress += " of \(Self.size(expected))" }
        state.say(progress + " (Esc cancels)")
      }
      if terminal.consumeInterrupt() {
        task.cancel()
        continue
      }
      if let key = terminal.readKey(timeoutMilliseconds: 0) {
        switch key {
        case .escape, .control("c"), .control("g"), .character("q"):
          task.cancel()
        case .resize:
          syncSize()
        default:
          break
        }
      }
      if terminal.inputEnded {
        task.cancel()
      }
      paint()
    }
  }

  /// Shows what a link brought back: a topic page in the browser, the rest in the pager.
  private func present(_ resource: LoadedResource, for index: Int) {
    let link = state.page.links[index]
    let type = (resource.contentType ?? "").lowercased()
    let looksLikeMarkup =
      type.contains("html") || type.contains("xml")
      || (type.isEmpty && resource.bytes.prefix(512).contains(UInt8(ascii: "<")))
    if looksLikeMarkup || type.contains("markdown") {
      let document: Document
      do {
        document = try PageReader.read(
          resource.bytes, name: resource.url, origin: resource.url,
          contentType: resource.contentType)
      } catch {
        // The reader's own words (line and what is wrong) on the link's card: the user
        // learns why the page cannot be shown, and the browser goes on.
        showCard(index, error: "medterm cannot read this page: \(error)")
        return
      }
      switch document {
      case .page(let page) where Self.isTopicPage(page):
        push(page)
      case .page(let page):
        showInPager(
          PagerDocument.render(page, width: pagerWidth, style: pagerStyle, glyphs: state.glyphs))
      case .collection(let collection):
        if let first = collection.topics.first {
          push(first)
        } else {
          let problem = collection.truncation.map { ": \($0)" } ?? ""
          showCard(index, error: "the health-topics file holds no complete topic\(problem)")
        }
      }
      return
    }
    if type.hasPrefix("text/") || (type.isEmpty && Self.isText(resource.bytes)) {
      showInPager(
        PlainTextPager.render(
          resource.bytes, url: resource.url, width: pagerWidth, style: pagerStyle,
          glyphs: state.glyphs))
      return
    }
    showInPager(
      BinaryCard.render(
        link: link, number: index + 1, page: state.page, url: resource.url,
        contentType: resource.contentType,
        size: resource.bytes.count, width: pagerWidth, style: pagerStyle, glyphs: state.glyphs))
  }

  private func showCard(_ index: Int, error: String?) {
    let page = state.page
    showInPager(
      LinkCard.render(
        link: page.links[index], number: index + 1, page: page, error: error, width: pagerWidth,
        style: pagerStyle, glyphs: state.glyphs))
  }

  /// A page with MedlinePlus's "On this page" groups: browse it here, not in the pager.
  static func isTopicPage(_ page: Page) -> Bool {
    let groups = Set(page.outline.map(\.title))
    return groups.count >= 3 && groups.isSubset(of: Set(MedlinePlusCatalog.groups))
  }

  /// The fragment of a link into the page itself (`#anchor`, or the page's own address and
  /// `#anchor`), or nil for a link elsewhere.
  static func fragmentOnThisPage(_ url: String, origin: String?) -> String? {
    guard let hash = url.firstIndex(of: "#") else { return nil }
    let fragment = String(url[url.index(after: hash)...])
    guard !fragment.isEmpty else { return nil }
    let address = String(url[..<hash])
    let own = origin.map { String($0.prefix { $0 != "#" }) }
    guard address.isEmpty || address == own else { return nil }
    return fragment
  }

  static func scheme(of url: String) -> String? {
    URLResolver.scheme(of: url)
  }

  static func hostName(of url: String) -> String {
    guard let range = url.firstRange(of: "://") else { return url }
    let rest = url[range.upperBound...]
    return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
  }

  static func size(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
    return "\(bytes / (1024 * 1024)) MB"
  }

  /// No NUL and mostly printable: text, whatever the server said.
  static func isText(_ bytes: [UInt8]) -> Bool {
    let sample = bytes.prefix(4096)
    guard !sample.contains(0) else { return false }
    let controls = sample.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }.count
    return controls * 20 < max(1, sample.count)
  }
}
