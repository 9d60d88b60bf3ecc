import Glibc
import MedlinePlus

/// The library's XML file, kept open for the library's lifetime and read with `pread` at
/// the offsets the index gives. Reading through the descriptor opened at the start means a
/// file renamed over the path later (`--update`) does not change what this library reads.
final class SourceFile: Sendable {
  let path: String
  private let descriptor: Int32

  init(path: String) throws(LibraryError) {
    let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotRead(path: path, reason: Self.systemError()) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let reason = Self.systemError()
      close(descriptor)
      throw .cannotRead(path: path, reason: reason)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw .cannotRead(path: path, reason: "it is not a regular file")
    }
    self.path = path
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// Size, times and a fingerprint of the first and last 64 KiB: what a cached index is
  /// matched against.
  func identity() throws(LibraryError) -> FileIdentity {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .cannotRead(path: path, reason: Self.systemError())
    }
    let size = Int(info.st_size)
    let window = 64 * 1024
    var hasher = FNVHash()
    hasher.add(UInt64(size))
    hasher.add(try read(offset: 0, count: min(size, window)))
    if size > window {
      let tailStart = max(window, size - window)
      hasher.add(try read(offset: tailStart, count: size - tailStart))
    }
    return FileIdentity(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: size,
      modifiedSeconds: Int64(info.st_mtim.tv_sec),
      modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), fingerprint: hasher.value)
  }

  /// Exactly `count` bytes from `offset`; fewer only when the file ends first.
  func read(offset: Int, count: Int) throws(LibraryError) -> [UInt8] {
    guard count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
      }
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { throw .cannotRead(path: path, reason: Self.systemError()) }
      if got == 0 { break }
      done += got
    }
    if done < count { bytes.removeSubrange(done...) }
    return bytes
  }

  /// The first `size` bytes (the whole file, given its size), without zeroing a buffer
  /// first: the index scan reads tens of megabytes.
  func readAll(size: Int) throws(LibraryError) -> [UInt8] {
    guard size > 0 else { return [] }
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var done = 0
      while done < size {
        let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, size - done, off_t(done))
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { break }
        done += got
      }
      initialized = done
    }
    guard failure == 0 else {
      throw .cannotRead(path: path, reason: String(cString: strerror(failure)))
    }
    return bytes
  }

  /// The line (1-based) that byte `offset` is on, for error messages only: it reads the file
  /// up to there.
  func line(at offset: Int) -> Int {
    var line = 1
    var position = 0
    let chunk = 1 << 20
    while position < offset {
      guard let bytes = try? read(offset: position, count: min(chunk, offset - position)),
        !bytes.isEmpty
      else { break }
      for byte in bytes where byte == 0x0A { line += 1 }
      position += bytes.count
    }
    return line
  }

  static func systemError() -> String {
    String(cString: strerror(errno))
  }
}
