// CFetchSupport: the three GNU calls the Fetching module needs that Swift's Glibc module
// does not export (they sit behind _GNU_SOURCE). Each makes a descriptor close-on-exec at
// birth, or closes descriptors in a spawned child, so that no other child of medterm (a
// pager, a second fetch) inherits the pipe or the body file: an inherited write end would
// keep a fetch from ever seeing the end of its helper's output.
#ifndef CFETCHSUPPORT_H
#define CFETCHSUPPORT_H

#include <spawn.h>

/// pipe2(fds, O_CLOEXEC). Returns 0, or -1 with errno set.
int cfetch_pipe_cloexec(int fds[2]);

/// mkostemp(template, O_CLOEXEC): a new file, mode 0600. Returns the descriptor or -1.
int cfetch_mkstemp_cloexec(char *template_path);

/// posix_spawn_file_actions_addclosefrom_np(actions, lowest) where glibc has it (2.34+);
/// otherwise does nothing. Returns 0 or an error number.
int cfetch_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
