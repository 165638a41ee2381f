/* fuzz.h: helpers shared by the libFuzzer targets (tests/fuzz/README.md). */
#ifndef SLAREPORT_FUZZ_H
#define SLAREPORT_FUZZ_H

#define _GNU_SOURCE		/* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The readers take file names, not buffers (they stream files of any size), so
 * the input goes into an anonymous memory file whose /proc/self/fd name is
 * handed over: no disk I/O, nothing left behind, and the real read() path runs.
 * Writes *path (room for 64 bytes); returns the descriptor to close, or -1.
 */
static inline int
fuzz_memfile(const uint8_t *data, size_t size, char *path)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < size) {
		ssize_t n = write(fd, data + off, size - off);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
