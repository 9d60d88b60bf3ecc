import MedlinePlus

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a page comes from: a file, standard input, or the page built into the binary.
enum Source: Equatable {
  case builtIn
  case standardInput
  case file(String)
  /// An http or https address, fetched before the browser starts.
  case web(String)

  init(argument: String?) {
    switch argument {
    case nil: self = .builtIn
    case "-": self = .standardInput
    case let text? where Self.isWebAddress(text): self = .web(text)
    case let text? where text.lowercased().hasPrefix("file:"):
      self = .file(FileAddress.path(of: text) ?? text)
    case let path?: self = .file(path)
    }
  }

  static func isWebAddress(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// The name error messages use.
  var displayName: String {
    switch self {
    case .builtIn: BuiltInPage.name
    case .standardInput: "<stdin>"
    case .file(let path): path
    case .web(let url): url
    }
  }
}

/// Why a source could not be loaded before any reader saw it.
struct SourceError: Error, CustomStringConvertible {
  let description: String
}

/// Reads a source's bytes with plain POSIX calls (no Foundation on the start-up path).
enum SourceLoader {
  /// - Parameter onlyRegularFiles: refuse anything but a regular file (a link inside the
  ///   browser: a FIFO, a terminal or `/dev/zero` would block the screen or never end). The
  ///   command line may name a pipe on purpose (`medterm <(command)`).
  static func bytes(of source: Source, onlyRegularFiles: Bool = false) throws -> [UInt8] {
    switch source {
    case .builtIn:
      return BuiltInPage.bytes
    case .standardInput:
      return try readAll(descriptor: STDIN_FILENO, name: "<stdin>")
    case .web:
      throw SourceError(description: "web addresses are loaded by PageLoader")
    case .file(let path):
      // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait for a writer.
      let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (onlyRegularFiles ? O_NONBLOCK : 0)
      let descriptor = open(path, flags)
      guard descriptor >= 0 else { throw SourceError(description: "\(path): \(errorText())") }
      defer { close(descriptor) }
      var status = stat()
      guard fstat(descriptor, &status) == 0 else {
        throw SourceError(description: "\(path): \(errorText())")
      }
      let kind = status.st_mode & S_IFMT
      if kind == S_IFDIR { throw SourceError(description: "\(path): is a directory") }
      if onlyRegularFiles && kind != S_IFREG {
        throw SourceError(
          description: "\(path): is \(Self.kindName(kind)), not a file; medterm opens only files"
            + " from a link")
      }
      return try readAll(descriptor: descriptor, name: path)
    }
  }

  private static func readAll(descriptor: Int32, name: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SourceError(description: "\(name): \(errorText())")
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > PageReader.maximumBytes {
        throw SourceError(
          description: "\(name): the page is too large (over \(PageReader.maximumBytes) bytes)")
      }
    }
  }

  private static func kindName(_ kind: mode_t) -> String {
    switch kind {
    case S_IFIFO: "a pipe (FIFO)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }

  private static func errorText() -> String {
    String(cString: strerror(errno))
  }
}
