import Glibc
import MedlinePlus

/// The compact index on disk: one file per XML file, `index-<hash of the XML's path>.mtindex`
/// in the cache directory, so the next start reads a few hundred kilobytes instead of
/// scanning tens of megabytes.
///
/// Format (version 1), every integer little-endian:
///
///     magic        "medterm-topic-index\n" (20 bytes)
///     version      u32 = 1
///     source       str   the XML's canonical path
///     identity     u64 device, u64 inode, i64 size, i64 mtime seconds, i64 mtime nanoseconds,
///                  u64 FNV-1a of the first and last 64 KiB (see `FileIdentity`)
///     total        i64   the `total` attribute, -1 when absent
///     generated    opt   the `date-generated` attribute
///     truncation   i64 line, i64 topics read; -1, -1 when the file is complete
///     prolog       str   the bytes before the root element
///     count        u32   number of entries, then per entry:
///                  u64 offset, u64 length, opt language, str id, str title, opt url,
///                  u32 number of also-called names, then each as str
///     checksum     u64   FNV-1a of everything before it
///
///     str = u32 byte length + UTF-8 bytes; opt = the same, with length 0xFFFFFFFF for nil
///
/// A cache is used only when its version, checksum, source path and identity all match;
/// anything else (an old format, a torn write, another file) is silently rebuilt. It is
/// written to a temporary name and renamed into place, so readers see a whole file or the
/// previous one. It holds only public topic titles, so it is written 0644.
enum IndexCacheFile {
  static let version: UInt32 = 1
  private static let magic = Array("medterm-topic-index\n".utf8)
  private static let fileExtension = ".mtindex"
  /// Old cache files beyond this many (least recently written first) are removed.
  static let keptFiles = 16

  /// The cache file for the XML at `canonicalPath`.
  static func path(for canonicalPath: String, in directory: String) -> String {
    let hash = FNVHash.hash(canonicalPath)
    let hex = String(hash, radix: 16)
    return directory + "/index-" + String(repeating: "0", count: 16 - hex.count) + hex
      + fileExtension
  }

  // MARK: - Reading

