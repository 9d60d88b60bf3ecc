#include "crash_guard.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Everything the handler uses is set before it is installed and only read afterwards, and it
// calls only async-signal-safe functions (write, tcsetattr, open, dup2, sigaction,
// sigprocmask, signal, raise).
static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
enum { guarded_count = sizeof(guarded_signals) / sizeof(guarded_signals[0]) };
static struct sigaction replaced[guarded_count];
static struct termios saved_mode;
static char restore_bytes[512];
static size_t restore_length;
static int terminal_input = -1;
static int terminal_output = -1;
static volatile sig_atomic_t armed = 0;

static void give_back_terminal(void) {
  size_t offset = 0;
  while (offset < restore_length) {
    ssize_t written = write(terminal_output, restore_bytes + offset, restore_length - offset);
    if (written <= 0) break;
    offset += (size_t)written;
  }
  tcsetattr(terminal_input, TCSANOW, &saved_mode);
  // The runtime's crash report asks on the terminal whether to debug when standard input is
  // one; the reader is better served by the report alone and their shell back.
  int nothing = open("/dev/null", O_RDONLY);
  if (nothing >= 0 && nothing != STDIN_FILENO) {
    dup2(nothing, STDIN_FILENO);
    close(nothing);
  }
}

static void on_fault(int number, siginfo_t *info, void *context) {
  (void)context;
  int index = 0;
  while (index < guarded_count && guarded_signals[index] != number) index++;
  if (armed) {
    armed = 0;
    give_back_terminal();
  }
  // The handler that was there before (the runtime's report, or the default) takes over.
  if (index < guarded_count) sigaction(number, &replaced[index], NULL);
  // A real fault happens again when this handler returns and so reaches that handler.
  if (info != NULL && info->si_code > 0 && number != SIGABRT) return;
  // A signal that was sent (kill, abort's raise) would not come again: deliver it to that
  // handler now, then die of it by default, since a report handler may simply return.
  sigset_t this_signal;
  sigemptyset(&this_signal);
  sigaddset(&this_signal, number);
  sigprocmask(SIG_UNBLOCK, &this_signal, NULL);
  raise(number);
  signal(number, SIG_DFL);
  raise(number);
}

int medterm_crash_guard_arm(
    int input, const struct termios *mode, int output, const char *restore, size_t length) {
  if (armed || mode == NULL || length > sizeof(restore_bytes)) return -1;
  saved_mode = *mode;
  memcpy(restore_bytes, restore, length);
  restore_length = length;
  terminal_input = input;
  terminal_output = output;
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_SIGINFO;
  action.sa_sigaction = on_fault;
  for (int index = 0; index < guarded_count; index++) {
    sigaction(guarded_signals[index], &action, &replaced[index]);
  }
  armed = 1;
  return 0;
}

void medterm_crash_guard_disarm(void) {
  if (!armed) return;
  armed = 0;
  for (int index = 0; index < guarded_count; index++) {
    sigaction(guarded_signals[index], &replaced[index], NULL);
  }
}
