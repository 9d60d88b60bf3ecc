/// Numbers as people read them in the browser's texts.
public enum NumberText {
  /// Digits in groups of three: "1,234,567".
  public static func grouped(_ number: Int) -> String {
    var digits = String(number.magnitude)
    var output = ""
    while digits.count > 3 {
      output = "," + digits.suffix(3) + output
      digits.removeLast(3)
    }
    return (number < 0 ? "-" : "") + digits + output
  }
}
