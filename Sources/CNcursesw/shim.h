// ncursesw for Swift.
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here,
// before curses.h. Swift 6 cannot read C mutable globals or function-like macros, so each
// one the terminal layer needs gets a small inline accessor.
#ifndef MEDTERM_CNCURSESW_SHIM_H
#define MEDTERM_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

int wcwidth(wchar_t c);

static inline WINDOW *medterm_stdscr(void) { return stdscr; }
static inline int medterm_lines(void) { return LINES; }
static inline int medterm_cols(void) { return COLS; }
static inline int medterm_colors(void) { return COLORS; }
static inline int medterm_color_pairs(void) { return COLOR_PAIRS; }
static inline void medterm_set_escdelay(int ms) { set_escdelay(ms); }
static inline FILE *medterm_stdin(void) { return stdin; }
static inline FILE *medterm_stdout(void) { return stdout; }

static inline int medterm_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int medterm_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t medterm_a_normal(void) { return A_NORMAL; }
static inline attr_t medterm_a_bold(void) { return A_BOLD; }
static inline attr_t medterm_a_dim(void) { return A_DIM; }
static inline attr_t medterm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t medterm_a_reverse(void) { return A_REVERSE; }
static inline attr_t medterm_a_italic(void) { return A_ITALIC; }
static inline attr_t medterm_a_standout(void) { return A_STANDOUT; }
static inline attr_t medterm_a_blink(void) { return A_BLINK; }
static inline attr_t medterm_color_pair(short n) { return COLOR_PAIR(n); }

static inline int medterm_key_resize(void) { return KEY_RESIZE; }
static inline int medterm_key_mouse(void) { return KEY_MOUSE; }
static inline int medterm_key_f(int n) { return KEY_F(n); }
static inline int medterm_err(void) { return ERR; }
static inline int medterm_ok(void) { return OK; }
static inline int medterm_key_code_yes(void) { return KEY_CODE_YES; }

static inline mmask_t medterm_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t medterm_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t medterm_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
  return BUTTON5_PRESSED;
#else
  return 0;
#endif
}
static inline mmask_t medterm_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Fills a cchar_t with one grapheme (base + combining marks) in one call, so Swift need not
/// know the struct's layout.
static inline int medterm_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, short pair) {
  return setcchar(cell, text, attrs, pair, NULL);
}

/// Reads one cell back (tests of the painter): its characters, attributes and colour pair.
static inline int medterm_read_cell(WINDOW *window, int y, int x, wchar_t *text, int capacity,
                                    attr_t *attributes, short *pair) {
  cchar_t cell;
  if (mvwin_wch(window, y, x, &cell) == ERR) return ERR;
  wchar_t buffer[CCHARW_MAX + 1];
  if (getcchar(&cell, buffer, attributes, pair, NULL) == ERR) return ERR;
  int count = 0;
  while (count < capacity - 1 && count < CCHARW_MAX && buffer[count] != 0) {
    text[count] = buffer[count];
    count++;
  }
  text[count] = 0;
  return count;
}

/// A screen that paints to /dev/null, for tests that need ncurses without a terminal.
static inline SCREEN *medterm_headless_screen(const char *terminal_name) {
  FILE *output = fopen("/dev/null", "w");
  FILE *input = fopen("/dev/null", "r");
  if (output == NULL || input == NULL) return NULL;
  return newterm(terminal_name, output, input);
}

#include <signal.h>
#include <errno.h>
#include <pthread.h>

/// The last terminating signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) that arrived, or 0. A C
/// handler only records it: restoring the terminal is not async-signal-safe, so the main
/// loop sees get_wch() fail with EINTR, finds the signal here and restores the terminal.
static volatile sig_atomic_t medterm_pending_signal_value = 0;

static void medterm_record_signal(int number) { medterm_pending_signal_value = number; }

static inline int medterm_pending_signal(void) { return (int)medterm_pending_signal_value; }
static inline void medterm_clear_pending_signal(void) { medterm_pending_signal_value = 0; }

/// Unblocks the signals a terminal program must see. The process can start with them
/// blocked (seen here: the Swift runtime's startup leaves the main thread's mask full), and
/// then Ctrl-C, SIGTERM, SIGHUP, SIGWINCH and Ctrl-Z would never arrive.
static inline void medterm_unblock_terminal_signals(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGQUIT);
  sigaddset(&set, SIGWINCH);
  sigaddset(&set, SIGTSTP);
  sigaddset(&set, SIGCONT);
  sigaddset(&set, SIGTTIN);
  sigaddset(&set, SIGTTOU);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/// Installs the recording handler, without SA_RESTART so a blocked read returns at once.
static inline void medterm_install_signal_handlers(void) {
  struct sigaction action;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  action.sa_handler = medterm_record_signal;
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  sigaction(SIGQUIT, &action, NULL);
  signal(SIGPIPE, SIG_IGN);
}

/// Puts a signal back to its default action and raises it, so the exit status tells the
/// parent (a shell, sshd) that medterm was killed by it.
static inline void medterm_die_by_signal(int number) {
  signal(number, SIG_DFL);
  raise(number);
}

static inline int medterm_errno(void) { return errno; }
static inline int medterm_eintr(void) { return EINTR; }

#endif
