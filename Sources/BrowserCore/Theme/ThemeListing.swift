/// One line of `--list-themes`: a name `--theme` accepts and the file it would load.
public struct ThemeListing: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public var origin: ThemeOrigin

  public init(name: String, origin: ThemeOrigin) {
    self.name = name
    self.origin = origin
  }

  public var description: String { "\(name) (\(origin))" }
}
