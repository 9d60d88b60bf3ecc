import ArgumentParser

/// What `--dump` prints instead of starting the terminal UI.
enum DumpMode: String, ExpressibleByArgument, CaseIterable {
  case outline
  case text
  case links
  case json
  /// The full model tree, as the snapshot tests see it.
  case tree
}
