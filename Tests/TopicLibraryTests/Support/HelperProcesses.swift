import Foundation
import Glibc

/// Finds running `medterm-fetch` helpers by their command line, to kill one in the middle
/// of a download as a crash or `kill -9` would.
enum HelperProcesses {
  /// The ids of `medterm-fetch` processes whose arguments include `url`.
  static func fetching(_ url: String) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { name -> pid_t? in
      guard let pid = pid_t(name),
        let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline")
      else { return nil }
      let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      guard arguments.first?.hasSuffix("medterm-fetch") == true, arguments.contains(url) else {
        return nil
      }
      return pid
    }
  }
}
