import MedlinePlus

/// Why medterm stops before (or instead of) browsing: a sentence for stderr and the exit
/// status. Helpers throw it; `MedtermCommand.run` alone turns it into output and a status.
struct MedtermFailure: Error {
  let message: String
  let status: Int32

  init(_ message: String, status: Int32 = 1) {
    self.message = message
    self.status = status
  }

  /// The line medterm prints: `medterm: FILE:LINE: what is wrong`, cleaned of controls.
  var line: String {
    "medterm: " + SafeText.clean(message, keepNewlines: false) + "\n"
  }
}
