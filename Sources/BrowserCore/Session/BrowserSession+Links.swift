import MedlinePlus

/// Opening links and addresses: a topic page (or, on request, any page) opens in the browser
/// with its sidebar; anything else is loaded and shown in the pager as readable text; a
/// link without an address, or one that fails, shows a card with everything known about it.
extension BrowserSession {
  /// Schemes medterm follows. `file` only from a page that was itself read from disk.
  static let followedSchemes: Set<String> = ["http", "https"]

  /// What a load is for: the link it follows (for its card), and how to show the result.
  struct Target {
    var url: String
    var link: Link?
    var number: Int?
    var page: Page?
    var mode: OpeningMode
  }

  func openLink(_ index: Int, mode: OpeningMode) {
    guard let view = currentPage else { return }
    let page = view.state.page
    guard page.links.indices.contains(index) else {
      bellPending = true
      return
    }
    let link = page.links[index]
    guard let url = link.url, !url.isEmpty else {
      showCard(Target(url: "", link: link, number: index + 1, page: page, mode: mode), error: nil)
      return
    }
    if let origin = page.origin, url == origin || url == origin + "#" {
      // `href=""` (or the page's own address): this page, from its top.
      view.update { _ = $0.apply(.top) }
      view.say("that link is this page")
      return
    }
    if let fragment = URLResolver.fragment(of: url, onPage: page.origin) {
      if let section = page.sections.firstIndex(where: { $0.id == fragment }) {
        view.update { $0.show(section: section) }
        return
      }
      var found = false
      view.update { found = $0.show(place: fragment) }
      if !found {
        let whole = page.isArticleOfPage ? " of the article (R shows the whole page)" : ""
        view.say("no place #\(fragment) on this page\(whole)")
        bellPending = true
      }
      return
    }
    let scheme = URLResolver.scheme(of: url)
    let fromDisk =
      page.origin.map { URLResolver.scheme(of: $0) == nil || URLResolver.scheme(of: $0) == "file" }
      ?? true
    let allowed =
      scheme.map { Self.followedSchemes.contains($0) || ($0 == "file" && fromDisk) } ?? fromDisk
    guard allowed else {
      view.say("medterm does not open \(scheme ?? "such") links: \(url)")
      bellPending = true
      return
    }
    load(Target(url: url, link: link, number: index + 1, page: page, mode: mode))
  }

  /// Opens an address typed at Go to or picked from history or bookmarks.
  func open(address url: String, mode: OpeningMode) {
    load(Target(url: url, link: nil, number: nil, page: nil, mode: mode))
  }

  /// Starts loading; the loading view shows progress and hands the result back.
  private func load(_ target: Target) {
    // A topic of the library medterm opened comes from the file, not the network.
    if target.mode != .pager, let catalog, let entry = catalog.entry(forURL: target.url),
      !Self.lacksItsPage(entry, in: catalog)
    {
      openFromCatalog(entry)
      return
    }
    guard let host else {
      showCard(target, error: "this medterm cannot load addresses")
      return
    }
    switch host.load(target.url) {
    case .failure(let failure):
      showCard(target, error: failure.message)
    case .success(let task):
      push(
        LoadingView(task: task, hostName: Self.hostName(of: target.url)) { [unowned self] result in
          switch result {
          case .failure(let failure) where failure.cancelled:
            top.say("cancelled")
          case .failure(let failure):
            showCard(target, error: failureMessage(failure, for: target.url))
          case .success(let resource):
            present(resource, for: target)
          }
          return .done
        })
    }
  }

  /// Why a page did not load. A MedlinePlus topic the library file lacks (a related topic,
  /// a twin) says so first: that, not the network's words, is what the reader needs.
  private func failureMessage(_ failure: LoadFailure, for url: String) -> String {
    guard let catalog, !(catalog is ServiceResultsCatalog), Self.isMedlinePlus(url) else {
      return failure.message
    }
    let topics = catalog.count == 1 ? "topic" : "topics"
    return "not in this library file (\(NumberText.grouped(catalog.count)) \(topics)), and "
      + "medlineplus.gov could not give it: \(failure.message)"
  }

  static func isMedlinePlus(_ url: String) -> Bool {
    let host = hostName(of: url).lowercased()
    return host == "medlineplus.gov" || host.hasSuffix(".medlineplus.gov")
  }

  /// True for a service's result that came without its record: it opens from its address,
  /// so the catalog must not be asked for it again.
  static func lacksItsPage(_ entry: Int, in catalog: TopicCatalog) -> Bool {
    guard let results = catalog as? ServiceResultsCatalog else { return false }
    return results.items.indices.contains(entry) && results.items[entry].page == nil
  }

