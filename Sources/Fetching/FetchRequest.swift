/// What to fetch and the limits that keep a hostile or broken server from hanging medterm or
/// filling its memory. The limits are enforced by the helper and checked again here.
public struct FetchRequest: Equatable, Sendable {
  /// An http or https address; anything else is refused before a process is spawned.
  public var url: String
  /// The whole fetch, redirects and body included, must end within this many seconds: a
  /// server that sends headers and then stalls must not keep a spinner going forever.
  public var timeoutSeconds: Int = 20
  /// The fetch gives up when nothing at all arrives for this many seconds; nil leaves only
  /// the total timeout. A long download (the topic library) needs both: an hour in all, but
  /// not an hour of silence.
  public var stallSeconds: Int?
  /// The most decoded body bytes accepted; a larger page is an error, and downloading stops.
  public var maximumBytes: Int = 8 << 20
  /// The most redirects followed; one more is an error (a loop must end).
  public var maximumRedirects: Int = 5

  public init(
    url: String, timeoutSeconds: Int = 20, stallSeconds: Int? = nil,
    maximumBytes: Int = 8 << 20, maximumRedirects: Int = 5
  ) {
    self.url = url
    self.timeoutSeconds = timeoutSeconds
    self.stallSeconds = stallSeconds
    self.maximumBytes = maximumBytes
    self.maximumRedirects = maximumRedirects
  }
}
