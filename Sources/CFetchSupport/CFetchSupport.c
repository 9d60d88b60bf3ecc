#define _GNU_SOURCE
#include "CFetchSupport.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int cfetch_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int cfetch_mkstemp_cloexec(char *template_path) { return mkostemp(template_path, O_CLOEXEC); }

int cfetch_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
#else
  (void)actions;
  (void)lowest;
  return 0;
#endif
}
