import CFetchSupport
import MedlinePlus

#if canImport(Glibc)
  import Glibc
#endif

/// Answers of the MedlinePlus services kept under `$XDG_CACHE_HOME/medterm/services`
/// (default `~/.cache/medterm/services`, 0700, checked like the state directory), one file
/// an address, so that a search seen once (and the topics its answer carried) opens again
/// without the network, marked with its age.
public struct ServiceCache: Sendable {
  /// Answers larger than this are not kept (the fetch helper refuses larger ones anyway).
  public static let largestAnswer = 8 << 20
  /// Where the answers are, or nil when there is no home to keep them in.
  public let directory: String?

  public init(environment: [String: String]) {
    let base: String?
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      base = cache + "/medterm"
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      base = home + "/.cache/medterm"
    } else {
      base = nil
    }
    directory = base.map { $0 + "/services" }
  }

  /// Keeps an answer for an address (quietly not, when the directory cannot be used).
  public func store(_ bytes: [UInt8], for address: String) {
    guard let directory, bytes.count <= Self.largestAnswer,
      (try? StateDirectory.prepare(directory)) != nil
    else { return }
    try? AtomicFile.write(
      String(decoding: bytes, as: UTF8.self), to: path(of: address, in: directory),
      mode: 0o600, replacing: true)
  }

  /// The answer kept for an address and how old it is, in seconds.
  public func answer(for address: String) -> (bytes: [UInt8], age: Int)? {
    guard let directory else { return nil }
    let descriptor = open(path(of: address, in: directory), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      info.st_uid == getuid(), Int(info.st_size) <= Self.largestAnswer
    else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return read(descriptor, base + filled, buffer.count - filled)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      filled += count
    }
    guard filled == bytes.count else { return nil }
    let age = max(0, Int(time(nil)) - Int(info.st_mtim.tv_sec))
    return (bytes, age)
  }

  /// A file name from the address: its 64-bit FNV-1a hash (no address reaches the file
  /// system as a name).
  private func path(of address: String, in directory: String) -> String {
    let hex = String(FNVHash.hash(address), radix: 16)
    return directory + "/" + String(repeating: "0", count: 16 - hex.count) + hex + ".answer"
  }

}