  /// Opens a topic of a catalog (the library's, unless another is given) as a page,
  /// keeping the index (or page) for Back.
  func openFromCatalog(_ entry: Int, of given: TopicCatalog? = nil) {
    guard let catalog = given ?? catalog else { return }
    // A result the service sent no record for opens from its address.
    if Self.lacksItsPage(entry, in: catalog), let results = catalog as? ServiceResultsCatalog {
      open(address: results.items[entry].url, mode: .here)
      return
    }
    switch catalog.page(entry) {
    case .success(let page): push(PageView(pageState(page)))
    case .failure(let failure):
      top.say(failure.message)
      bellPending = true
    }
  }

  func pageState(_ page: Page) -> BrowserState {
    let size = terminal.size
    return BrowserState(
      page: page, width: size.width, height: size.height, glyphs: glyphs,
      sidebarWidth: sidebarWidth)
  }

  /// Shows what a load brought back: a page in the browser or the pager (as the target's
  /// mode and `set open` say), plain text in the pager, anything else as a card.
  private func present(_ resource: LoadedResource, for target: Target) {
    switch ContentKind.of(contentType: resource.contentType, bytes: resource.bytes) {
    case .markup:
      let document: Document
      do {
        document = try PageReader.read(
          resource.bytes, name: resource.url, origin: resource.url,
          contentType: resource.contentType)
      } catch {
        // The reader's own words (line and what is wrong) on the link's card: the user
        // learns why the page cannot be shown, and the browser goes on.
        showCard(target, error: "medterm cannot read this page: \(error)")
        return
      }
      switch document {
      case .page(let page):
        let here =
          target.mode == .here
          || (target.mode == .standard && (page.isTopicPage || openMode == .here))
        if here {
          push(
            PageView(
              pageState(page), address: resource.url,
              reread: Self.rereading(resource, name: resource.url)))
        } else {
          showText { width in PagerDocument.text(page, width: width, glyphs: self.glyphs) }
        }
      case .collection(let collection):
        if let first = collection.topics.first {
          push(PageView(pageState(first), address: resource.url))
        } else {
          let problem = collection.truncation.map { ": \($0)" } ?? ""
          showCard(target, error: "the health-topics file holds no complete topic\(problem)")
        }
      }
    case .text:
      showText { width in
        PlainTextPager.text(resource.bytes, url: resource.url, width: width, glyphs: self.glyphs)
      }
    case .binary:
      showCard { width in
        BinaryCard.text(
          link: target.link, number: target.number, page: target.page, url: resource.url,
          contentType: resource.contentType, size: resource.bytes.count, width: width,
          glyphs: self.glyphs)
      }
    }
  }

  /// The card of a link (or a typed address) that cannot be shown: medterm's own view, so
  /// that it stays until the reader closes it, whatever `$LESS` says.
  private func showCard(_ target: Target, error: String?) {
    let link = target.link ?? Link(title: target.url, url: target.url)
    showCard { width in
      LinkCard.text(
        link: link, number: target.number, page: target.page, error: error, width: width,
        glyphs: self.glyphs)
    }
  }

  func showCard(_ render: @escaping (Int) -> PagerText) {
    push(PageView(text: render, size: terminal.size))
  }

  /// A text for the pager. One that fits the screen, or any text when no pager can be run,
  /// medterm shows itself: `less -F` (in the common `LESS=FRX`) would quit at once on a
  /// short text, and the reader would never see it.
  func showText(_ render: @escaping (Int) -> PagerText) {
    let size = terminal.size
    let pagerText = render(max(20, min(size.width, 200)))
    if pagerText.styledLines.count < size.height {
      showCard(render)
      return
    }
    let style = PagerStyle.forPager(environment: environment)
    if terminal.runPager(pagerText.rendered(style: style)) {
      forceRepaint = true
      return
    }
    showCard(render)
    let pager = PagerCommand.words(environment: environment)
    top.say(
      PagerCommand.doesNotWait(pager)
        ? "PAGER is cat, which does not wait: the text is shown here; q goes back"
        : "the pager \(PagerCommand.programName(pager)) could not be run: the text is shown "
          + "here; q goes back")
  }

  /// Reads a loaded page again in another mode (`R`), from the bytes it came as.
  static func rereading(_ resource: LoadedResource, name: String) -> (ReadingMode) -> Page? {
    { mode in
      guard
        case .page(let page)? = try? PageReader.read(
          resource.bytes, name: name, origin: resource.url, contentType: resource.contentType,
          mode: mode)
      else { return nil }
      return page
    }
  }

  static func hostName(of url: String) -> String {
    guard let range = url.firstRange(of: "://") else { return url }
    let rest = url[range.upperBound...]
    return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
  }
}
