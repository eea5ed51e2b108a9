/*
 * gitshow.c: the committed version of a table, read from git.  git is run
 * with fork and exec, never through a shell, and only with commands that
 * read: rev-parse to learn whether a directory is in a work tree, cat-file
 * to read a blob.  cat-file gives the blob's bytes as they were committed,
 * through no textconv or smudge filter.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

/* In the child: stdin and stderr from and to /dev/null, stdout to fd. */
static void __attribute__((noreturn))
run_child(int fd, const char *const argv[])
{
	int null = open("/dev/null", O_RDWR);

	if (null == -1 || dup2(null, 0) == -1 || dup2(null, 2) == -1 ||
	    dup2(fd, 1) == -1)
		_exit(127);
	/* execvp() takes char *const[] but changes nothing. */
	execvp(argv[0], (char *const *)(uintptr_t)argv);
	_exit(127);
}

/*
 * Runs git with argv (argv[0] is "git"), its standard output read into
 * out; returns its exit status, or -1 when it did not exit by itself.
 * A git that cannot be run exits 127, like a shell's.
 */
static int
git_run(const char *const argv[], struct buf *out)
{
	char chunk[65536];
	int fd[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(fd) == -1)
		die(EXIT_SYS, "pipe: %s", strerror(errno));
	fflush(NULL);
	if ((pid = fork()) == -1)
		die(EXIT_SYS, "fork: %s", strerror(errno));
	if (pid == 0) {
		close(fd[0]);
		run_child(fd[1], argv);
	}
	close(fd[1]);
	while ((n = read(fd[0], chunk, sizeof(chunk))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			die(EXIT_SYS, "reading from git: %s", strerror(errno));
		buf_add(out, chunk, (size_t)n);
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			die(EXIT_SYS, "waitpid: %s", strerror(errno));
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Whether dir is inside a git work tree that git will read. */
int
git_worktree(const char *dir)
{
	const char *argv[] = { "git", "-C", NULL, "rev-parse",
	    "--is-inside-work-tree", NULL };
	struct buf out = { NULL, 0, 0 };
	int ok;

	argv[2] = dir;
	ok = git_run(argv, &out) == 0 && out.len >= 4 &&
	    memcmp(out.s, "true", 4) == 0;
	buf_free(&out);
	return ok;
}

/*
 * The bytes of file (a name in dir) as HEAD has it, NUL-terminated, with
 * its length in *len; NULL when HEAD has no such file (a new table, a
 * repository with no commit yet) or git cannot say.
 */
char *
git_committed(const char *dir, const char *file, size_t *len)
{
	const char *argv[] = { "git", "-C", NULL, "cat-file", "blob", NULL,
	    NULL };
	struct buf out = { NULL, 0, 0 };
	char *rev = xasprintf("HEAD:./%s", file);

	argv[2] = dir;
	argv[5] = rev;
	if (git_run(argv, &out) != 0) {
		free(rev);
		buf_free(&out);
		return NULL;
	}
	free(rev);
	buf_addc(&out, '\0');
	*len = out.len - 1;
	return out.s;
}
