/// TopicLibrary: the whole MedlinePlus health-topics XML file as a library that opens at
/// once — a compact index of every topic (title, also-called names, language, address and
/// the byte range of its XML), search as you type, and single topics read on demand.
///
/// A 30–60 MB file takes about a second to read in full; a library needs only the names to
/// show its index, and one topic at a time to show a page. So the file is scanned once for
/// topic boundaries and names (`TopicIndexBuilder`), the result is cached beside the data
/// (`IndexCacheFile`) so that later starts read a small file instead, and `page(_:)` reads one
/// topic's bytes with `pread` and hands them to the ordinary reader.
///
/// This module knows the health-topics file, its index and where medterm keeps it; it must
/// not know about terminals, drawing or the network (`LibraryUpdate` downloads). It uses
/// Glibc, not Foundation, to keep medterm's start-up light.
import Glibc
import MedlinePlus

/// An opened health-topics file. Immutable once opened, so it may be shared between threads;
/// `page(_:)` reads with `pread` and needs no lock.
public final class TopicLibrary: Sendable {
  /// The XML file, as given to `open`.
  public let path: String
  /// Every complete topic, in file order.
  public let entries: [TopicIndexEntry]
  /// The file's `date-generated` attribute ("08/10/2024 02:30:32").
  public let dateGenerated: String?
  /// The file's `total` attribute: how many topics it says it has.
  public let declaredTotal: Int?
  /// Set when the file breaks off (an interrupted download): `entries` are the complete
  /// topics before the break, and this is the reader's `.truncatedXML` with its line.
  public let truncated: ReadError?
  /// True when the index came from the cache and the XML was not scanned.
  public let loadedFromCache: Bool
  /// The cache file used or written, when a cache directory was given.
  public let cachePath: String?

  private let file: SourceFile
  private let prolog: [UInt8]
  private let searchIndex: SearchIndex
  private let byURL: [String: Int]
  private let byID: [String: Int]

  private init(file: SourceFile, index: TopicIndex, loadedFromCache: Bool, cachePath: String?) {
    self.path = file.path
    self.file = file
    self.entries = index.entries
    self.dateGenerated = index.dateGenerated
    self.declaredTotal = index.declaredTotal
    self.truncated = index.truncation
    self.prolog = index.prolog
    self.loadedFromCache = loadedFromCache
    self.cachePath = cachePath
    self.searchIndex = SearchIndex(entries: index.entries)
    var byURL: [String: Int] = [:]
    var byID: [String: Int] = [:]
    byURL.reserveCapacity(index.entries.count)
    byID.reserveCapacity(index.entries.count)
    for (position, entry) in index.entries.enumerated() {
      if let url = entry.url {
        let key = Self.urlKey(url)
        if byURL[key] == nil { byURL[key] = position }
      }
      if !entry.id.isEmpty, byID[entry.id] == nil { byID[entry.id] = position }
    }
    self.byURL = byURL
    self.byID = byID
  }

  /// Opens a health-topics XML file.
  ///
  /// With a `cacheDirectory` (see `LibraryLocation.indexCacheDirectory`), a compact index
  /// saved there for this very file (same path, device, inode, size, modification time and
  /// first and last 64 KiB) is loaded instead of scanning the XML; otherwise the XML is
  /// scanned once and the index saved there for next time (created if missing; a cache that
  /// cannot be written is skipped silently). Without one, the XML is always scanned.
  ///
  /// A file that breaks off opens with its complete topics and `truncated` set. The pre-2012
  /// `MedicalTopics` format, other XML, and files that are not XML throw.
  public static func open(xmlPath: String, cacheDirectory: String?) throws(LibraryError)
    -> TopicLibrary
  {
    let file = try SourceFile(path: xmlPath)
    let identity = try file.identity()
    let source = canonicalPath(xmlPath)
    var cachePath: String?
    if let cacheDirectory, makeDirectories(cacheDirectory) {
      let path = IndexCacheFile.path(for: source, in: cacheDirectory)
      cachePath = path
      if let index = IndexCacheFile.load(from: path, source: source, identity: identity) {
        return TopicLibrary(file: file, index: index, loadedFromCache: true, cachePath: path)
      }
    }
    let bytes = try file.readAll(size: identity.size)
    let index = try TopicIndexBuilder.build(bytes, path: xmlPath)
    // A file that changed while it was read must not be cached under either version's name.
    if let cachePath, bytes.count == identity.size, (try? file.identity()) == identity {
      IndexCacheFile.save(index, to: cachePath, source: source, identity: identity)
    }
    return TopicLibrary(file: file, index: index, loadedFromCache: false, cachePath: cachePath)
  }

