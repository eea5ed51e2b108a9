/*
 * measure: runs shell commands N times each, in turns (one run of each
 * per round, so that a burst of load on a shared machine falls on all of
 * them alike), and prints for each a line: the median wall time and the
 * median CPU time (user and system) in seconds, and the largest peak
 * resident set in KiB, from wait4(2).  A command that fails (killed, or
 * an exit status above 1) is not run again, and its line is "failed 0 0"
 * while the others go on: the exit status is then 1.
 * Usage: measure N 'command' ['command' ...]
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

static double
secs(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Runs cmd once: its wall and CPU time, and its peak RSS into *maxrss. */
static int
run(const char *cmd, double *wall, double *cpu, long *maxrss)
{
	struct rusage ru;
	double start = now();
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (pid == -1 || wait4(pid, &status, 0, &ru) == -1)
		return -1;
	*wall = now() - start;
	*cpu = secs(ru.ru_utime) + secs(ru.ru_stime);
	if (ru.ru_maxrss > *maxrss)
		*maxrss = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "measure: '%s' failed\n", cmd);
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	double *wall, *cpu;
	long *rss;
	char *failed;
	int i, j, n, k, status = 0;

	if (argc < 3 || (n = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: measure N command [command ...]\n");
		return 2;
	}
	k = argc - 2;
	wall = calloc((size_t)(n * k), sizeof(*wall));
	cpu = calloc((size_t)(n * k), sizeof(*cpu));
	rss = calloc((size_t)k, sizeof(*rss));
	failed = calloc((size_t)k, sizeof(*failed));
	if (wall == NULL || cpu == NULL || rss == NULL || failed == NULL)
		return 1;
	for (i = 0; i < n; i++)
		for (j = 0; j < k; j++)
			if (!failed[j] && run(argv[2 + j], &wall[j * n + i],
			    &cpu[j * n + i], &rss[j]) == -1)
				failed[j] = 1;
	for (j = 0; j < k; j++) {
		if (failed[j]) {
			printf("failed 0 0\n");
			status = 1;
			continue;
		}
		qsort(wall + j * n, (size_t)n, sizeof(*wall), cmp);
		qsort(cpu + j * n, (size_t)n, sizeof(*cpu), cmp);
		printf("%.6f %.6f %ld\n", wall[j * n + n / 2],
		    cpu[j * n + n / 2], rss[j]);
	}
	return status;
}
