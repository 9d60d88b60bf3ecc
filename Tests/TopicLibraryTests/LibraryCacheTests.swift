import Foundation
import MedlinePlus
import Testing

@testable import TopicLibrary

/// The compact index cache: written on the first open, used on the next, and never used for
/// a file that changed.
@Suite struct LibraryCacheTests {
  let directory: TemporaryDirectory
  let cache: String

  init() throws {
    directory = try TemporaryDirectory()
    cache = directory.file("data/index")
  }

  private func status(_ path: String) throws -> stat {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw GeneratedFiles.GenerationError(message: "cannot stat \(path)")
    }
    return info
  }

  /// Sets the modification time exactly (to the nanosecond), as an edit that restores it
  /// would.
  private func setModificationTime(_ path: String, _ time: timespec) throws {
    var times = [timespec(tv_sec: time.tv_sec, tv_nsec: time.tv_nsec), time]
    guard utimensat(AT_FDCWD, path, &times, 0) == 0 else {
      throw GeneratedFiles.GenerationError(message: "cannot set the time of \(path)")
    }
  }

  /// Overwrites bytes of a file in place: same inode, same size.
  private func overwrite(_ path: String, at offset: Int, with bytes: [UInt8]) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: Data(bytes))
  }

  @Test func firstOpenWritesTheCacheAndTheNextUsesIt() throws {
    let xml = try directory.copy(
      Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"), as: "topics.xml")
    let cold = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(!cold.loadedFromCache)
    let cachePath = try #require(cold.cachePath)
    #expect(cachePath.hasPrefix(cache + "/index-") && cachePath.hasSuffix(".mtindex"))
    #expect(try status(cachePath).st_mode & 0o777 == 0o644)
    #expect(directory.listing("data/index") == [URL(fileURLWithPath: cachePath).lastPathComponent])

    let warm = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(warm.loadedFromCache)
    #expect(warm.cachePath == cachePath)
    #expect(warm.entries == cold.entries)
    #expect(warm.dateGenerated == cold.dateGenerated)
    #expect(warm.declaredTotal == cold.declaredTotal)
    #expect(warm.truncated == nil)
    for index in warm.entries.indices {
      #expect(try warm.page(index) == cold.page(index))
    }
    #expect(warm.search("hba1c", languages: .both) == cold.search("hba1c", languages: .both))
  }

  /// The honest check that a warm open does not read the XML: a title in the middle of the
  /// file is changed in place (same size, same inode, its modification time put back, and
  /// outside the fingerprinted first and last 64 KiB). The warm open still shows the old
  /// title, so it came from the cache; a scan shows the new one, so the file did change.
  /// Touching the time then makes the cache stale.
  @Test func warmOpenReadsTheCacheNotTheXML() throws {
    let xml = try directory.copy(try GeneratedFiles.sixtyTopics.get(), as: "topics.xml")
    let cold = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    let size = Int(try status(xml).st_size)
    let window = 64 * 1024
    let middle = try #require(
      cold.entries.firstIndex { $0.offset > window + 4096 && $0.offset + $0.length < size - window }
    )
    let entry = cold.entries[middle]
    let bytes = try Paths.bytes(xml)
    let tag = String(
      decoding: bytes[entry.offset..<entry.offset + min(entry.length, 2000)], as: UTF8.self)
    let titleStart = try #require(tag.range(of: "title=\""))
    let offset = entry.offset + tag.utf8.distance(from: tag.startIndex, to: titleStart.upperBound)
    #expect(bytes[offset] == Array(entry.title.utf8)[0])
    let before = try status(xml)

    try overwrite(xml, at: offset, with: Array("Q".utf8))
    try setModificationTime(xml, before.st_mtim)
    let after = try status(xml)
    #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec)
    #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

    let warm = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(warm.loadedFromCache)
    #expect(warm.entries[middle].title == entry.title)
    let scanned = try TopicLibrary.open(xmlPath: xml, cacheDirectory: nil)
    let changedTitle = "Q" + entry.title.dropFirst()
    #expect(scanned.entries[middle].title == changedTitle)

    try setModificationTime(
      xml, timespec(tv_sec: before.st_mtim.tv_sec + 1, tv_nsec: before.st_mtim.tv_nsec))
    let touched = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(!touched.loadedFromCache)
    #expect(touched.entries[middle].title == changedTitle)
    #expect(try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache).loadedFromCache)
  }

  @Test func aReplacedFileIsScannedAgain() throws {
    let xml = try directory.copy(
      Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"), as: "topics.xml")
    let first = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(first.entries.count == 1)
    // As --update does: a new file renamed over the old one.
    let replacement = try directory.copy(try GeneratedFiles.nineteenTopics.get(), as: "new.xml")
    #expect(rename(replacement, xml) == 0)
    let second = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(!second.loadedFromCache)
    #expect(second.entries.count == 19)
    #expect(second.cachePath == first.cachePath)
    #expect(try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache).entries.count == 19)
  }

  @Test func anAppendedFileIsScannedAgain() throws {
    let xml = try directory.copy(try GeneratedFiles.nineteenTopics.get(), as: "topics.xml")
    let first = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: xml))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("<!-- appended -->\n".utf8))
    try handle.close()
    let second = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(!second.loadedFromCache)
    #expect(second.entries == first.entries)
  }

  @Test func aDamagedCacheIsRebuilt() throws {
    let xml = try directory.copy(try GeneratedFiles.nineteenTopics.get(), as: "topics.xml")
    let first = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    let cachePath = try #require(first.cachePath)
    var bytes = try Paths.bytes(cachePath)
    bytes[bytes.count / 2] ^= 0x20
    try Paths.write(bytes, to: cachePath)
    let second = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(!second.loadedFromCache)
    #expect(second.entries == first.entries)
    // Cut short, as a torn write would leave it.
    try Paths.write(Array(try Paths.bytes(cachePath).prefix(100)), to: cachePath)
    #expect(!(try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache).loadedFromCache))
    #expect(try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache).loadedFromCache)
  }

  /// The checksum proves nothing against someone who writes the cache on purpose: a topic
  /// whose byte range lies outside the file, or an entry count no file could hold, costs a
  /// rebuild and never a trap or a huge allocation.
  @Test func aCraftedCacheCostsOnlyARebuild() throws {
    let xml = try directory.copy(try GeneratedFiles.nineteenTopics.get(), as: "topics.xml")
    let first = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    let cachePath = try #require(first.cachePath)
    let identity = try SourceFile(path: xml).identity()
    let source = TopicLibrary.canonicalPath(xml)
    let index = try #require(
      IndexCacheFile.load(from: cachePath, source: source, identity: identity))
    let size = identity.size
    for (offset, length) in [(size + 1, 10), (size - 5, 10), (Int.max - 3, 8), (0, Int.max)] {
      var crafted = index
      crafted.entries[3].offset = offset
      crafted.entries[3].length = length
      #expect(IndexCacheFile.save(crafted, to: cachePath, source: source, identity: identity))
      #expect(IndexCacheFile.load(from: cachePath, source: source, identity: identity) == nil)
      let reopened = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
      #expect(!reopened.loadedFromCache, "offset \(offset), length \(length)")
      #expect(reopened.entries == first.entries)
    }
    // An entry count of four thousand million, with a matching checksum.
    #expect(IndexCacheFile.save(index, to: cachePath, source: source, identity: identity))
    var bytes = try Paths.bytes(cachePath)
    let count = UInt32(index.entries.count).littleEndianBytes
    let firstRange =
      UInt64(index.entries[0].offset).littleEndianBytes
      + UInt64(index.entries[0].length).littleEndianBytes
    let at = try #require(bytes.firstRange(of: count + firstRange))
    bytes.replaceSubrange(at.lowerBound..<at.lowerBound + 4, with: [0xFF, 0xFF, 0xFF, 0xF0])
    var hasher = FNVHash()
    hasher.add(Array(bytes.dropLast(8)))
    bytes.replaceSubrange((bytes.count - 8)..., with: hasher.value.littleEndianBytes)
    try Paths.write(bytes, to: cachePath)
    #expect(IndexCacheFile.load(from: cachePath, source: source, identity: identity) == nil)
  }

  @Test func aTruncatedFileIsCachedWithItsBreak() throws {
    let whole = try Paths.bytes(try GeneratedFiles.nineteenTopics.get())
    let xml = directory.file("cut.xml")
    try Paths.write(Array(whole.prefix(whole.count / 2)), to: xml)
    let cold = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    let warm = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    #expect(warm.loadedFromCache)
    #expect(cold.truncated != nil)
    #expect(warm.truncated == cold.truncated)
    #expect(warm.entries == cold.entries)
  }

  @Test func theSameFileByAnotherNameSharesItsCache() throws {
    let xml = try directory.copy(
      Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"), as: "topics.xml")
    let link = directory.file("link.xml")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: xml)
    let first = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    let viaLink = try TopicLibrary.open(xmlPath: link, cacheDirectory: cache)
    #expect(viaLink.loadedFromCache)
    #expect(viaLink.cachePath == first.cachePath)
    #expect(viaLink.path == link)
  }

  /// A cache that cannot be written (here its directory would have to be inside a regular
  /// file, which fails even for root) does not stop the library from opening.
  @Test func anUnwritableCacheIsSkipped() throws {
    let xml = try directory.copy(
      Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml"), as: "topics.xml")
    let blocked = xml + "/index"
    let library = try TopicLibrary.open(xmlPath: xml, cacheDirectory: blocked)
    #expect(!library.loadedFromCache)
    #expect(library.cachePath == nil)
    #expect(library.entries.count == 1)
  }

  @Test func oldCacheFilesArePruned() throws {
    let source = Paths.corpusFile("mplus_topics_2024-08-10.excerpt-A1C.xml")
    // A temporary file of a writer that died an hour ago goes; a fresh one may be in use.
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    let abandoned = cache + "/index-0000000000000001.mtindex.tmp-1-1"
    let fresh = cache + "/index-0000000000000002.mtindex.tmp-1-2"
    try Paths.write([1, 2, 3], to: abandoned)
    try Paths.write([1, 2, 3], to: fresh)
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    try setModificationTime(abandoned, timespec(tv_sec: now.tv_sec - 3600, tv_nsec: 0))
    for number in 0..<(IndexCacheFile.keptFiles + 3) {
      let xml = try directory.copy(source, as: "topics-\(number).xml")
      _ = try TopicLibrary.open(xmlPath: xml, cacheDirectory: cache)
    }
    let files = directory.listing("data/index").filter { $0.hasSuffix(".mtindex") }
    #expect(files.count == IndexCacheFile.keptFiles)
    #expect(!Paths.exists(abandoned))
    #expect(Paths.exists(fresh))
  }
}

extension FixedWidthInteger {
  /// The value's bytes, least significant first, as the cache file stores integers.
  fileprivate var littleEndianBytes: [UInt8] {
    withUnsafeBytes(of: littleEndian) { Array($0) }
  }
}
