import CFetchSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Writing a file whole, never half: the text goes to a new file beside the target (a name
/// nobody can predict, created exclusively, so no planted link is followed), is synced, and
/// is then put in place: renamed over the target, or linked to its name only when nothing
/// is there yet (a file or a link there makes that fail, and nothing is replaced unasked).
public enum AtomicFile {
  public enum Failure: Error, Equatable {
    /// Something is at the path already (and replacing it was not asked for).
    case exists
    /// The reason, as `strerror` gives it.
    case failed(String)
  }

  public static func write(_ text: String, to path: String, mode: mode_t, replacing: Bool)
    throws(Failure)
  {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array((directory + "/." + name + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer {
      cfetch_mkstemp_cloexec($0.baseAddress)
    }
    guard descriptor >= 0 else { throw .failed(String(cString: strerror(errno))) }
    let temporary = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? ""
    }
    defer { unlink(temporary) }
    var failure: Int32 = 0
    fchmod(descriptor, mode)
    var remaining = Array(text.utf8)[...]
    while !remaining.isEmpty && failure == 0 {
      let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno != EINTR { failure = errno }
        continue
      }
      remaining = remaining.dropFirst(written)
    }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    guard failure == 0 else { throw .failed(String(cString: strerror(failure))) }
    if replacing {
      guard rename(temporary, path) == 0 else { throw .failed(String(cString: strerror(errno))) }
    } else if link(temporary, path) != 0 {
      throw errno == EEXIST ? .exists : .failed(String(cString: strerror(errno)))
    }
  }
}
