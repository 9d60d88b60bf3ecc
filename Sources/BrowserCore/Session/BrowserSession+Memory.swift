/// The browser's memory in the session: every page opened is a visit, every page left
/// keeps its reading position, and a page opened again comes back where the reader was,
/// as less's marks and vim's viminfo do. History and bookmarks are lists to open from.
extension BrowserSession {
  /// A page came on screen, newly opened: a visit, and the place it was left last time.
  func remember(opened view: any View) {
    guard let page = view as? PageView, page.kind == .page, let address = page.address else {
      return
    }
    memory.recordVisit(
      Visit(address: address, title: page.state.page.title, time: WhenText.now()))
    guard let position = memory.position(for: address), !position.isTop,
      page.state.position.isTop
    else { return }
    page.update { $0.restore(position) }
    let section =
      page.state.page.sections.indices.contains(page.state.currentSection)
      ? page.state.page.sections[page.state.currentSection].title : ""
    let top = context(for: page).hint([.goTo], "g: the top", in: .page).map { "; \($0)" } ?? ""
    page.say("back where you left off: \(section)\(top)")
  }

  /// A page leaves the screen: where the reader was is kept (forgotten at the top).
  func remember(left view: any View) {
    guard let page = view as? PageView, page.kind == .page, let address = page.address else {
      return
    }
    let position = page.state.position
    memory.savePosition(position.isTop ? nil : position, for: address)
  }

  /// Shows the memory's own warnings (a state file set aside) on the status line and in
  /// the messages view.
  func reportMemoryWarnings() {
    for warning in memory.takeWarnings() { warn(warning) }
  }

  /// Addresses for Go to's completion: visits (newest first), then bookmarks.
  var knownAddresses: [(address: String, title: String)] {
    memory.visits.map { ($0.address, $0.title) } + memory.bookmarks.map { ($0.address, $0.title) }
  }

  // MARK: Lists

  func historyView() -> ListView {
    ListView(
      kind: .history, title: "History: the pages visited, newest first", rows: historyRows(),
      empty: "no pages visited yet", size: terminal.size,
      actions: ListView.Actions(
        activate: { row in .closeThen(.request(.open(address: row.detail, mode: .standard))) },
        delete: { [unowned self] row in
          memory.forgetVisit(address: row.detail)
          (top as? ListView)?.update(historyRows())
          top.say("deleted from the history: \(row.title)")
          return .done
        },
        bookmark: { [unowned self] row in
          bookmarkPrompt(Bookmark(address: row.detail, title: row.title))
        }))
  }

  private func historyRows() -> [ListView.Row] {
    let now = WhenText.now()
    return memory.visits.map { visit in
      ListView.Row(
        title: visit.title, detail: visit.address, note: WhenText.describe(visit.time, now: now))
    }
  }

  func bookmarksView() -> ListView {
    ListView(
      kind: .bookmarks, title: "Bookmarks", rows: bookmarkRows(),
      empty: "no bookmarks yet (a on a page adds one)", size: terminal.size,
      actions: ListView.Actions(
        activate: { row in .closeThen(.request(.open(address: row.detail, mode: .standard))) },
        delete: { [unowned self] row in
          .push(
            PromptView(
              label: "Delete the bookmark \u{201C}\(row.title)\u{201D}? (y/n) ", purpose: .other,
              answersOnOneKey: true
            ) { [unowned self] answer in
              guard answer == "y" || answer == "Y" else {
                top.say("kept")
                return .done
              }
              memory.deleteBookmark(address: row.detail)
              (top as? ListView)?.update(bookmarkRows())
              top.say("deleted: \(row.title)")
              return .done
            })
        },
        rename: { [unowned self] row in
          .push(
            PromptView(
              label: "Rename to: ", purpose: .bookmarkName, text: row.title,
              history: histories.history(for: .bookmarkName)
            ) { [unowned self] title in
              let name = title.trimmingSpaces
              guard !name.isEmpty else { return .done }
              memory.renameBookmark(address: row.detail, to: name)
              (top as? ListView)?.update(bookmarkRows())
              return .done
            })
        }))
  }

  private func bookmarkRows() -> [ListView.Row] {
    memory.bookmarks.map { ListView.Row(title: $0.title, detail: $0.address) }
  }

  func messagesView() -> ListView {
    ListView(
      kind: .messages, title: "Messages", rows: messages.reversed().map { ListView.Row(title: $0) },
      empty: "no messages", size: terminal.size)
  }

  /// `a`: the page, or its selected link, asked a name for and kept.
  func bookmarkPrompt(_ bookmark: Bookmark) -> ViewAction {
    .push(
      PromptView(
        label: "Bookmark as: ", purpose: .bookmarkName, text: bookmark.title,
        history: histories.history(for: .bookmarkName)
      ) { [unowned self] title in
        let name = title.trimmingSpaces.isEmpty ? bookmark.address : title.trimmingSpaces
        if memory.addBookmark(Bookmark(address: bookmark.address, title: name)) {
          top.say("bookmarked: \(name)")
        } else {
          top.say("already bookmarked: \(bookmark.address)")
        }
        return .done
      })
  }

  /// What `a` on a page bookmarks: the selected link when one is on screen, else the page.
  func bookmarkOfCurrentPage() -> Bookmark? {
    guard let page = currentPage else { return nil }
    let state = page.state
    if let link = state.visibleSelectedLink, let url = state.page.links[link].url, !url.isEmpty {
      return Bookmark(address: url, title: state.page.links[link].title)
    }
    guard let address = page.address else { return nil }
    return Bookmark(address: address, title: state.page.title)
  }
}