  /// The full page of entry `index`, read from the file on demand: the same page a read of
  /// the whole file gives for that topic.
  public func page(_ index: Int) throws(LibraryError) -> Page {
    guard entries.indices.contains(index) else {
      throw .noSuchTopic(index: index, count: entries.count)
    }
    let entry = entries[index]
    let bytes = try file.read(offset: entry.offset, count: entry.length)
    guard bytes.count == entry.length, bytes.starts(with: "<health-topic".utf8) else {
      throw .fileChanged(path: path)
    }
    do {
      return try SingleTopicReader.read(prolog: prolog, topic: bytes)
    } catch {
      let relocated = SingleTopicReader.relocated(
        error, prolog: prolog, topicLine: file.line(at: entry.offset))
      throw .topicUnreadable(path: path, title: entry.title, relocated)
    }
  }

  /// The entry whose page is at `url`, ignoring http vs https, the letter case of the scheme
  /// and host, a `#fragment` and trailing slashes: how Related Health Topics, "See also"
  /// links and the other-language twin are found in the same file.
  public func entry(forURL url: String) -> Int? {
    byURL[Self.urlKey(url)]
  }

  /// The entry with this XML `id` (a twin's `language-mapped-topic` id, a related topic's).
  public func entry(forID id: String) -> Int? {
    byID[id]
  }

  /// The entries matching `query` in their title or also-called names, accent- and
  /// case-insensitively (see `TextFolding`): first titles that start with the query, then
  /// also-called names that start with it, then names with a word that starts with it,
  /// then names that contain it; equal matches in the alphabetical order of their folded
  /// titles. Each entry appears once, with its best match. An empty query lists every entry
  /// alphabetically. Only entries `languages` admits are listed.
  public func search(_ query: String, languages: LanguageFilter) -> [SearchHit] {
    searchIndex.search(query, languages: languages, entries: entries)
  }

  /// The entry called exactly `name` (after the same folding as `search`: "avascular
  /// necrosis" finds the entry with the also-called name "Avascular necrosis"): a title
  /// match first, else an also-called match, the first in file order; nil when no name is
  /// equal (then `search` finds the nearest).
  public func entry(named name: String, languages: LanguageFilter = .both) -> Int? {
    searchIndex.entry(named: name, languages: languages)
  }

  // MARK: - Helpers

  /// The comparable form of a topic address. Works on UTF-8 bytes: it runs for every entry
  /// when a library opens.
  static func urlKey(_ url: String) -> String {
    let bytes = Array(url.utf8)
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    var start = bytes.startIndex
    var end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    func hasPrefix(_ prefix: StaticString) -> Bool {
      let length = prefix.utf8CodeUnitCount
      guard end - start >= length else { return false }
      return (0..<length).allSatisfy { offset in
        bytes[start + offset] | 0x20 == prefix.utf8Start[offset] | 0x20
      }
    }
    if hasPrefix("https://") {
      start += 8
    } else if hasPrefix("http://") {
      start += 7
    }
    while end > start && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
    var key = Array(bytes[start..<end])
    for index in key.indices {
      if key[index] == UInt8(ascii: "/") { break }
      if (0x41...0x5A).contains(key[index]) { key[index] |= 0x20 }
    }
    return String(decoding: key, as: UTF8.self)
  }

  /// The absolute path with symbolic links resolved, so the same file opened by different
  /// names shares one cache entry.
  static func canonicalPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let directory = buffer.withUnsafeBufferPointer { pointer in
      pointer.baseAddress.map { String(cString: $0) } ?? ""
    }
    return directory + "/" + path
  }

  /// `mkdir -p`; true when the directory exists afterwards.
  @discardableResult
  static func makeDirectories(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR }
    if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
      makeDirectories(String(path[..<slash]))
    }
    return mkdir(path, 0o755) == 0 || (stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
  }
}
