/// LibraryUpdate: `medterm --update`, which downloads the newest MedlinePlus health-topics
/// XML into medterm's data directory and builds its compact index.
///
/// The order of the steps is what keeps the previous library safe: the new file is
/// downloaded (by the `medterm-fetch` helper, through `Fetching`) into a temporary file
/// beside the library, read completely once to prove it is a whole health-topics file, and
/// only then renamed over the old one, which `rename(2)` does atomically. A download that
/// fails, is cut off, is cancelled or is killed leaves at most a temporary file, which the
/// next update removes.
///
/// This module knows where the files are listed and how to install one; it must not know
/// about terminals (the command line draws `progressBar`) or how pages are shown.
import Fetching
import Glibc
import TopicLibrary

/// Downloads and installs the newest health-topics file.
public struct LibraryUpdater: Sendable {
  /// The page that links to the daily files.
  public static let defaultIndexURL = "https://medlineplus.gov/xml.html"
  /// An environment variable that replaces the index page's address (the tests point it at
  /// a local server).
  public static let indexURLVariable = "MEDTERM_XML_INDEX_URL"

  /// The index page actually used: `MEDTERM_XML_INDEX_URL` when set, else the argument.
  public let indexURL: String
  public let environment: [String: String]
  /// The `medterm-fetch` executable; nil finds it beside the running program or on PATH.
  public var helperPath: String?
  /// The largest file accepted (the real one is about 30 MB).
  public var maximumBytes = 200 << 20
  /// The whole download must finish within this many seconds.
  public var downloadTimeoutSeconds = 3600
  /// A download or index page from which nothing arrives for this many seconds is given up
  /// (the whole hour of a stalled download helps nobody).
  public var stallSeconds = 60
  /// The index page must arrive within this many seconds.
  public var indexTimeoutSeconds = 60

  /// - Parameters:
  ///   - indexURL: the page that lists the files, unless `MEDTERM_XML_INDEX_URL` is set.
  ///   - environment: where `XDG_DATA_HOME`, `HOME` and `MEDTERM_XML_INDEX_URL` are read.
  ///   - helperPath: the `medterm-fetch` executable, when not the one found beside medterm.
  public init(
    indexURL: String = defaultIndexURL, environment: [String: String], helperPath: String? = nil
  ) {
    if let override = environment[Self.indexURLVariable], !override.isEmpty {
      self.indexURL = override
    } else {
      self.indexURL = indexURL
    }
    self.environment = environment
    self.helperPath = helperPath
  }

  /// Finds the newest file, downloads it, checks it and installs it as
  /// `LibraryLocation.rememberedLibrary`, then writes its compact index. Blocks until done.
  ///
  /// - Parameters:
  ///   - progress: called on this thread as the update goes on, about ten times a second
  ///     while downloading.
  ///   - isCancelled: polled about ten times a second; when it returns true the download
  ///     stops and `LibraryError.cancelled` is thrown (for Ctrl-C).
  /// - Throws: `LibraryError`; whatever is thrown, the previous library is unchanged.
  public func run(
    progress: (UpdateProgress) -> Void, isCancelled: () -> Bool = { false }
  ) throws(LibraryError) -> UpdateResult {
    let directory = LibraryLocation.dataDirectory(environment: environment)
    try Self.makeDirectories(directory)
    let lock = try UpdateLock(directory: directory)
    defer { lock.release() }
    Self.removeStaleDownloads(in: directory)

    guard let helper = helperPath ?? FetchHelper.locate() else {
      throw .indexPageUnavailable(url: indexURL, reason: FetchError.helperMissing("").message)
    }
    progress(.fetchingIndex(url: indexURL))
    let page: FetchResponse
    do {
      page = try download(
        indexURL, limit: 8 << 20, timeout: indexTimeoutSeconds, helper: helper,
        isCancelled: isCancelled, onProgress: { _, _ in })
    } catch {
      switch error {
      case .cancelled: throw .cancelled
      case .failed(let error): throw .indexPageUnavailable(url: indexURL, reason: error.message)
      }
    }
    guard let link = TopicsFileLink.newest(in: page.body, pageURL: page.finalURL) else {
      throw .noTopicsLink(indexURL: indexURL)
    }
    progress(.found(link))

    let target = directory + "/" + LibraryLocation.libraryFileName
    let temporary = target + Self.downloadSuffix + String(getpid())
    // The body lives only until it is on disk: the verification reads the file again, and
    // holding both would double the update's memory.
    let size = try fetchFile(
      link, to: temporary, helper: helper, progress: progress, isCancelled: isCancelled)
    var installed = false
    defer { if !installed { unlink(temporary) } }
    let checked = try verify(temporary, from: link, progress: progress, isCancelled: isCancelled)
    if isCancelled() { throw .cancelled }

    progress(.installing(path: target))
    var info = stat()
    let replacedPrevious = stat(target, &info) == 0
    guard rename(temporary, target) == 0 else {
      throw .cannotWrite(path: target, reason: String(cString: strerror(errno)))
    }
    installed = true
    Self.syncDirectory(directory)
    // The index is rebuilt for the installed path (a cache is keyed by path); the file was
    // read successfully a moment ago, so a failure here only costs the next start its speed.
    _ = try? TopicLibrary.open(
      xmlPath: target,
      cacheDirectory: LibraryLocation.indexCacheDirectory(environment: environment))
    return UpdateResult(
      path: target, source: link, bytes: size, topics: checked.entries.count,
      dateGenerated: checked.dateGenerated, replacedPrevious: replacedPrevious)
  }

