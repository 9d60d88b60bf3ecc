/// medterm-fetch: downloads one http(s) page for medterm, in a process of its own.
///
/// Why a separate program: libcurl and its TLS and compression libraries cost start-up time
/// in every binary that links them, fetch or no fetch; medterm links only the small
/// `Fetching` module and spawns this helper on the first fetch. This program must not know
/// about pages, terminals or the model: it moves bytes and reports what happened.
///
/// Why libcurl itself and not URLSession: swift-corelibs-foundation keeps a write source on
/// the socket armed while it waits for a reply, so a slow or silent server kept a core busy
/// for as long as it stayed silent. libcurl's own loop sleeps in poll(2). The URL is handed
/// over as it is, never re-encoded.
///
///     medterm-fetch URL OUTPUT_PATH [--timeout SECONDS] [--stall SECONDS] [--max-bytes N]
///                   [--max-redirects N]
///
/// Defaults: 20 s total (a reply that trickles past it is a timeout), no stall limit beyond
/// the total (`--stall N` gives up after N seconds in which nothing arrived), 8 MiB (8388608
/// bytes) of decoded body, 5 redirects. Every encoding libcurl decodes (gzip and deflate at
/// least) is accepted; the size cap counts decoded bytes, so a compressed bomb stops at the
/// cap. Only http and https URLs are fetched, and only http(s) redirects are followed.
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
///         stalled <seconds>                 nothing arrived for that long (`--stall`)
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
import Glibc

// A parent that went away must not kill us mid-write with SIGPIPE; writes then fail with
// EPIPE and the reporter exits.
signal(SIGPIPE, SIG_IGN)

let reporter = Reporter()

let options: FetchOptions
switch FetchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let outcome): reporter.exit(with: outcome)
}

if case .failure(let outcome) = FetchOptions.validatedURL(options.url) {
  reporter.exit(with: outcome)
}

let body: BodyFile
do {
  body = try BodyFile(path: options.outputPath)
} catch {
  reporter.exit(with: .failure(kind: .output, argument: error.message))
}

reporter.exit(with: Transfer(options: options, body: body, reporter: reporter).run())
