// Gives the terminal back when the browser dies of a fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
// SIGTRAP, SIGABRT: a Swift trap is one of these), before the Swift runtime prints its crash
// report, so the report lands on a usable screen instead of the alternate one.
#ifndef MEDTERM_CRASH_GUARD_H
#define MEDTERM_CRASH_GUARD_H

#include <stddef.h>
#include <termios.h>

/// Remembers the mode to put the terminal at `input` back in (read before curses changed
/// it), the bytes that undo the screen's state when written to `output` (leave the alternate
/// screen, keypad and mouse modes off, cursor visible; at most 512) and installs the fault
/// handlers, keeping the ones they replace. Returns 0, or -1 when already armed or when the
/// bytes are too long.
int medterm_crash_guard_arm(
    int input, const struct termios *mode, int output, const char *restore, size_t length);

/// Puts the replaced handlers back (the terminal is given back the ordinary way).
void medterm_crash_guard_disarm(void);

#endif
