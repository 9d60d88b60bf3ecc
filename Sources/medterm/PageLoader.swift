import BrowserCore
import BrowserMemory
import Fetching
import MedlinePlus

#if canImport(Glibc)
  import Glibc
#endif

/// How the browser loads addresses in the real program: http(s) through the `medterm-fetch`
/// helper process (so URLSession and its libraries are never loaded at start-up), `file:`
/// addresses and plain paths from disk.
final class PageLoader: BrowserHost {
  /// Where the services' answers are kept (`$XDG_CACHE_HOME/medterm/services`).
  let cache: ServiceCache

  init(environment: [String: String] = ProcessEnvironment.current) {
    cache = ServiceCache(environment: environment)
  }

  func keepAnswer(_ bytes: [UInt8], for url: String) {
    cache.store(bytes, for: url)
  }

  func keptAnswer(for url: String) -> (bytes: [UInt8], age: Int)? {
    cache.answer(for: url)
  }

  func load(_ url: String) -> Result<any LoadTask, LoadFailure> {
    if let path = FileAddress.path(of: url) {
      return .success(FinishedLoad(Self.readFile(path, url: url)))
    }
    guard let helper = FetchHelper.locate() else {
      return .failure(
        LoadFailure(
          "the fetch helper medterm-fetch was not found next to medterm or on PATH, so "
            + "web addresses cannot be opened"))
    }
    do {
      let operation = try FetchOperation.start(FetchRequest(url: url), helperPath: helper)
      return .success(FetchLoad(operation))
    } catch {
      return .failure(LoadFailure(error.message))
    }
  }

  func fileAddress(forTyped path: String) -> String? {
    let expanded = Self.expandingHome(path)
    guard access(expanded, F_OK) == 0 else { return nil }
    // `../x` and links in the path resolved, so history shows one address per file.
    guard let resolved = realpath(expanded, nil) else { return FileAddress.url(forPath: expanded) }
    defer { free(resolved) }
    return FileAddress.url(forPath: String(cString: resolved))
  }

  /// Saves through `AtomicFile`: never half a file, never written through a link, never
  /// replacing a file unless asked.
  func save(_ text: String, to path: String, overwrite: Bool) -> Result<String, SaveFailure> {
    let target = FileAddress.absolute(Self.expandingHome(path))
    let mask = umask(0)
    umask(mask)
    do {
      try AtomicFile.write(text, to: target, mode: 0o666 & ~mask, replacing: overwrite)
      return .success(target)
    } catch {
      switch error {
      case .exists: return .failure(.exists(target))
      case .failed(let reason): return .failure(.cannotWrite("\(target): \(reason)"))
      }
    }
  }

  /// `~` and `~/x` are in the home directory.
  static func expandingHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
    return String(cString: home) + path.dropFirst()
  }

  /// Loads an address before the browser starts (`medterm URL`), without progress display.
  func loadNow(_ url: String) -> Result<LoadedResource, LoadFailure> {
    switch load(url) {
    case .failure(let failure): return .failure(failure)
    case .success(let task):
      while true {
        if case .finished(let result) = task.poll(timeoutMilliseconds: 1000) { return result }
      }
    }
  }

  private static func readFile(_ path: String, url: String) -> Result<LoadedResource, LoadFailure> {
    do {
      let bytes = try SourceLoader.bytes(of: .file(path), onlyRegularFiles: true)
      return .success(LoadedResource(url: url, contentType: nil, bytes: bytes))
    } catch {
      return .failure(LoadFailure("\(error)"))
    }
  }
}

/// A load that is already over (files are read at once).
private final class FinishedLoad: LoadTask {
  private let result: Result<LoadedResource, LoadFailure>

  init(_ result: Result<LoadedResource, LoadFailure>) {
    self.result = result
  }

  func poll(timeoutMilliseconds: Int) -> LoadStatus { .finished(result) }
  func cancel() {}
}

/// A fetch by the helper process, seen as a `LoadTask`.
private final class FetchLoad: LoadTask {
  private let operation: FetchOperation
  private var last = LoadStatus.inProgress(received: 0, expected: nil)

  init(_ operation: FetchOperation) {
    self.operation = operation
  }

  func poll(timeoutMilliseconds: Int) -> LoadStatus {
    for event in operation.poll(timeoutMilliseconds: timeoutMilliseconds) {
      switch event {
      case .progress(let received, let expected):
        last = .inProgress(received: received, expected: expected)
      case .finished(.success(let response)):
        last = .finished(
          .success(
            LoadedResource(
              url: response.finalURL, contentType: response.contentType, bytes: response.body)))
      case .finished(.failure(let error)):
        last = .finished(.failure(LoadFailure(error.message, cancelled: error == .cancelled)))
      }
    }
    return last
  }

  func cancel() {
    operation.cancel()
  }
}
