import Foundation

/// A private, short-lived home for what Foundation writes on its own.
///
/// swift-corelibs-foundation creates directories when URLSession's classes first load, even
/// for an ephemeral session with no cache and no cookies: `$XDG_CACHE_HOME/org.swift
/// .foundation.URLCache/medterm-fetch` and `$XDG_DATA_HOME/<build folder>`. A fetch must
/// leave nothing in the user's directories, so those two variables point into a 0700
/// temporary directory while the session is made, and the directory is removed as soon as
/// the session exists (nothing is written there later: no cache, no cookie store).
enum ScratchHome {
  // Set and cleared on the main thread only, before and after the session runs.
  nonisolated(unsafe) private static var path: String?

  /// Points Foundation's cache and data directories into a new private directory.
  static func enter() {
    let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    let template = temporary + "/medterm-fetch.XXXXXX"
    var bytes = Array(template.utf8CString)
    guard let made = mkdtemp(&bytes) else { return }
    let directory = String(cString: made)
    path = directory
    setenv("XDG_CACHE_HOME", directory + "/cache", 1)
    setenv("XDG_DATA_HOME", directory + "/data", 1)
    atexit { ScratchHome.leave() }
  }

  /// Removes the directory and all Foundation put in it.
  static func leave() {
    guard let directory = path else { return }
    path = nil
    try? FileManager.default.removeItem(atPath: directory)
  }
}
