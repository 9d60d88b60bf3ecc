/// The command table: every key of every view, with the views it applies to. The single
/// source of the key map (`Keymap.standard`), the help screen, the status-line hints, the
/// config file's defaults (`--dump-config`) and the README's key tables; tests keep them in
/// step.
///
/// A view looks a key up in its own rows first, then in its key classes (so that a prompt
/// types `q` instead of closing), then in the rows that work everywhere, as tig's view
/// keymaps fall back to its generic one.
public enum CommandTable {
  private static let reading: [ViewKind] = [.page, .text]
  private static let lists: [ViewKind] = [.history, .bookmarks, .messages]
  private static let editing: [ViewKind] = [.prompt, .index]

  public static let bindings: [CommandBinding] = [
    // Reading a page or a text.
    CommandBinding(
      .lineDown, [.down, .character("j"), .control("e")], in: reading,
      "next sidebar entry, or scroll down a line", group: "Move"),
    CommandBinding(
      .lineUp, [.up, .character("k"), .control("y")], in: reading,
      "previous sidebar entry, or scroll up a line", group: "Move"),
    CommandBinding(
      .pageDown, [.pageDown, .character(" "), .character("f"), .control("f")], in: reading,
      "page down", group: "Move"),
    CommandBinding(
      .pageUp, [.pageUp, .character("b"), .control("b")], in: reading, "page up", group: "Move"),
    CommandBinding(
      .halfPageDown, [.control("d"), .character("d")], in: reading, "half a page down",
      group: "Move"),
    CommandBinding(
      .halfPageUp, [.control("u"), .character("u")], in: reading, "half a page up", group: "Move"),
    CommandBinding(
      .top, [.home, .character("<")], in: reading, "top of the page (also g g)", group: "Move"),
    CommandBinding(
      .bottom, [.end, .character("G"), .character(">")], in: reading, "bottom of the page",
      group: "Move"),
    CommandBinding(
      .goToPercent, [.character("%"), .character("p")], in: reading,
      "go to a percentage of the page", group: "Move"),
    CommandBinding(
      .scrollRight, [.character(")")], in: reading,
      "wide preformatted lines: show more of their right (as less -S does)", group: "Move"),
    CommandBinding(
      .scrollLeft, [.character("(")], in: reading, "wide preformatted lines: back to the left",
      group: "Move"),
    CommandBinding(
      .setMark, [.character("m")], in: reading, "mark this place with a letter", group: "Move"),
    CommandBinding(
      .goToMark, [.character("'")], in: reading,
      "back to a marked place (' again: where the last jump started)", group: "Move"),
    CommandBinding(.nextSection, [.character("]")], in: reading, "next section", group: "Sections"),
    CommandBinding(
      .previousSection, [.character("[")], in: reading, "previous section", group: "Sections"),
    CommandBinding(
      .toggleFocus, [.tab, .backTab], in: [.page], "switch between sidebar and content",
      group: "Sections"),
    CommandBinding(
      .activate, [.enter], in: [.page], "go to the selected section, or open the selected link",
      group: "Sections"),
    CommandBinding(
      .toggleSidebar, [.character("s")], in: [.page], "show or hide the sidebar",
      group: "Sections"),
    CommandBinding(
      .searchForward, [.character("/")], in: reading, "search forward", group: "Search"),
    CommandBinding(
      .searchBackward, [.character("\\")], in: reading, "search backward", group: "Search"),
    CommandBinding(.nextMatch, [.character("n")], in: reading, "next match", group: "Search"),
    CommandBinding(
      .previousMatch, [.character("N")], in: reading, "previous match", group: "Search"),

    // Links of a page.
    CommandBinding(
      .linkNumber, [], keyClass: .digit, in: [.page],
      "type a link's number, then Enter, to follow it (as in lynx)", group: "Links"),
    CommandBinding(
      .nextLink, [.character("}")], in: [.page], "select the next link", group: "Links"),
    CommandBinding(
      .previousLink, [.character("{")], in: [.page], "select the previous link", group: "Links"),
    CommandBinding(
      .openLink, [.character("o")], in: [.page],
      "open the selected link (a topic here, anything else as set open says: the pager)",
      group: "Links"),
    CommandBinding(
      .openHere, [.character("O")], in: [.page],
      "open the selected link inside medterm, as a page", group: "Links"),
    CommandBinding(
      .openInPager, [.character("|")], in: [.page], "open the selected link in the pager",
      group: "Links"),
    CommandBinding(
      .linkInfo, [.character("=")], in: [.page],
      "everything known about the selected link (or the page)", group: "Links"),
    CommandBinding(
      .listLinks, [.character("L")], in: [.page], "all links of the page, in the pager",
      group: "Links"),
    CommandBinding(
      .copyLink, [.character("y")], in: [.page], "copy the selected link's address (OSC 52)",
      group: "Links"),
    CommandBinding(
      .addBookmark, [.character("a")], in: [.page, .history],
      "bookmark this page, or the selected link", group: "Links"),
    CommandBinding(
      .otherLanguage, [.character("t")], in: [.page],
      "the other language: the selected link's Spanish version, else this topic's twin",
      group: "Links"),
    CommandBinding(
      .toggleFullPage, [.character("R")], in: [.page],
      "the whole page, menus and all, or back to the article (reader view)", group: "Links"),
    CommandBinding(
      .save, [.character("S")], in: [.page],
      "save the page or this section as text, Markdown or JSON", group: "Links"),

    // The topic index.
    CommandBinding(
      .insert, [], keyClass: .printable, in: [.index],
      "type into the query: the list narrows at once", group: "Topic index"),
    CommandBinding(
      .lineDown, [.down, .control("n")], in: [.index], "next topic", group: "Topic index"),
    CommandBinding(
      .lineUp, [.up, .control("p")], in: [.index], "previous topic", group: "Topic index"),
    CommandBinding(
      .pageDown, [.pageDown], in: [.index], "a screen of topics down", group: "Topic index"),
    CommandBinding(.pageUp, [.pageUp], in: [.index], "a screen of topics up", group: "Topic index"),
    CommandBinding(
      .activate, [.enter], in: [.index], "open the selected topic", group: "Topic index"),
    CommandBinding(
      .cycleLanguage, [.tab, .backTab], in: [.index], "English, Spanish or both",
      group: "Topic index"),
    CommandBinding(
      .searchMedlinePlus, [.control("t")], in: [.index],
      "ask the MedlinePlus search service for the words typed", group: "Topic index"),
    CommandBinding(
      .close, [.character("q")], in: [.index],
      "quit while the query is empty (else q is typed)", group: "Topic index"),
    CommandBinding(
      .cancel, [.escape], in: [.index], "clear the query; on an empty one, close",
      group: "Topic index"),

    // Prompts.
    CommandBinding(
      .insert, [], keyClass: .printable, in: [.prompt], "type", group: "Prompts"),
    CommandBinding(
      .submit, [.enter], in: [.prompt], "go (search, open, save)", group: "Prompts"),
    CommandBinding(
      .cancel, [.escape, .control("g")], in: [.prompt], "cancel", group: "Prompts"),
    CommandBinding(
      .historyPrevious, [.up, .control("p")], in: [.prompt],
      "an earlier line of this prompt (kept across runs)", group: "Prompts"),
    CommandBinding(
      .historyNext, [.down, .control("n")], in: [.prompt], "a later line of this prompt",
      group: "Prompts"),
    CommandBinding(
      .complete, [.tab], in: [.prompt], "complete from history and bookmarks (go to)",
      group: "Prompts"),

    // The line editor, in prompts and the index's query.
    CommandBinding(
      .cursorLeft, [.left, .control("b")], in: editing, "cursor left", group: "Editing"),
    CommandBinding(
      .cursorRight, [.right, .control("f")], in: editing, "cursor right", group: "Editing"),
    CommandBinding(
      .lineStart, [.home, .control("a")], in: editing, "start of the line", group: "Editing"),
    CommandBinding(
      .lineEnd, [.end, .control("e")], in: editing, "end of the line", group: "Editing"),
    CommandBinding(
      .deleteBackward, [.backspace, .control("h")], in: editing, "delete before the cursor",
      group: "Editing"),
    CommandBinding(
      .deleteForward, [.delete, .control("d")], in: editing, "delete under the cursor",
      group: "Editing"),
    CommandBinding(
      .deleteWord, [.control("w")], in: editing, "delete the word before the cursor",
      group: "Editing"),
    CommandBinding(
      .deleteToStart, [.control("u")], in: editing, "delete to the start of the line",
      group: "Editing"),
    CommandBinding(
      .deleteToEnd, [.control("k")], in: editing, "delete to the end of the line",
      group: "Editing"),

    // Lists: history, bookmarks, messages.
    CommandBinding(.lineDown, [.down, .character("j")], in: lists, "next entry", group: "Lists"),
    CommandBinding(.lineUp, [.up, .character("k")], in: lists, "previous entry", group: "Lists"),
    CommandBinding(
      .pageDown, [.pageDown, .character(" ")], in: lists, "a screen down", group: "Lists"),
    CommandBinding(.pageUp, [.pageUp, .character("b")], in: lists, "a screen up", group: "Lists"),
    CommandBinding(.top, [.home, .character("<")], in: lists, "first entry", group: "Lists"),
    CommandBinding(
      .bottom, [.end, .character("G"), .character(">")], in: lists, "last entry", group: "Lists"),
    CommandBinding(
      .activate, [.enter], in: [.history, .bookmarks], "open the selected page", group: "Lists"),
    CommandBinding(
      .deleteEntry, [.character("d"), .delete], in: [.history, .bookmarks],
      "delete the selected entry", group: "Lists"),
    CommandBinding(
      .renameEntry, [.character("r")], in: [.bookmarks], "rename the selected bookmark",
      group: "Lists"),

    // Help.
    CommandBinding(.lineDown, [.down, .character("j")], in: [.help], "scroll down", group: "Help"),
    CommandBinding(.lineUp, [.up, .character("k")], in: [.help], "scroll up", group: "Help"),
    CommandBinding(
      .pageDown, [.pageDown, .character(" ")], in: [.help], "a screen down", group: "Help"),
    CommandBinding(.pageUp, [.pageUp, .character("b")], in: [.help], "a screen up", group: "Help"),
    CommandBinding(.top, [.home, .character("g")], in: [.help], "top", group: "Help"),
    CommandBinding(.bottom, [.end, .character("G")], in: [.help], "bottom", group: "Help"),
    CommandBinding(
      .close, [], keyClass: .other, in: [.help], "close the help", group: "Help"),

    // A load under way.
    CommandBinding(
      .cancel, [.escape, .character("q"), .control("g")], in: [.loading], "stop loading",
      group: "Loading"),

    // Everywhere.
    CommandBinding(
      .goTo, [.character("g")], "go to an address or a file (g g: top of the page)",
      group: "Everywhere"),
    CommandBinding(
      .searchMedlinePlus, [.character("F")],
      "find topics on MedlinePlus (its search service)", group: "Everywhere"),
    CommandBinding(
      .back, [.left, .backspace], "back: the previous page or view", group: "Everywhere"),
    CommandBinding(.forward, [.right], "forward again", group: "Everywhere"),
    CommandBinding(
      .history, [.character("V")], "the pages visited, newest first", group: "Everywhere"),
    CommandBinding(.bookmarks, [.character("v")], "the bookmarks", group: "Everywhere"),
    CommandBinding(
      .messages, [.character("M")], "messages: warnings from the theme, config and state files",
      group: "Everywhere"),
    CommandBinding(
      .help, [.character("?"), .function(1)], "the keys of this view, then these",
      group: "Everywhere"),
    CommandBinding(.redraw, [.control("l")], "repaint the screen", group: "Everywhere"),
    CommandBinding(
      .cancel, [.escape], "clear the search, or close this view", group: "Everywhere"),
    CommandBinding(
      .close, [.character("q")], "close this view; quit from the last one", group: "Everywhere"),
    CommandBinding(.quit, [.character("Q")], "quit medterm at once", group: "Everywhere"),
  ]

  /// The rows of one kind of view, in table order (not the global ones).
  public static func bindings(for kind: ViewKind) -> [CommandBinding] {
    bindings.filter { $0.applies(to: kind) }
  }

  /// The rows that work in every view.
  public static var globalBindings: [CommandBinding] {
    bindings.filter(\.isGlobal)
  }

  /// The row of a command in a view: its own, else the global one.
  public static func binding(for command: Command, in kind: ViewKind) -> CommandBinding? {
    bindings.first { $0.command == command && $0.applies(to: kind) }
      ?? bindings.first { $0.command == command && $0.isGlobal }
  }

  /// The groups in the order the help screen shows them.
  public static var groups: [String] {
    var seen: [String] = []
    for binding in bindings where !seen.contains(binding.group) { seen.append(binding.group) }
    return seen
  }
}
