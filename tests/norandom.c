/*
 * norandom: runs a command with getrandom(2) failing with ENOSYS, as on
 * a kernel older than 3.17 or in a sandbox that forbids the call.  A
 * seccomp filter does it, in the kernel, so that it holds whatever the
 * command is linked with (ASan's interceptors, valgrind).  Linux only.
 *
 * Usage: tests/norandom CMD [ARG...]
 */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

int
main(int argc, char **argv)
{
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getrandom, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
	};
	struct sock_fprog prog = {
		NELEM(filter), filter
	};

	progname = "norandom";
	if (argc < 2)
		die(EXIT_USAGE, "usage: norandom CMD [ARG...]");
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == -1)
		die(EXIT_SYS, "seccomp: %s", strerror(errno));
	execvp(argv[1], argv + 1);
	die(127, "%s: %s", argv[1], strerror(errno));
}