  // MARK: - Steps

  /// Downloads the file into `path`; returns its size.
  private func fetchFile(
    _ link: TopicsFileLink, to path: String, helper: String,
    progress: (UpdateProgress) -> Void, isCancelled: () -> Bool
  ) throws(LibraryError) -> Int {
    let body: [UInt8]
    do {
      body = try download(
        link.url, limit: maximumBytes, timeout: downloadTimeoutSeconds, helper: helper,
        isCancelled: isCancelled,
        onProgress: { progress(.downloading(received: $0, expected: $1)) }
      ).body
    } catch {
      switch error {
      case .cancelled: throw .cancelled
      case .failed(let error): throw .downloadFailed(url: link.url, reason: error.message)
      }
    }
    try Self.writeNewFile(body, to: path)
    return body.count
  }

  /// Why a download did not give a body.
  private enum DownloadFailure: Error {
    case cancelled
    case failed(FetchError)
  }

  private func download(
    _ url: String, limit: Int, timeout: Int, helper: String, isCancelled: () -> Bool,
    onProgress: (Int, Int?) -> Void
  ) throws(DownloadFailure) -> FetchResponse {
    let operation: FetchOperation
    do {
      operation = try FetchOperation.start(
        FetchRequest(
          url: url, timeoutSeconds: timeout, stallSeconds: stallSeconds, maximumBytes: limit),
        helperPath: helper)
    } catch {
      throw .failed(error)
    }
    while true {
      if isCancelled() {
        operation.cancel()
        throw .cancelled
      }
      for event in operation.poll(timeoutMilliseconds: 100) {
        switch event {
        case .progress(let received, let expected):
          onProgress(received, expected)
        case .finished(.success(let response)):
          // A redirect that was not followed is not the file.
          guard (200..<300).contains(response.status) else {
            throw .failed(.httpStatus(response.status, "not a file"))
          }
          return response
        case .finished(.failure(.cancelled)):
          throw .cancelled
        case .finished(.failure(let error)):
          throw .failed(error)
        }
      }
    }
  }

  /// Reads the downloaded file as a library and then every topic in it: it must hold at
  /// least one topic, must not break off, must hold as many topics as it says, and every
  /// topic must read as a page.
  private func verify(
    _ path: String, from link: TopicsFileLink, progress: (UpdateProgress) -> Void,
    isCancelled: () -> Bool
  ) throws(LibraryError) -> TopicLibrary {
    let fileName = String(link.url.split(separator: "/").last ?? "the file")
    func failed(_ reason: String) -> LibraryError {
      .verificationFailed(url: link.url, reason: reason.replacing(path, with: fileName))
    }
    let library: TopicLibrary
    do {
      library = try TopicLibrary.open(xmlPath: path, cacheDirectory: nil)
    } catch {
      throw failed(error.message)
    }
    guard !library.entries.isEmpty else { throw failed("it holds no topics.") }
    if let truncated = library.truncated {
      throw failed(
        "it breaks off after \(library.entries.count) complete topics "
          + "(\(truncated.formatted(source: path))).")
    }
    if let total = library.declaredTotal, total != library.entries.count {
      throw failed("it says it has \(total) topics but holds \(library.entries.count).")
    }
    progress(.verifying(topics: library.entries.count))
    for index in library.entries.indices {
      if index % 64 == 0 && isCancelled() { throw .cancelled }
      do {
        _ = try library.page(index)
      } catch {
        throw failed(error.message)
      }
    }
    return library
  }

  // MARK: - Files

  /// Downloads in progress are `mplus_topics.xml.download-<pid>`.
  static let downloadSuffix = ".download-"

  /// Writes a file that must not exist yet, and flushes it to disk before it can be renamed
  /// over the library: a crash after the rename must not leave an empty library.
  private static func writeNewFile(_ bytes: [UInt8], to path: String) throws(LibraryError) {
    unlink(path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    var done = 0
    var failure: Int32 = 0
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if wrote < 0 && errno == EINTR { continue }
      guard wrote > 0 else {
        failure = wrote < 0 ? errno : ENOSPC
        break
      }
      done += wrote
    }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0 && failure == 0 { failure = errno }
    guard failure == 0 else {
      unlink(path)
      throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
    }
  }

  /// Makes the rename itself durable.
  private static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// Temporary files of updates that were killed; safe to remove under the lock.
  private static func removeStaleDownloads(in directory: String) {
    guard let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    let prefix = LibraryLocation.libraryFileName + downloadSuffix
    var stale: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(prefix) { stale.append(directory + "/" + name) }
    }
    for path in stale { unlink(path) }
  }

  /// `mkdir -p`.
  private static func makeDirectories(_ path: String) throws(LibraryError) {
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw .cannotWrite(path: path, reason: "it exists and is not a directory")
      }
      return
    }
    if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
      try makeDirectories(String(path[..<slash]))
    }
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
