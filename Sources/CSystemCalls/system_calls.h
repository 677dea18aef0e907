#ifndef VARDPLAN_SYSTEM_CALLS_H
#define VARDPLAN_SYSTEM_CALLS_H
// System calls that Swift cannot reach through Glibc: glibc declares renameat2 only with
// _GNU_SOURCE, and syscall(2) is variadic. Header-only (static inline), so the package has no
// C sources to compile, and the call works the same in a dynamic and a static executable
// (looking renameat2 up with dlsym does not: a static executable has no dynamic symbols).
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Exchanges two existing paths atomically: renameat2(AT_FDCWD, first, AT_FDCWD, second,
/// RENAME_EXCHANGE). Returns 0, or -1 with errno (ENOSYS where the kernel or architecture
/// lacks the call; EINVAL where the file system does not support the flag).
static inline int vardplan_rename_exchange(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2u /* RENAME_EXCHANGE */);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

#endif
