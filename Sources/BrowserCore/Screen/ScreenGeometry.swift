/// Where things go on a screen of a given size: header, sidebar, content, status line.
///
/// At 60 columns and more the sidebar is docked on the left, as wide as its longest entry
/// within 18–32 cells and at most a third of the screen. Below that it folds away and opens
/// as a full-screen overlay. The content text is never
/// wider than `maximumTextWidth`, so lines stay readable on a 300-column terminal.
public struct ScreenGeometry: Hashable, Sendable {
  public enum SidebarPlacement: Hashable, Sendable {
    case docked
    case hidden
    /// Narrow screen: the sidebar is drawn over the content when open.
    case overlay
  }

  public static let minimumWidth = 20
  public static let minimumHeight = 5
  public static let dockingWidth = 60
  public static let maximumTextWidth = 110

  public let width: Int
  public let height: Int
  public let placement: SidebarPlacement
  public let sidebarWidth: Int
  public let contentX: Int
  public let contentWidth: Int

  /// - Parameter fixedSidebarWidth: the width `set sidebar-width` asks for (at most half the
  ///   screen), instead of one that fits the page's menu.
  public init(
    width: Int, height: Int, sidebarWanted: Bool, preferredSidebarWidth: Int = 32,
    fixedSidebarWidth: Int? = nil
  ) {
    self.width = max(0, width)
    self.height = max(0, height)
    if width >= Self.dockingWidth {
      placement = sidebarWanted ? .docked : .hidden
    } else {
      placement = .overlay
    }
    switch placement {
    case .docked:
      // Up to about a third of the screen (35%, so that an 80-column terminal holds the
      // usual MedlinePlus entries whole), within 18–32 cells.
      sidebarWidth =
        fixedSidebarWidth.map { min(width / 2, $0) }
        ?? min(width * 7 / 20, min(32, max(18, preferredSidebarWidth)))
      contentX = sidebarWidth + 2
    case .hidden:
      sidebarWidth = 0
      contentX = 1
    case .overlay:
      sidebarWidth = max(1, width)
      contentX = 1
    }
    contentWidth = max(1, min(Self.maximumTextWidth, width - contentX - 1))
  }

  /// Too small to show anything useful: the screen says so instead.
  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  /// Rows between the header and the status line.
  public var bodyHeight: Int { max(1, height - 2) }

  /// The first row of the body.
  public var bodyTop: Int { 1 }

  /// Rows the sidebar list can use (below its "On this page" label).
  public var sidebarListHeight: Int { max(1, bodyHeight - 1) }
}
