#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A time as a list shows it, in local time: "14:03" today, "yesterday 09:12", a weekday
/// within the week, then the date ("2026-11-03 18:40").
public enum WhenText {
  public static func describe(_ time: Int, now: Int) -> String {
    let then = local(time)
    let today = local(now)
    let clock = two(then.hour) + ":" + two(then.minute)
    let days = today.dayNumber - then.dayNumber
    if days == 0 { return "today " + clock }
    if days == 1 { return "yesterday " + clock }
    if days > 1 && days < 7 {
      let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
      return names[then.weekday % 7] + " " + clock
    }
    return "\(then.year)-\(two(then.month))-\(two(then.day)) " + clock
  }

  /// Seconds since 1970 now.
  /// "2 minutes", "3 hours", "5 days": an age as people say it.
  public static func age(seconds: Int) -> String {
    func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
    switch seconds {
    case ..<60: return "less than a minute"
    case ..<3600: return unit(seconds / 60, "minute")
    case ..<86_400: return unit(seconds / 3600, "hour")
    default: return unit(seconds / 86_400, "day")
    }
  }

  public static func now() -> Int {
    Int(time(nil))
  }

  private struct Local {
    var year, month, day, hour, minute, weekday: Int
    /// Days since 1970 in local time, to count calendar days between two times.
    var dayNumber: Int
  }

  private static func local(_ seconds: Int) -> Local {
    var value = time_t(seconds)
    var parts = tm()
    localtime_r(&value, &parts)
    let offset = Int(parts.tm_gmtoff)
    return Local(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), weekday: Int(parts.tm_wday),
      dayNumber: Int(((seconds + offset) - ((seconds + offset) % 86400 + 86400) % 86400) / 86400))
  }

  private static func two(_ number: Int) -> String {
    number < 10 ? "0\(number)" : "\(number)"
  }
}
