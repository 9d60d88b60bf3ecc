import BrowserCore
import Foundation
import Testing

@testable import BrowserMemory

/// The state on disk in a private temporary home: what one run keeps the next finds, files
/// are private, two instances keep each other's entries, and a hostile or broken file is set
/// aside with a warning, never written through and never a crash.
@Suite struct DiskMemoryTests {
  /// A fresh `XDG_STATE_HOME` and `XDG_DATA_HOME` under a temporary directory.
  final class Home {
    let root: URL
    var environment: [String: String] {
      ["XDG_STATE_HOME": root.path + "/state", "XDG_DATA_HOME": root.path + "/data"]
    }
    var state: URL { root.appendingPathComponent("state/medterm") }
    var data: URL { root.appendingPathComponent("data/medterm") }

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "medterm-memory-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
      try? FileManager.default.removeItem(at: root)
    }

    func memory(clock: Int = 1_700_000_000) -> DiskMemory {
      DiskMemory(environment: environment, clock: { clock })
    }

    func text(_ url: URL) -> String {
      (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    func mode(_ url: URL) -> Int {
      var info = stat()
      guard lstat(url.path, &info) == 0 else { return -1 }
      return Int(info.st_mode) & 0o777
    }
  }

  @Test func whatOneRunKeepsTheNextFinds() throws {
    let home = try Home()
    let first = home.memory()
    first.recordVisit(Visit(address: "https://a.example/", title: "A", time: 10))
    first.recordVisit(Visit(address: "file:///tmp/b.md", title: "B", time: 20))
    first.recordVisit(Visit(address: "https://a.example/", title: "A again", time: 30))
    #expect(first.addBookmark(Bookmark(address: "https://a.example/", title: "Alpha")))
    #expect(!first.addBookmark(Bookmark(address: "https://a.example/", title: "Twice")))
    let position = ReadingPosition(sectionID: "cat_92", section: 3, offset: 7, sectionLength: 20)
    first.savePosition(position, for: "file:///tmp/b.md")
    first.recordPromptLine("crutches", for: .search)
    first.recordPromptLine("www.example.org", for: .goTo)
    #expect(first.takeWarnings().isEmpty)

    let second = home.memory()
    #expect(second.visits.map(\.title) == ["A again", "B"])
    #expect(second.bookmarks == [Bookmark(address: "https://a.example/", title: "Alpha")])
    #expect(second.position(for: "file:///tmp/b.md") == position)
    #expect(second.position(for: "https://a.example/") == nil)
    #expect(second.promptHistory[.search] == ["crutches"])
    #expect(second.promptHistory[.goTo] == ["www.example.org"])
    second.savePosition(nil, for: "file:///tmp/b.md")
    second.forgetVisit(address: "file:///tmp/b.md")
    second.renameBookmark(address: "https://a.example/", to: "Renamed")
    let third = home.memory()
    #expect(third.position(for: "file:///tmp/b.md") == nil)
    #expect(third.visits.map(\.address) == ["https://a.example/"])
    #expect(third.bookmarks.first?.title == "Renamed")
    third.deleteBookmark(address: "https://a.example/")
    #expect(home.memory().bookmarks.isEmpty)
  }

  @Test func directoriesAndFilesArePrivate() throws {
    let home = try Home()
    let memory = home.memory()
    memory.recordVisit(Visit(address: "https://a.example/", title: "A", time: 1))
    _ = memory.addBookmark(Bookmark(address: "https://a.example/", title: "A"))
    #expect(home.mode(home.state) == 0o700)
    #expect(home.mode(home.data) == 0o700)
    #expect(home.mode(home.state.appendingPathComponent("history")) == 0o600)
    #expect(home.mode(home.data.appendingPathComponent("bookmarks")) == 0o600)
  }

  /// Tabs, newlines and escape sequences in a title or an address never break a line of the
  /// file or reach the terminal from it.
  @Test func fieldsCannotBreakTheFile() throws {
    let home = try Home()
    home.memory().recordVisit(
      Visit(address: "https://x.example/\t1", title: "evil\n1\t2\u{1B}]0;pwned\u{07}", time: 5))
    let lines = home.text(home.state.appendingPathComponent("history")).split(separator: "\n")
    #expect(lines.count == 2)
    let visit = try #require(home.memory().visits.first)
    #expect(!visit.title.unicodeScalars.contains { $0.value < 0x20 })
    #expect(!visit.address.contains("\t"))
  }

  /// A person edits the bookmarks file: comments, blank lines, their own order and lines
  /// medterm does not understand all survive medterm's next write.
  @Test func aHandEditedBookmarksFileIsKeptAsWritten() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.data, withIntermediateDirectories: true)
    let file = home.data.appendingPathComponent("bookmarks")
    try """
    # my reading list

    https://medlineplus.gov/osteonecrosis.html   Osteonecrosis (bones)
    \thttps://medlineplus.gov/acne.html\tAcne
    just some words without an address? no: the first word is an address
    """.write(to: file, atomically: true, encoding: .utf8)
    let memory = home.memory()
    #expect(memory.bookmarks.map(\.title).prefix(2) == ["Osteonecrosis (bones)", "Acne"])
    _ = memory.addBookmark(Bookmark(address: "https://medlineplus.gov/diabetes.html", title: "D"))
    let text = home.text(file)
    #expect(text.hasPrefix("# my reading list\n\n"))
    #expect(text.contains("Osteonecrosis (bones)"))
    #expect(text.hasSuffix("https://medlineplus.gov/diabetes.html D\n"))
  }

  /// A history file grown past the cap (by hand, or by an older medterm) is cut to the
  /// newest entries, one per address, at the next visit.
  @Test func historyIsCappedAndOneEntryPerAddress() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.state, withIntermediateDirectories: true)
    let lines = (0..<(VisitsFormat.limit + 100)).map {
      "\($0)\thttps://e.example/\($0 % 1090)\tT\n"
    }
    try lines.joined().write(
      to: home.state.appendingPathComponent("history"), atomically: true, encoding: .utf8)
    home.memory().recordVisit(Visit(address: "https://new.example/", title: "N", time: 5000))
    let again = home.memory()
    #expect(again.visits.count == VisitsFormat.limit)
    #expect(again.visits.first?.address == "https://new.example/")
    #expect(again.visits[1].address == "https://e.example/\((VisitsFormat.limit + 99) % 1090)")
    #expect(Set(again.visits.map(\.address)).count == again.visits.count)
    let written = home.text(home.state.appendingPathComponent("history")).split(separator: "\n")
    #expect(written.count == VisitsFormat.limit + 1, "the header and the entries")
  }

  /// Two instances change the files at once, each from its own view of them: every change
  /// of both is kept.
  @Test func twoInstancesAtOnceLoseNothing() async throws {
    let home = try Home()
    let environment = home.environment
    await withTaskGroup(of: Void.self) { group in
      for instance in 0..<2 {
        group.addTask {
          let memory = DiskMemory(environment: environment)
          for number in 0..<40 {
            let address = "https://i\(instance).example/\(number)"
            _ = memory.addBookmark(Bookmark(address: address, title: "\(instance)-\(number)"))
            memory.recordVisit(Visit(address: address, title: "", time: number))
          }
        }
      }
    }
    let merged = home.memory()
    #expect(merged.bookmarks.count == 80)
    #expect(merged.visits.count == 80)
  }

  // MARK: Bad files

  @Test func aBinaryFileIsSetAsideWithOneWarning() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.state, withIntermediateDirectories: true)
    let history = home.state.appendingPathComponent("history")
    try Data([0x31, 0x00, 0xFF, 0xFE, 0x09, 0x41]).write(to: history)
    let memory = home.memory()
    let warnings = memory.takeWarnings()
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("holds binary data") == true)
    #expect(warnings.first?.contains("set aside as history.bad") == true)
    #expect(memory.takeWarnings().isEmpty, "once")
    #expect(memory.visits.isEmpty)
    #expect(FileManager.default.fileExists(atPath: history.path + ".bad"))
    memory.recordVisit(Visit(address: "https://a.example/", title: "A", time: 1))
    #expect(home.memory().visits.count == 1)
  }

  @Test func hugeAndBrokenFilesAreSetAside() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.state, withIntermediateDirectories: true)
    let positions = home.state.appendingPathComponent("positions")
    try Data(repeating: 0x41, count: DiskMemory.fileLimit + 1).write(to: positions)
    try Data([0xC3, 0x28, 0x0A]).write(to: home.state.appendingPathComponent("prompt-history"))
    try FileManager.default.createDirectory(
      at: home.state.appendingPathComponent("history"), withIntermediateDirectories: true)
    let warnings = home.memory().takeWarnings().joined(separator: "\n")
    #expect(warnings.contains("is larger than"))
    #expect(warnings.contains("is not UTF-8 text"))
    #expect(warnings.contains("is a directory"))
    // Lines that make no sense are skipped, not fatal.
    try "not a number\tx\n12\n\t\t\n".write(
      to: home.state.appendingPathComponent("history"), atomically: true, encoding: .utf8)
    let memory = home.memory()
    #expect(memory.visits.isEmpty)
    #expect(memory.takeWarnings().isEmpty)
  }

  /// A symbolic link planted where a state file goes is never written through: the file it
  /// points at keeps its bytes.
  @Test func aPlantedSymbolicLinkIsNeverWrittenThrough() throws {
    let home = try Home()
    try FileManager.default.createDirectory(at: home.state, withIntermediateDirectories: true)
    let victim = home.root.appendingPathComponent("victim")
    try "precious\n".write(to: victim, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      at: home.state.appendingPathComponent("history"), withDestinationURL: victim)
    let memory = home.memory()
    #expect(memory.takeWarnings().first?.contains("is a symbolic link") == true)
    memory.recordVisit(Visit(address: "https://a.example/", title: "A", time: 1))
    #expect(home.text(victim) == "precious\n")
    #expect(home.memory().visits.count == 1)
  }

  /// A state directory that is a symbolic link is not used at all; the run still has its
  /// history, for this run only.
  @Test func aStateDirectoryThatIsALinkIsRefused() throws {
    let home = try Home()
    let elsewhere = home.root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: home.root.appendingPathComponent("state"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: home.state, withDestinationURL: elsewhere)
    let memory = home.memory()
    #expect(memory.stateDirectory == nil)
    #expect(memory.takeWarnings().first?.contains("is a symbolic link") == true)
    memory.recordVisit(Visit(address: "https://a.example/", title: "A", time: 1))
    #expect(memory.visits.count == 1)
    #expect((try? FileManager.default.contentsOfDirectory(atPath: elsewhere.path))?.isEmpty == true)
  }

  @Test func noHomeAtAllStillBrowses() {
    let memory = DiskMemory(environment: [:])
    #expect(memory.takeWarnings().first?.contains("no home directory") == true)
    #expect(memory.addBookmark(Bookmark(address: "https://a.example/", title: "A")))
    #expect(memory.bookmarks.count == 1)
  }
}
