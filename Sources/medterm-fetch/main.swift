/// medterm-fetch: downloads one http(s) page for medterm, in a process of its own.
///
/// Why a separate program: URLSession lives in FoundationNetworking, which pulls libcurl and
/// its whole library chain into a binary and costs 12–15 ms at every start even when nothing
/// is fetched (measured at start-up, not a guess). medterm links only the small `Fetching` module and spawns
/// this helper on the first fetch. This program must not know about pages, terminals or the
/// model: it moves bytes and reports what happened.
///
///     medterm-fetch URL OUTPUT_PATH [--timeout SECONDS] [--max-bytes N] [--max-redirects N]
///
/// Defaults: 20 s total (a reply that stalls past it is a timeout), 8 MiB (8388608 bytes) of
/// decoded body, 5 redirects. gzip and deflate bodies are decoded by URLSession (libcurl);
/// the size cap counts decoded bytes, so a compressed bomb stops at the cap. Only http and
/// https URLs are fetched, and only http(s) redirects are followed.
///
/// OUTPUT_PATH must already exist: the parent creates it (mode 0600) and this program opens
/// it `O_WRONLY | O_TRUNC | O_NOFOLLOW`, never creating a file. The body is written there;
/// after an error its content is meaningless.
///
/// ## Line protocol (standard output, UTF-8, one event per line, fields separated by one space)
///
///     progress <received> <expected>      bytes of body received so far; expected is the
///                                         Content-Length, or -1 when unknown or encoded.
///                                         At most about 10 lines a second.
///     done <status> <final-url> <content-type>
///                                         the last line on success. status is the HTTP status
///                                         (2xx or 3xx that was not followed); final-url is
///                                         the URL after redirects, percent-encoded (no
///                                         spaces); content-type is the rest of the line, the
///                                         header as sent (it may hold spaces), or `-`.
///     error <kind> <argument>             the last line on failure; the argument depends on
///                                         the kind and is the rest of the line:
///         invalid-url <url>                 the URL cannot be parsed
///         unsupported-scheme <scheme>       not http or https (also for a redirect)
///         host-not-found <host>             name resolution failed
///         connection-refused <host[:port]>  nothing listens there
///         timed-out <seconds>               no complete reply within the total timeout
///         http-status <code> <reason>       a 4xx or 5xx reply, e.g. `404 Not Found`
///         too-large <limit-bytes>           the body is (or announces it is) over the cap
///         too-many-redirects <limit>        more redirects than allowed
///         network <message>                 anything else on the way (TLS, reset, …)
///         usage <message>                   bad command line (exit status 64)
///         output <message>                  OUTPUT_PATH cannot be opened or written
///
/// Exactly one `done` or `error` line ends the output, then the process exits: status 0
/// after `done`, 1 after `error`, 64 after `error usage`. Every field is a single line with
/// control characters replaced, so a server cannot inject protocol lines or terminal escapes.
/// Nothing is written to standard error.
import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// A parent that went away must not kill us mid-write with SIGPIPE; writes then fail with
// EPIPE and the reporter exits.
signal(SIGPIPE, SIG_IGN)

let reporter = Reporter()

let options: FetchOptions
switch FetchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let outcome): reporter.exit(with: outcome)
}

let url: URL
switch FetchOptions.validatedURL(options.url) {
case .success(let parsed): url = parsed
case .failure(let outcome): reporter.exit(with: outcome)
}

let body: BodyFile
do {
  body = try BodyFile(path: options.outputPath)
} catch {
  reporter.exit(with: .failure(kind: .output, argument: error.message))
}

let delegate = FetchDelegate(options: options, body: body, reporter: reporter)
ScratchHome.enter()
let configuration = URLSessionConfiguration.ephemeral
configuration.urlCache = nil
configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
configuration.timeoutIntervalForRequest = TimeInterval(options.timeoutSeconds)
configuration.timeoutIntervalForResource = TimeInterval(options.timeoutSeconds)
configuration.httpAdditionalHeaders = [
  "User-Agent": "medterm-fetch/1",
  "Accept":
    "text/html, application/xhtml+xml, text/markdown, text/plain, application/xml;q=0.9, */*;q=0.5",
]
let queue = OperationQueue()
queue.maxConcurrentOperationCount = 1
let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
var request = URLRequest(url: url)
request.httpMethod = "GET"
request.timeoutInterval = TimeInterval(options.timeoutSeconds)
session.dataTask(with: request).resume()
ScratchHome.leave()

// The total timeout is ours, not URLSession's: its request timeout restarts with every byte,
// so a server that trickles would never time out.
let outcome =
  reporter.waitForOutcome(seconds: options.timeoutSeconds)
  ?? .failure(kind: .timedOut, argument: String(options.timeoutSeconds))
reporter.exit(with: outcome)
