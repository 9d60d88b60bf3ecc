/// One row of the command table: the keys that run a command, the kinds of view where they
/// do, and what it does.
public struct CommandBinding: Sendable {
  public let command: Command
  public let keys: [Key]
  /// A whole class of keys (text typed into a prompt, the digits of a link number).
  public let keyClass: KeyClass?
  /// The views the binding applies to; empty for a key that works everywhere.
  public let views: [ViewKind]
  public let summary: String
  /// The help screen's heading for the row.
  public let group: String

  public init(
    _ command: Command, _ keys: [Key], keyClass: KeyClass? = nil, in views: [ViewKind] = [],
    _ summary: String, group: String
  ) {
    self.command = command
    self.keys = keys
    self.keyClass = keyClass
    self.views = views
    self.summary = summary
    self.group = group
  }

  /// True for a key that works in every view.
  public var isGlobal: Bool { views.isEmpty }

  /// True when the row applies to a kind of view (its own, not through being global).
  public func applies(to kind: ViewKind) -> Bool {
    views.contains(kind)
  }

  /// The keys as the help screen and README show them ("↓ j").
  public var keyLabels: String {
    Self.labels(keys: keys, keyClass: keyClass, ascii: false)
  }

  /// Keys and a class as one label: "↓ j", "1-9…", "text".
  public static func labels(keys: [Key], keyClass: KeyClass?, ascii: Bool) -> String {
    var labels = keys.map { ascii ? $0.name : $0.label }
    if let keyClass { labels.append(keyClass.label(ascii: ascii)) }
    return labels.joined(separator: " ")
  }
}

extension Key {
  /// A short label for help and README tables.
  public var label: String {
    switch self {
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .control(let character): "Ctrl-" + character.uppercased()
    default: name
    }
  }
}
