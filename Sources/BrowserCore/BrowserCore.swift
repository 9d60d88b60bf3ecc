/// BrowserCore: everything the browser does that is not ncurses.
///
/// Browser state and the commands that change it, the key map, text width and wrapping,
/// the layout of a page into styled lines, the sidebar, the virtual screen (`ScreenBuffer`)
/// that a terminal paints, themes, and the session loop that ties them together.
///
/// It must not know about ncurses, file descriptors or the real terminal: a `Terminal`
/// protocol stands between, so the whole browser runs in tests with a scripted terminal.
public enum BrowserCore {}