  /// The index stored at `path` for this source, or nil when there is none or it does not
  /// match.
  static func load(from path: String, source: String, identity: FileIdentity) -> TopicIndex? {
    guard let bytes = readFile(path), bytes.count > magic.count + 12 else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      var hasher = FNVHash()
      hasher.add(
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<(buffer.count - 8)])))
      var reader = Reader(bytes: buffer, position: buffer.count - 8)
      guard reader.u64() == hasher.value else { return nil }
      reader = Reader(bytes: buffer, position: 0)
      return decode(&reader, source: source, identity: identity, end: buffer.count - 8)
    }
  }

  /// The fewest bytes one entry takes: two u64s and five length fields.
  private static let minimumEntryBytes = 8 + 8 + 4 * 5

  private static func decode(
    _ reader: inout Reader, source: String, identity: FileIdentity, end: Int
  ) -> TopicIndex? {
    guard reader.raw(magic.count).map(Array.init) == magic, reader.u32() == version,
      reader.string() == source,
      let device = reader.u64(), let inode = reader.u64(), let size = reader.i64(),
      let seconds = reader.i64(), let nanoseconds = reader.i64(), let fingerprint = reader.u64(),
      FileIdentity(
        device: device, inode: inode, size: Int(size), modifiedSeconds: seconds,
        modifiedNanoseconds: nanoseconds, fingerprint: fingerprint) == identity,
      let total = reader.i64(), let generated = reader.optionalString(),
      let truncationLine = reader.i64(), let truncationTopics = reader.i64(),
      let prolog = reader.raw(), let count = reader.u32()
    else { return nil }
    // A crafted cache (its checksum is no secret) may announce anything: a count is believed
    // only as far as the bytes left could hold that many records, and every topic's byte
    // range must lie inside the file it indexes. Anything else costs a rebuild, not memory.
    guard Int(count) <= (end - reader.position) / minimumEntryBytes, size >= 0 else { return nil }
    var entries: [TopicIndexEntry] = []
    entries.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let offset = reader.u64(), let length = reader.u64(),
        offset <= UInt64(size), length <= UInt64(size) - offset,
        let language = reader.optionalString(), let id = reader.string(),
        let title = reader.string(), let url = reader.optionalString(),
        let aliasCount = reader.u32(), Int(aliasCount) <= (end - reader.position) / 4
      else { return nil }
      var alsoCalled: [String] = []
      alsoCalled.reserveCapacity(Int(aliasCount))
      for _ in 0..<aliasCount {
        guard let name = reader.string() else { return nil }
        alsoCalled.append(name)
      }
      entries.append(
        TopicIndexEntry(
          id: id, title: title, alsoCalled: alsoCalled, language: language, url: url,
          offset: Int(offset), length: Int(length)))
    }
    guard reader.position == end else { return nil }
    return TopicIndex(
      entries: entries, declaredTotal: total < 0 ? nil : Int(total),
      dateGenerated: generated,
      truncation: truncationLine < 0
        ? nil : .truncatedXML(line: Int(truncationLine), topicsRead: Int(truncationTopics)),
      prolog: Array(prolog))
  }

  /// Reads fields in order; every read returns nil once the data runs out.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    mutating func raw(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
      guard count >= 0, count <= bytes.count - position else { return nil }
      defer { position += count }
      return UnsafeBufferPointer(rebasing: bytes[position..<position + count])
    }

    mutating func u64() -> UInt64? {
      guard let raw = raw(8) else { return nil }
      var value: UInt64 = 0
      for (shift, byte) in raw.enumerated() { value |= UInt64(byte) << (8 * shift) }
      return value
    }

    mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }

    mutating func u32() -> UInt32? {
      guard let raw = raw(4) else { return nil }
      return UInt32(raw[0]) | UInt32(raw[1]) << 8 | UInt32(raw[2]) << 16 | UInt32(raw[3]) << 24
    }

    mutating func raw() -> UnsafeBufferPointer<UInt8>? {
      guard let length = u32() else { return nil }
      return raw(Int(length))
    }

    mutating func string() -> String? {
      raw().map { String(decoding: $0, as: UTF8.self) }
    }

    /// `.some(nil)` for a stored nil, nil when the data is broken.
    mutating func optionalString() -> String?? {
      guard let length = u32() else { return nil }
      if length == UInt32.max { return .some(nil) }
      guard let raw = raw(Int(length)) else { return nil }
      return .some(String(decoding: raw, as: UTF8.self))
    }
  }

  // MARK: - Writing

  /// Writes the index for `source` atomically. Failing to write a cache is not an error
  /// for the caller (the library works without it), so this only reports whether it did.
  @discardableResult
  static func save(
    _ index: TopicIndex, to path: String, source: String, identity: FileIdentity
  ) -> Bool {
    var writer = Writer()
    writer.bytes += magic
    writer.u32(version)
    writer.string(source)
    writer.u64(identity.device)
    writer.u64(identity.inode)
    writer.i64(Int64(identity.size))
    writer.i64(identity.modifiedSeconds)
    writer.i64(identity.modifiedNanoseconds)
    writer.u64(identity.fingerprint)
    writer.i64(Int64(index.declaredTotal ?? -1))
    writer.optionalString(index.dateGenerated)
    if case .truncatedXML(let line, let topics)? = index.truncation {
      writer.i64(Int64(line))
      writer.i64(Int64(topics))
    } else {
      writer.i64(-1)
      writer.i64(-1)
    }
    writer.raw(index.prolog)
    writer.u32(UInt32(index.entries.count))
    for entry in index.entries {
      writer.u64(UInt64(entry.offset))
      writer.u64(UInt64(entry.length))
      writer.optionalString(entry.language)
      writer.string(entry.id)
      writer.string(entry.title)
      writer.optionalString(entry.url)
      writer.u32(UInt32(entry.alsoCalled.count))
      for name in entry.alsoCalled { writer.string(name) }
    }
    var hasher = FNVHash()
    hasher.add(writer.bytes)
    writer.u64(hasher.value)
    guard writeAtomically(writer.bytes, to: path) else { return false }
    pruneOldFiles(keeping: path)
    return true
  }

  private struct Writer {
    var bytes: [UInt8] = []

    mutating func u64(_ value: UInt64) {
      for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
    }

    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    mutating func u32(_ value: UInt32) {
      for shift in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
    }

    mutating func raw(_ value: [UInt8]) {
      u32(UInt32(value.count))
      bytes += value
    }

    mutating func string(_ value: String) {
      u32(UInt32(value.utf8.count))
      bytes += value.utf8
    }

    mutating func optionalString(_ value: String?) {
      guard let value else { return u32(UInt32.max) }
      string(value)
    }
  }

  // MARK: - Files

  private static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
      }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return nil }
      done += got
    }
    return bytes
  }

  /// Writes to a fresh temporary name beside `path`, then renames it over `path`.
  static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
    let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    var done = 0
    var failed = false
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if wrote < 0 && errno == EINTR { continue }
      guard wrote > 0 else {
        failed = true
        break
      }
      done += wrote
    }
    if close(descriptor) != 0 { failed = true }
    guard !failed, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  /// Keeps the cache directory from growing with every XML file ever opened: beyond
  /// `keptFiles`, the least recently written go (never `path`, just written).
  private static func pruneOldFiles(keeping path: String) {
    let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    guard let handle = opendir(directory) else { return }
    var files: [(path: String, modified: timespec)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix("index-") else { continue }
      let candidate = directory + "/" + name
      var info = stat()
      guard candidate != path, stat(candidate, &info) == 0 else { continue }
      if name.contains(".tmp-") {
        // Left by a process that died while writing; a live writer renames within moments.
        if time(nil) - info.st_mtim.tv_sec > 600 { unlink(candidate) }
        continue
      }
      guard name.hasSuffix(fileExtension) else { continue }
      files.append((candidate, info.st_mtim))
    }
    closedir(handle)
    guard files.count >= keptFiles else { return }
    let newestFirst = files.sorted {
      ($0.modified.tv_sec, $0.modified.tv_nsec) > ($1.modified.tv_sec, $1.modified.tv_nsec)
    }
    for file in newestFirst.dropFirst(keptFiles - 1) {
      unlink(file.path)
    }
  }
}
