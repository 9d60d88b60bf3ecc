import BrowserCore

/// The browser's memory kept across runs: `SessionMemory` over the state files. What it
/// cannot keep on disk (no home directory, a directory it must not use) it keeps for this
/// run, with a warning, so that history and bookmarks still work until medterm ends.
public final class DiskMemory: SessionMemory {
  /// `$XDG_STATE_HOME/medterm`, or nil when it cannot be used.
  public let stateDirectory: String?
  /// `$XDG_DATA_HOME/medterm`, or nil when it cannot be used.
  public let dataDirectory: String?

  public private(set) var visits: [Visit] = []
  public private(set) var bookmarks: [Bookmark] = []
  private var bookmarkLines: [BookmarksFormat.Line] = []
  private var positions: [PositionsFormat.Entry] = []
  private var promptLines: [(PromptPurpose, String)] = []
  private var warnings: [String] = []
  private let clock: () -> Int

  /// The largest state file read; a larger one is set aside.
  static let fileLimit = 4 << 20

  public init(environment: [String: String], clock: @escaping () -> Int = WhenText.now) {
    self.clock = clock
    var problems: [String] = []
    func usable(_ path: String?) -> String? {
      guard let path else {
        problems.append("no home directory: history and bookmarks last this run only")
        return nil
      }
      do {
        try StateDirectory.prepare(path)
        return path
      } catch {
        problems.append(error.description)
        return nil
      }
    }
    stateDirectory = usable(StateDirectory.state(environment: environment))
    let data = StateDirectory.data(environment: environment)
    dataDirectory =
      data == StateDirectory.state(environment: environment) ? stateDirectory : usable(data)
    warnings = problems
    visits = load(.visits).map(VisitsFormat.parse).map { Array($0.reversed()) } ?? []
    positions = load(.positions).map(PositionsFormat.parse) ?? []
    promptLines = load(.prompts).map(PromptLinesFormat.parse) ?? []
    bookmarkLines = load(.bookmarks).map(BookmarksFormat.parse) ?? []
    bookmarks = BookmarksFormat.bookmarks(bookmarkLines)
  }

  /// The lines typed at prompts in earlier runs, for the session's `PromptHistoryBook`.
  public var promptHistory: [PromptPurpose: [String]] {
    PromptLinesFormat.book(promptLines)
  }

  // MARK: SessionMemory

  public func recordVisit(_ visit: Visit) {
    change(.visits) { text in
      var all = VisitsFormat.parse(text ?? "")
      all.append(visit)
      let kept = VisitsFormat.deduplicated(all)
      return (VisitsFormat.serialize(kept), { self.visits = kept.reversed() })
    } otherwise: {
      visits.removeAll { $0.address == visit.address }
      visits.insert(visit, at: 0)
    }
  }

  public func forgetVisit(address: String) {
    change(.visits) { text in
      let kept = VisitsFormat.parse(text ?? "").filter { $0.address != address }
      return (VisitsFormat.serialize(kept), { self.visits = kept.reversed() })
    } otherwise: {
      visits.removeAll { $0.address == address }
    }
  }

  public func addBookmark(_ bookmark: Bookmark) -> Bool {
    var added = false
    change(.bookmarks) { text in
      var lines = text.map(BookmarksFormat.parse) ?? BookmarksFormat.parse(BookmarksFormat.header)
      if BookmarksFormat.bookmarks(lines).contains(where: { $0.address == bookmark.address }) {
        return (nil, { self.apply(lines) })
      }
      lines.append(.bookmark(bookmark))
      added = true
      return (BookmarksFormat.serialize(lines), { self.apply(lines) })
    } otherwise: {
      guard !bookmarks.contains(where: { $0.address == bookmark.address }) else { return }
      bookmarkLines.append(.bookmark(bookmark))
      bookmarks.append(bookmark)
      added = true
    }
    return added
  }

  public func renameBookmark(address: String, to title: String) {
    editBookmarks { lines in
      lines.map { line in
        guard case .bookmark(var bookmark) = line, bookmark.address == address else { return line }
        bookmark.title = title
        return .bookmark(bookmark)
      }
    }
  }

