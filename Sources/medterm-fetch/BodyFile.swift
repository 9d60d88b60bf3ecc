import Glibc

/// The file the body goes to. The parent created it private (0600); opening it without
/// O_CREAT and with O_NOFOLLOW means this program never creates a file, and never writes
/// through a symbolic link someone put in its place.
final class BodyFile {
  struct OpenError: Error {
    var message: String
  }

  private let descriptor: Int32

  init(path: String) throws(OpenError) {
    let descriptor = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw OpenError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// Writes all of `bytes`; returns an error message when the disk refuses.
  func write(_ bytes: UnsafeRawBufferPointer) -> String? {
    guard var pointer = bytes.baseAddress else { return nil }
    var remaining = bytes.count
    while remaining > 0 {
      let written = Glibc.write(descriptor, pointer, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        return "cannot write the body: \(String(cString: strerror(errno)))"
      }
      pointer += written
      remaining -= written
    }
    return nil
  }
}
