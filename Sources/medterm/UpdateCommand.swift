import CNcursesw
import LibraryUpdate
import MedlinePlus

#if canImport(Glibc)
  import Glibc
#endif

/// `medterm --update`: downloads the newest health-topics XML with a progress bar on stderr.
/// Ctrl-C, SIGTERM and SIGHUP cancel it cleanly; the previous library is never touched
/// until the new one has been verified.
enum UpdateCommand {
  static func run(environment: [String: String]) -> Int32 {
    // The handlers only record the signal; the updater asks between steps.
    medterm_unblock_terminal_signals()
    medterm_install_signal_handlers()
    let updater = LibraryUpdater(
      indexURL: environment["MEDTERM_XML_INDEX_URL"] ?? "https://medlineplus.gov/xml.html",
      environment: environment)
    let interactive = isatty(STDERR_FILENO) == 1
    var lastLine = ""
    func show(_ line: String, final: Bool = false) {
      guard line != lastLine || final else { return }
      lastLine = line
      let text = interactive ? "\r" + line + "\u{1B}[K" + (final ? "\n" : "") : line + "\n"
      writeError(text)
    }
    do {
      let result = try updater.run(
        progress: { event in
          switch event {
          case .fetchingIndex(let url):
            show("Looking for the newest file on \(SafeText.clean(url))…", final: true)
          case .found(let link):
            show("Newest: \(SafeText.clean(link.url)) (\(link.date))", final: true)
          case .downloading(let received, let expected):
            // Without a terminal, only the start and the end are worth a line each.
            if interactive || received == 0 || received == expected {
              show(LibraryUpdater.progressBar(received: received, expected: expected, width: 40))
            }
          case .verifying(let topics): show("Verifying \(topics) topics…", final: true)
          case .installing(let path): show("Installing \(SafeText.clean(path))…", final: true)
          }
        },
        isCancelled: { medterm_pending_signal() != 0 })
      let tenths = (result.bytes * 10 + 524_288) / 1_048_576
      print(
        "medterm: \(result.topics) topics (\(tenths / 10).\(tenths % 10) MB, generated "
          + "\(result.dateGenerated ?? "?")) installed in \(result.path)")
      return 0
    } catch {
      if interactive { writeError("\n") }
      writeError("medterm: --update: \(SafeText.clean(error.message, keepNewlines: false))\n")
      let signal = medterm_pending_signal()
      if signal != 0 { medterm_die_by_signal(Int32(signal)) }
      return 1
    }
  }

  private static func writeError(_ text: String) {
    var copy = text
    copy.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
