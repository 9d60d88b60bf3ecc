extension LibraryUpdater {
  /// A one-line progress bar of exactly `width` ASCII characters (fewer only when `width` is
  /// tiny), for stderr with a carriage return before each redraw:
  ///
  ///     [##############..............]  48%  14.2 of 29.6 MB
  ///     [        <=>                 ]  3.1 MB
  ///
  /// Without an expected size the marker moves with the bytes received. Sizes are in
  /// megabytes of 1,048,576 bytes. ASCII only, so it draws in any locale and terminal.
  public static func progressBar(received: Int, expected: Int?, width: Int) -> String {
    guard width > 0 else { return "" }
    let received = max(received, 0)
    let suffix: String
    var fraction: (done: Int, total: Int)?
    if let expected, expected > 0 {
      let shown = min(received, expected)
      let percent = shown * 100 / expected
      suffix =
        "  " + leftPadded(String(percent), 3) + "%  " + megabytes(shown) + " of "
        + megabytes(expected) + " MB"
      fraction = (shown, expected)
    } else {
      suffix = "  " + megabytes(received) + " MB"
    }
    let barWidth = width - suffix.count - 2
    guard barWidth >= 5 else { return String(suffix.dropFirst(2).prefix(width)) }
    var bar: [Character]
    if let fraction {
      let filled = fraction.done * barWidth / fraction.total
      bar = Array(repeating: "#", count: filled) + Array(repeating: ".", count: barWidth - filled)
    } else {
      bar = Array(repeating: " ", count: barWidth)
      let marker: [Character] = ["<", "=", ">"]
      let span = barWidth - marker.count + 1
      let step = (received / (256 * 1024)) % (2 * span)
      let start = step < span ? step : 2 * span - step - 1
      for (offset, character) in marker.enumerated() where start + offset < barWidth {
        bar[start + offset] = character
      }
    }
    let line = "[" + String(bar) + "]" + suffix
    return line + String(repeating: " ", count: max(0, width - line.count))
  }

  /// `bytes` in megabytes with one decimal, rounded down ("14.2").
  private static func megabytes(_ bytes: Int) -> String {
    let tenths = bytes * 10 / 1_048_576
    return "\(tenths / 10).\(tenths % 10)"
  }

  private static func leftPadded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
