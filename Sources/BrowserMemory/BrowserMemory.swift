/// BrowserMemory: medterm's state on disk. The pages visited, the reading positions and the
/// lines typed at prompts under `$XDG_STATE_HOME/medterm`, the bookmarks (a plain text file
/// a person can edit) under `$XDG_DATA_HOME/medterm`.
///
/// Every file is private (directories 0700, files 0600), written whole to a new file and
/// renamed over the old one (never through a symbolic link someone planted), capped, and
/// changed under a lock by reading it again first, so that two medterm instances at once
/// never lose each other's entries. A file that cannot be used (a symbolic link, a
/// directory, binary data, too large) is set aside with one warning and medterm starts it
/// afresh; it never crashes on one. Knows nothing of terminals.
enum BrowserMemoryModule {}