  public func deleteBookmark(address: String) {
    editBookmarks { lines in
      lines.filter { line in
        guard case .bookmark(let bookmark) = line else { return true }
        return bookmark.address != address
      }
    }
  }

  public func position(for address: String) -> ReadingPosition? {
    positions.last { $0.address == address }?.position
  }

  public func savePosition(_ position: ReadingPosition?, for address: String) {
    // Leaving a page at the top that was never kept writes nothing.
    guard position != nil || positions.contains(where: { $0.address == address }) else { return }
    let time = clock()
    change(.positions) { text in
      let kept = PositionsFormat.setting(
        position, for: address, time: time, in: PositionsFormat.parse(text ?? ""))
      return (PositionsFormat.serialize(kept), { self.positions = kept })
    } otherwise: {
      positions = PositionsFormat.setting(position, for: address, time: time, in: positions)
    }
  }

  /// Keeps a line typed at a prompt (the `PromptHistoryBook` calls this).
  public func recordPromptLine(_ text: String, for purpose: PromptPurpose) {
    guard purpose != .other else { return }
    change(.prompts) { contents in
      let kept = PromptLinesFormat.adding(
        text, for: purpose, to: PromptLinesFormat.parse(contents ?? ""))
      return (PromptLinesFormat.serialize(kept), { self.promptLines = kept })
    } otherwise: {
      promptLines = PromptLinesFormat.adding(text, for: purpose, to: promptLines)
    }
  }

  public func takeWarnings() -> [String] {
    defer { warnings = [] }
    return warnings
  }

  // MARK: Files

  private enum Kind {
    case visits, positions, prompts, bookmarks

    var name: String {
      switch self {
      case .visits: "history"
      case .positions: "positions"
      case .prompts: "prompt-history"
      case .bookmarks: "bookmarks"
      }
    }
  }

  private func file(_ kind: Kind) -> StateFile? {
    let directory = kind == .bookmarks ? dataDirectory : stateDirectory
    return directory.map { StateFile(directory: $0, name: kind.name, limit: Self.fileLimit) }
  }

  /// A file's text, or nil when it is missing or was set aside.
  private func load(_ kind: Kind) -> String? {
    guard let file = file(kind) else { return nil }
    return text(of: file)
  }

  private func text(of file: StateFile) -> String? {
    switch file.read() {
    case .missing:
      return nil
    case .text(let text):
      return text
    case .unusable(let reason):
      let moved = file.setAside()
      warnings.append(
        "\(file.path) \(reason): "
          + (moved.map { "set aside as \($0); starting afresh" }
            ?? "it could not be moved aside, so nothing is saved there"))
      return nil
    }
  }

  /// Changes a file under the directory's lock, from its text as it is on disk now (another
  /// medterm may have changed it): `edit` gets that text and returns the new text (nil: no
  /// change to write) and how to update what this run holds. Without the file, `otherwise`
  /// changes what this run holds only.
  private func change(
    _ kind: Kind, _ edit: (String?) -> (String?, () -> Void), otherwise: () -> Void
  ) {
    guard let file = file(kind) else {
      otherwise()
      return
    }
    do {
      let update = try StateLock.holding(file.directory) { () throws(StateError) -> () -> Void in
        let (text, update) = edit(text(of: file))
        if let text { try file.write(text) }
        return update
      }
      update()
    } catch {
      warnings.append(error.description)
      otherwise()
    }
  }

  private func editBookmarks(_ edit: @escaping ([BookmarksFormat.Line]) -> [BookmarksFormat.Line]) {
    change(.bookmarks) { text in
      let lines = edit(text.map(BookmarksFormat.parse) ?? [])
      return (BookmarksFormat.serialize(lines), { self.apply(lines) })
    } otherwise: {
      apply(edit(bookmarkLines))
    }
  }

  private func apply(_ lines: [BookmarksFormat.Line]) {
    bookmarkLines = lines
    bookmarks = BookmarksFormat.bookmarks(lines)
  }
}
