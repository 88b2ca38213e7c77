// Atomic renames that the C library does not expose to Swift: swapping two directory entries in
// one step, and renaming without replacing. Glibc declares renameat2 only under _GNU_SOURCE, which
// Swift's Glibc module does not set, so the Linux versions call the system call directly.
#ifndef CROSSWALK_ATOMIC_RENAME_H
#define CROSSWALK_ATOMIC_RENAME_H

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#endif

/// Swaps the entries `from` (relative to `fromfd`) and `to` (relative to `tofd`) atomically; both
/// must exist. Returns 0, or -1 with errno set (EINVAL or ENOSYS where unsupported).
static inline int crosswalk_rename_exchange(int fromfd, const char *from, int tofd, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, fromfd, from, tofd, to, 2u /* RENAME_EXCHANGE */);
#elif defined(__APPLE__)
    return renameatx_np(fromfd, from, tofd, to, RENAME_SWAP);
#else
    errno = ENOSYS;
    return -1;
#endif
}

/// Renames `from` to `to` only when `to` does not exist (EEXIST otherwise), atomically.
static inline int crosswalk_rename_noreplace(int fromfd, const char *from, int tofd, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, fromfd, from, tofd, to, 1u /* RENAME_NOREPLACE */);
#elif defined(__APPLE__)
    return renameatx_np(fromfd, from, tofd, to, RENAME_EXCL);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#endif
