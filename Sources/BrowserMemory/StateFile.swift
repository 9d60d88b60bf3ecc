#if canImport(Glibc)
  import Glibc
#endif

/// One state file: read whole and checked, written atomically and privately.
struct StateFile {
  /// What a read found.
  enum Contents: Equatable {
    case missing
    case text(String)
    /// The file is there but cannot be used; the reason is a phrase ("holds binary data").
    case unusable(String)
  }

  let directory: String
  let name: String
  /// The most bytes the file may hold; a larger one is set aside.
  let limit: Int

  var path: String { directory + "/" + name }

  func read() -> Contents {
    // O_NONBLOCK: a FIFO planted in the file's place must not hang medterm.
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT: return .missing
      case ELOOP: return .unusable("is a symbolic link")
      default: return .unusable(String(cString: strerror(errno)))
      }
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .unusable(String(cString: strerror(errno))) }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .unusable(
        info.st_mode & S_IFMT == S_IFDIR ? "is a directory" : "is not a regular file")
    }
    guard Int(info.st_size) <= limit else { return .unusable("is larger than \(limit) bytes") }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .unusable(String(cString: strerror(errno)))
      }
      if count == 0 { break }
      bytes += chunk[0..<count]
      guard bytes.count <= limit else { return .unusable("is larger than \(limit) bytes") }
    }
    guard !bytes.contains(0) else { return .unusable("holds binary data") }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .unusable("is not UTF-8 text")
    }
    return .text(text)
  }

  /// Writes the whole file: a new private file beside it, synced, then renamed over it. A
  /// symbolic link in its place is replaced, never written through.
  func write(_ text: String) throws(StateError) {
    do {
      try AtomicFile.write(text, to: path, mode: 0o600, replacing: true)
    } catch {
      switch error {
      case .exists: throw .cannotWrite(path, "it is in the way")
      case .failed(let reason): throw .cannotWrite(path, reason)
      }
    }
  }

  /// Moves an unusable file out of the way (the link itself, for a symbolic link), so that a
  /// new one can be started and the old one is not lost. Returns the new name.
  func setAside() -> String? {
    var target = name + ".bad"
    var attempt = 1
    var info = stat()
    while lstat(directory + "/" + target, &info) == 0 && attempt < 100 {
      attempt += 1
      target = name + ".bad\(attempt)"
    }
    return rename(path, directory + "/" + target) == 0 ? target : nil
  }
}

/// What can go wrong with the state on disk, as sentences for the messages view.
enum StateError: Error, CustomStringConvertible {
  case cannotWrite(String, String)
  case unusableDirectory(String, String)
  case busy(String)

  var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot be written: \(reason)"
    case .unusableDirectory(let path, let reason):
      "\(path): \(reason); medterm keeps no state there this time"
    case .busy(let path):
      "\(path): another medterm held the lock too long; this change was not saved"
    }
  }
}
