/// What the browser needs from its surroundings: loading an address, finding a file typed
/// at Go to, saving a page. The
/// `medterm` executable implements it with the fetch helper process and the file system;
/// tests implement it with canned answers.
public protocol BrowserHost: AnyObject {
  /// Starts loading an address (already checked to be http, https or file).
  func load(_ url: String) -> Result<any LoadTask, LoadFailure>
  /// The `file:` address of a path typed at Go to (`~` is the home directory, a relative
  /// path starts in the current one), or nil when there is no such file.
  func fileAddress(forTyped path: String) -> String?
  /// Writes a file the reader asked to save (`S`); never replaces one unless `overwrite`.
  /// The result is the file's full path.
  func save(_ text: String, to path: String, overwrite: Bool) -> Result<String, SaveFailure>
  /// Keeps a service's answer for its address, to show again without the network.
  func keepAnswer(_ bytes: [UInt8], for url: String)
  /// The answer kept for an address, and its age in seconds.
  func keptAnswer(for url: String) -> (bytes: [UInt8], age: Int)?
}

extension BrowserHost {
  public func fileAddress(forTyped path: String) -> String? { nil }

  public func keepAnswer(_ bytes: [UInt8], for url: String) {}

  public func keptAnswer(for url: String) -> (bytes: [UInt8], age: Int)? { nil }

  public func save(_ text: String, to path: String, overwrite: Bool) -> Result<String, SaveFailure>
  {
    .failure(.cannotWrite("this medterm cannot save files"))
  }
}

/// Why a save did not happen.
public enum SaveFailure: Error, Equatable, Sendable {
  /// There is a file there already (ask before replacing it).
  case exists(String)
  case cannotWrite(String)
}

/// A load under way.
public protocol LoadTask: AnyObject {
  /// Progress so far, or the result; waits at most `timeoutMilliseconds` for news.
  func poll(timeoutMilliseconds: Int) -> LoadStatus
  /// Stops the load; the next poll reports the cancellation.
  func cancel()
}

public enum LoadStatus: Sendable {
  case inProgress(received: Int, expected: Int?)
  case finished(Result<LoadedResource, LoadFailure>)
}

/// What a load brought back.
public struct LoadedResource: Sendable {
  /// The address after redirects.
  public var url: String
  /// The `Content-Type`, with its charset.
  public var contentType: String?
  public var bytes: [UInt8]

  public init(url: String, contentType: String?, bytes: [UInt8]) {
    self.url = url
    self.contentType = contentType
    self.bytes = bytes
  }
}

/// Why a load failed, as a sentence for the status line or a link card.
public struct LoadFailure: Error, Sendable, Equatable {
  public var message: String
  /// True when the user cancelled (no card is shown for that).
  public var cancelled: Bool

  public init(_ message: String, cancelled: Bool = false) {
    self.message = message
    self.cancelled = cancelled
  }
}
