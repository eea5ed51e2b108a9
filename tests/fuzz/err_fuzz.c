/*
 * err_fuzz.c: lib/err.c for the fuzz targets.  Messages are formatted
 * (so that a bad format argument still shows under the sanitizers) but
 * not printed, and die(), die_at() and exit() jump back to the target
 * with their status instead of ending the process.  exit() is reached
 * through the linker: the targets are linked with -Wl,--wrap=exit, so
 * that table.c's exit(EXIT_DATA) lands in __wrap_exit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc.h"
#include "fuzz.h"

const char *progname = "fuzz";

jmp_buf fuzz_jmp;
int fuzz_armed;
int fuzz_status;
long fuzz_line;

void __real_exit(int) __attribute__((noreturn));
void __wrap_exit(int) __attribute__((noreturn));

static void
format(const char *file, long line, const char *fmt, va_list ap)
{
	char msg[1024];
	int n = 0;

	if (file != NULL)
		n = snprintf(msg, sizeof(msg), "%s:%ld: ", file, line);
	if (n < 0 || (size_t)n >= sizeof(msg))
		n = 0;
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
}

static void __attribute__((noreturn))
jump(int status)
{
	if (!fuzz_armed) {
		fprintf(stderr, "err_fuzz: exit(%d) outside FUZZ_TRY\n", status);
		abort();
	}
	fuzz_armed = 0;
	fuzz_status = status;
	longjmp(fuzz_jmp, status == 0 ? 256 : status);
}

void
__wrap_exit(int status)
{
	if (fuzz_armed)
		jump(status);
	__real_exit(status);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format(NULL, 0, fmt, ap);
	va_end(ap);
	fuzz_line = 0;
	jump(status);
}

void
die_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format(file, line, fmt, ap);
	va_end(ap);
	fuzz_line = line;
	jump(status);
}

void
warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format(file, line, fmt, ap);
	va_end(ap);
	fuzz_line = line;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format(NULL, 0, fmt, ap);
	va_end(ap);
}

/* Nothing is written here, so no hint follows a malformed table. */
void
err_table_hook(void (*hook)(const char *))
{
	(void)hook;
}

void
table_hint(const char *path)
{
	(void)path;
}
