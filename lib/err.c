/*
 * err.c: the one way messages leave the program.  Every message goes to
 * stderr as "prog: message" or "prog: file:line: message", so that a user
 * (or an editor) can jump to the offending line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc.h"

const char *progname = "sc";


/*
 * A message quotes values (a bad date, an unknown name, a file's column),
 * and values can hold anything: so the whole line is shown by vis_add(),
 * and an escape sequence in a value reaches the terminal as "\e[2J".  A
 * message is one line; a newline in a value is shown as "\n".  Making
 * the line takes memory; if that fails, the message that says so is the
 * format alone, which holds no value.
 */
static void __attribute__((format(printf, 3, 0)))
vmessage(const char *file, long line, const char *fmt, va_list ap)
{
	static int busy;
	struct buf b = { NULL, 0, 0 };
	char *where, *msg;

	fflush(stdout);
	if (busy) {
		fprintf(stderr, "%s: %s\n", progname, fmt);
		return;
	}
	busy = 1;
	if (file != NULL && line > 0)
		where = xasprintf("%s: %s:%ld: ", progname, file, line);
	else if (file != NULL)
		where = xasprintf("%s: %s: ", progname, file);
	else
		where = xasprintf("%s: ", progname);
	msg = xvasprintf(fmt, ap);
	vis_add(&b, where);
	vis_add(&b, msg);
	buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stderr);
	free(where);
	free(msg);
	buf_free(&b);
	busy = 0;
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
die_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
	exit(status);
}

void
warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
}

/*
 * What follows the message about a malformed table, before its exit 3.
 * The reader that finds a table malformed knows nothing of what it was
 * read for; the layer that does (the store, while a write is under way)
 * sets the hook, so that no lower layer calls up to learn it.
 */
static void (*table_hook)(const char *);

void
err_table_hook(void (*hook)(const char *))
{
	table_hook = hook;
}

/* Called with the malformed table's path, just before the exit. */
void
table_hint(const char *path)
{
	if (table_hook != NULL)
		table_hook(path);
}
