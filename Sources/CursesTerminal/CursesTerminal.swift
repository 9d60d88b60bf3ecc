/// CursesTerminal placeholder.
