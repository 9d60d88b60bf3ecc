import Glibc
import TopicLibrary

/// An exclusive `flock` on `.update.lock` in the data directory, so two `medterm --update`
/// runs cannot write the same files. The kernel drops the lock when the process ends, even
/// when it is killed, so a crashed update never blocks the next one.
final class UpdateLock {
  let path: String
  private var descriptor: Int32

  init(directory: String) throws(LibraryError) {
    path = directory + "/.update.lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    // A child that another thread is spawning holds a copy of every descriptor until its
    // exec closes them, so a lock just released can look held for a moment: ask again for
    // a second before calling it another update's.
    var attempts = 0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      if errno == EWOULDBLOCK && attempts < 100 {
        attempts += 1
        usleep(10_000)
        continue
      }
      let busy = errno == EWOULDBLOCK
      let reason = String(cString: strerror(errno))
      close(descriptor)
      descriptor = -1
      throw busy ? .updateInProgress(lockPath: path) : .cannotWrite(path: path, reason: reason)
    }
  }

  deinit {
    release()
  }

  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }
}
