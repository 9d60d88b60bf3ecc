/// Key → command for every kind of view: the command table, changed by the config file's
/// `bind` and `unbind` lines. The one place a key becomes a command.
public struct Keymap: Sendable, Equatable {
  /// A key bound in one kind of view, or everywhere (`view` nil).
  struct Slot: Hashable, Sendable {
    var view: ViewKind?
    var key: Key
  }

  /// Key classes bound in a kind of view, in the order they are tried.
  private var classes: [ViewKind: [(keyClass: KeyClass, command: Command)]]
  private var keys: [Slot: Command]
  /// The order keys were bound in, so help lists them as the table does.
  private var order: [Slot]
  /// The keys of each command in each view, in that order: the status line asks on every
  /// paint, so this is kept rather than searched for.
  private var keysOfCommand: [CommandSlot: [Key]] = [:]

  /// Counts the changes made to this key map, so that what is worked out from it (the
  /// status-line hints) can tell cheaply whether to work it out again.
  public private(set) var revision = 0

  private struct CommandSlot: Hashable, Sendable {
    var view: ViewKind?
    var command: Command
  }

  /// The command table as it is.
  public static let standard = Keymap(CommandTable.bindings)

  init(_ bindings: [CommandBinding]) {
    classes = [:]
    keys = [:]
    order = []
    for binding in bindings {
      let views: [ViewKind?] = binding.isGlobal ? [nil] : binding.views
      for view in views {
        for key in binding.keys { bind(key, to: binding.command, in: view) }
        if let keyClass = binding.keyClass, let view {
          classes[view, default: []].append((keyClass, binding.command))
        }
      }
    }
  }

  /// The command a key runs in a kind of view: the view's own key, then its key classes,
  /// then the keys that work everywhere.
  public func command(for key: Key, in view: ViewKind) -> Command? {
    if let command = keys[Slot(view: view, key: key)] { return command }
    for entry in classes[view] ?? [] where entry.keyClass != .other && entry.keyClass.contains(key)
    {
      return entry.command
    }
    if let command = keys[Slot(view: nil, key: key)] { return command }
    return classes[view]?.first { $0.keyClass == .other && $0.keyClass.contains(key) }?.command
  }

  /// Binds a key in a kind of view (nil: everywhere), replacing what it did there.
  public mutating func bind(_ key: Key, to command: Command, in view: ViewKind?) {
    let slot = Slot(view: view, key: key)
    if let old = keys[slot] {
      keysOfCommand[CommandSlot(view: view, command: old)]?.removeAll { $0 == key }
    } else {
      order.append(slot)
    }
    keys[slot] = command
    keysOfCommand[CommandSlot(view: view, command: command), default: []].append(key)
    revision += 1
  }

  /// Unbinds a key in a kind of view (nil: the keys that work everywhere). True when it was
  /// bound there.
  @discardableResult
  public mutating func unbind(_ key: Key, in view: ViewKind?) -> Bool {
    let slot = Slot(view: view, key: key)
    guard let command = keys.removeValue(forKey: slot) else { return false }
    order.removeAll { $0 == slot }
    keysOfCommand[CommandSlot(view: view, command: command)]?.removeAll { $0 == key }
    revision += 1
    return true
  }

  /// Unbinds every key of every view (key classes stay: a prompt still types).
  public mutating func unbindAll() {
    keys = [:]
    order = []
    keysOfCommand = [:]
    revision += 1
  }

  /// Unbinds a key everywhere and in every view. True when it was bound anywhere.
  @discardableResult
  public mutating func unbindEverywhere(_ key: Key) -> Bool {
    var found = unbind(key, in: nil)
    for view in ViewKind.allCases where unbind(key, in: view) { found = true }
    return found
  }

  /// The keys that run a command in a kind of view (its own ones; nil view: the global
  /// ones), in the order they were bound.
  public func keys(for command: Command, in view: ViewKind?) -> [Key] {
    keysOfCommand[CommandSlot(view: view, command: command)] ?? []
  }

  /// The keys that run a command in a view, whether its own or global, in the order the
  /// lookup tries them; a global key the view binds to something else is left out.
  public func effectiveKeys(for command: Command, in view: ViewKind) -> [Key] {
    let own = keys(for: command, in: view)
    let global = keys(for: command, in: nil).filter { self.command(for: $0, in: view) == command }
    return own + global.filter { !own.contains($0) }
  }

  /// The key classes a kind of view binds to a command.
  public func keyClass(for command: Command, in view: ViewKind) -> KeyClass? {
    classes[view]?.first { $0.command == command }?.keyClass
  }

  /// Every key binding: for `--dump-config`, one `(view, key, command)` per line.
  public var allBindings: [(view: ViewKind?, key: Key, command: Command)] {
    order.compactMap { slot in keys[slot].map { (slot.view, slot.key, $0) } }
  }

  /// The same keys run the same commands (the order help lists them in aside).
  public static func == (lhs: Keymap, rhs: Keymap) -> Bool {
    lhs.keys == rhs.keys
      && ViewKind.allCases.allSatisfy { view in
        (lhs.classes[view] ?? []).map(\.keyClass) == (rhs.classes[view] ?? []).map(\.keyClass)
          && (lhs.classes[view] ?? []).map(\.command) == (rhs.classes[view] ?? []).map(\.command)
      }
  }
}
