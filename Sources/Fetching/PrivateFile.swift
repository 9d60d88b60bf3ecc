import CFetchSupport
import Glibc

/// The temporary file the helper writes the body to: made with `mkostemp` (mode 0600, a name
/// nobody can predict) in `$TMPDIR` or `/tmp`, close-on-exec so no other child of medterm
/// inherits it, and removed on every path (`remove()` and `deinit`).
final class PrivateFile {
  let path: String
  private var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit {
    remove()
  }

  static func create() throws(FetchError) -> PrivateFile {
    let directory = Self.temporaryDirectory()
    var template = Array("\(directory)/medterm-fetch-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer {
      cfetch_mkstemp_cloexec($0.baseAddress)
    }
    guard descriptor >= 0 else {
      throw .helperFailed(
        "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
    }
    // mkostemp already uses 0600; say so anyway, whatever the umask or libc.
    fchmod(descriptor, 0o600)
    let path = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? ""
    }
    return PrivateFile(path: path, descriptor: descriptor)
  }

  /// Reads the whole file through the descriptor made at creation: whatever happens to the
  /// name, this is the file the helper was given.
  func readAll(limit: Int) throws(FetchError) -> [UInt8] {
    var info = stat()
    guard descriptor >= 0, fstat(descriptor, &info) == 0 else {
      throw .helperFailed("cannot read the downloaded page: \(String(cString: strerror(errno)))")
    }
    let size = Int(info.st_size)
    guard size <= limit else { throw .tooLarge(limit: limit) }
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress.map { $0 + offset }, size - offset, off_t(offset))
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        throw .helperFailed("cannot read the downloaded page: the file ended early")
      }
      offset += count
    }
    return bytes
  }

  /// Unlinks and closes; safe to call more than once.
  func remove() {
    guard descriptor >= 0 else { return }
    unlink(path)
    close(descriptor)
    descriptor = -1
  }

  private static func temporaryDirectory() -> String {
    var directory = getenv("TMPDIR").map { String(cString: $0) } ?? ""
    while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
    var info = stat()
    guard !directory.isEmpty, stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR
    else { return "/tmp" }
    return directory
  }
}
