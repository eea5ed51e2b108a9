/*
 * measure: runs a shell command N times and prints the median wall time
 * in seconds and the largest peak resident set in KiB, from wait4(2).
 * Usage: measure N 'command'
 */
#define _DEFAULT_SOURCE

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	double *t, start;
	long maxrss = 0;
	int i, n, status;
	pid_t pid;

	if (argc != 3 || (n = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: measure N command\n");
		return 2;
	}
	t = calloc((size_t)n, sizeof(*t));
	for (i = 0; i < n; i++) {
		start = now();
		if ((pid = fork()) == 0) {
			execl("/bin/sh", "sh", "-c", argv[2], (char *)NULL);
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) == -1)
			return 1;
		t[i] = now() - start;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
			fprintf(stderr, "measure: '%s' failed\n", argv[2]);
			return 1;
		}
	}
	qsort(t, (size_t)n, sizeof(*t), cmp);
	printf("%.6f %ld\n", t[n / 2], maxrss);
	return 0;
}
