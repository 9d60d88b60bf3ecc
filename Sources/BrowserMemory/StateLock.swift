#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on a state directory while a file is read again, changed and
/// written, so that two medterm instances never write over each other's change.
enum StateLock {
  /// How long to wait for another instance before giving the change up.
  static let patienceMilliseconds = 2000

  static func holding<T>(_ directory: String, _ work: () throws(StateError) -> T)
    throws(StateError) -> T
  {
    let path = directory + "/.lock"
    let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotWrite(path, String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var waited = 0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, waited < patienceMilliseconds else {
        throw .busy(directory)
      }
      usleep(10_000)
      waited += 10
    }
    defer { flock(descriptor, LOCK_UN) }
    return try work()
  }
}
