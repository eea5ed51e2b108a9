/*
 * init.c: sc-cities init, which makes a data directory: the five tables,
 * empty or the seeds, and with --git what a clone of a shared record
 * needs to merge them by key (sc(7), "Sharing the record through git").
 * It changes nothing that is there: a table that exists stays as it is,
 * a line of .gitattributes or a setting of git's that names the driver is
 * not written again, and a second run writes nothing at all.
 */
#define _DEFAULT_SOURCE	/* fsync, mkstemp */

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc.h"

#define DRIVER_NAME	"sc tables, by key and field"
#define DRIVER		"sc-cities merge %O %A %B %P"
#define ATTRS		".gitattributes"
enum { NTABLES = 5, SHOWN = 3 };

/* What a directory holds, for init: the tables, and what is not ours. */
struct dirstate {
	int	 exists;
	int	 ntables;
	char	**other;	/* the entries of other files, sorted */
	size_t	 nother;
};

/*
 * The entries a data directory may hold besides its tables: git's own,
 * and the temporary files of a write (.cities.csv.sc-XXXXXX).
 */
static int
ours(const char *name)
{
	static const char *const git[] = { ".git", ".gitattributes",
	    ".gitignore" };
	size_t i, n;

	for (i = 0; i < sizeof(git) / sizeof(git[0]); i++)
		if (strcmp(name, git[i]) == 0)
			return 1;
	for (i = 0; i < NTABLES; i++) {
		n = strlen(schemas[i]->file);
		if (strcmp(name, schemas[i]->file) == 0 || (name[0] == '.' &&
		    strncmp(name + 1, schemas[i]->file, n) == 0 &&
		    strncmp(name + 1 + n, ".sc-", 4) == 0))
			return 1;
	}
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
dir_state(const char *dir, struct dirstate *ds)
{
	struct dirent *de;
	struct stat sb;
	size_t i;
	DIR *d;

	memset(ds, 0, sizeof(*ds));
	if (stat(dir, &sb) == -1) {
		if (errno != ENOENT)
			die(EXIT_SYS, "%s: %s", dir, strerror(errno));
		return;
	}
	if (!S_ISDIR(sb.st_mode))
		die(EXIT_SYS, "%s: not a directory", dir);
	if ((d = opendir(dir)) == NULL)
		die(EXIT_SYS, "%s: %s", dir, strerror(errno));
	ds->exists = 1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		for (i = 0; i < NTABLES; i++)
			if (strcmp(de->d_name, schemas[i]->file) == 0)
				ds->ntables++;
		if (ours(de->d_name))
			continue;
		ds->other = xreallocarray(ds->other, ds->nother + 1,
		    sizeof(*ds->other));
		ds->other[ds->nother++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (ds->nother > 1)
		qsort(ds->other, ds->nother, sizeof(*ds->other), cmp_str);
}

/*
 * A directory that holds other files and none of the tables is most
 * likely not meant for a record: SC_DATA=$HOME mistyped, or a project's
 * own directory.  Refused unless --force.
 */
static void
refuse_foreign(const char *dir, const struct dirstate *ds)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < ds->nother && i < SHOWN; i++) {
		buf_adds(&b, i > 0 ? ", " : "");
		buf_adds(&b, ds->other[i]);
	}
	die(EXIT_DATA, "%s holds other files (%s%s) and none of the tables; "
	    "not made a data directory (--force makes it one)", dir, b.s,
	    ds->nother > SHOWN ? ", ..." : "");
}

/*
 * Runs git with args in dir, its standard output into out (when not
 * NULL), its standard error away when quiet.  Returns git's exit status;
 * dies when git cannot be run.  No shell: each argument is one word.
 */
static int
git_run(const char *dir, const char *const *args, struct buf *out, int quiet)
{
	const char *argv[16] = { "git", "-C", dir };
	int fds[2], status;
	size_t n;
	ssize_t got;
	char chunk[512];
	pid_t pid;

	for (n = 0; args[n] != NULL && n < 12; n++)
		argv[3 + n] = args[n];
	argv[3 + n] = NULL;
	if (pipe(fds) == -1)
		die(EXIT_SYS, "pipe: %s", strerror(errno));
	fflush(NULL);
	if ((pid = fork()) == -1)
		die(EXIT_SYS, "fork: %s", strerror(errno));
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		if (quiet)
			dup2(open("/dev/null", O_WRONLY), STDERR_FILENO);
		execvp("git", (char *const *)argv);
		note("git: %s", strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	while ((got = read(fds[0], chunk, sizeof(chunk))) != 0)
		if (got > 0 && out != NULL)
			buf_add(out, chunk, (size_t)got);
		else if (got == -1 && errno != EINTR)
			break;
	close(fds[0]);
	if (waitpid(pid, &status, 0) == -1 || !WIFEXITED(status))
		die(EXIT_SYS, "git %s: did not finish", args[0]);
	if (WEXITSTATUS(status) == 127)
		die(EXIT_SYS, "git cannot be run; init --git needs it");
	return WEXITSTATUS(status);
}

/* The directory git is asked in: dir, or the one it is to be made in. */
static char *
git_dir_of(const char *dir, const struct dirstate *ds)
{
	const char *slash = strrchr(dir, '/');

	if (ds->exists)
		return xstrdup(dir);
	if (slash == NULL)
		return xstrdup(".");
	return xstrndup(dir, slash == dir ? 1 : (size_t)(slash - dir));
}

/* --git: the directory must be in a git work tree, found before writing. */
static void
need_work_tree(const char *dir, const struct dirstate *ds)
{
	const char *args[] = { "rev-parse", "--show-toplevel", NULL };
	char *at = git_dir_of(dir, ds);

	if (git_run(at, args, NULL, 1) != 0)
		die(EXIT_DATA, "%s is not in a git work tree; nothing written "
		    "(git init, or git clone the shared record, first)", dir);
	free(at);
}

/* The table's file, for messages and for lstat. */
static char *
table_file(const char *dir, const struct schema *sc)
{
	return xasprintf("%s/%s", dir, sc->file);
}

static int
exists(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == 0)
		return 1;
	if (errno != ENOENT)
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	return 0;
}

/*
 * Each missing table, through the store's one write path (lock, temporary
 * file, fsync, rename): its header alone, or the seed table compiled
 * into the program.  Whether it is missing is asked under the lock, so a
 * table another writer has just made is left to it.  A table that is
 * there is opened as every tool opens it, so that one no tool could read
 * (a dangling link, a FIFO) is named, not passed over.
 */
static void
make_tables(struct store *st, int seeds, int dryrun, int had)
{
	struct store seedstore = { .dir = NULL, .lockfd = -1 };
	struct buf made = { 0 };
	struct table *t;
	char *path;
	size_t i;

	if (!dryrun)
		store_lock(st);
	for (i = 0; i < NTABLES; i++) {
		path = table_file(st->dir, schemas[i]);
		if (exists(path))
			rd_close(store_reader(st, schemas[i]));
		else if (dryrun)
			printf("write %s%s\n", path, seeds ? " (the seeds)" :
			    " (its header)");
		else {
			t = store_load(seeds ? &seedstore : st, schemas[i]);
			store_write(st, t);
			table_free(t);
			buf_adds(&made, made.len > 0 ? ", " : "");
			buf_adds(&made, schemas[i]->file);
		}
		free(path);
	}
	/* Seed rows beside tables of another record may name what it lacks. */
	if (seeds && had > 0 && made.len > 0)
		note("%s: %s from the seeds, beside tables that were there; "
		    "their references may not hold: run each tool's check",
		    st->dir, made.s);
	buf_free(&made);
}

/* The first word of *p, and *p past it; NULL at the end of the line. */
static char *
word(char **p)
{
	char *w;

	*p += strspn(*p, " \t\r");
	if (**p == '\0' || **p == '\n')
		return NULL;
	w = *p;
	*p += strcspn(*p, " \t\r\n");
	return w;
}

/*
 * Whether the text of a .gitattributes file gives file merge=sc: the last
 * line whose pattern is the file's name and that sets merge decides.  A
 * line with another pattern (*.csv merge=union) is not followed here;
 * verify_attrs() asks git, which follows them all.
 */
static int
names_driver(const char *text, const char *file)
{
	char *copy = xstrdup(text), *p = copy, *w, *end;
	size_t len = strlen(file);
	int set = 0, mine;

	for (; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		if ((w = word(&p)) == NULL || *w == '#')
			continue;
		if (w[0] == '/')
			w++;
		mine = strncmp(w, file, len) == 0 && (w[len] == ' ' ||
		    w[len] == '\t' || w[len] == '\r');
		while (mine && (w = word(&p)) != NULL && w < end)
			if (strncmp(w, "merge=sc", 8) == 0 && (w[8] == '\0' ||
			    strchr(" \t\r\n", w[8]) != NULL))
				set = 1;
			else if (strncmp(w, "merge", 5) == 0 ||
			    strncmp(w, "-merge", 6) == 0 ||
			    strncmp(w, "!merge", 6) == 0)
				set = 0;
	}
	free(copy);
	return set;
}

/* A .gitattributes that is not a plain file is a person's: refused early. */
static void
attrs_ok(const char *dir)
{
	char *path = xasprintf("%s/" ATTRS, dir);
	struct stat sb;

	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		die(EXIT_SYS, "%s: not a regular file; nothing written (add "
		    "the lines 'TABLE merge=sc' to what it leads to by hand)",
		    path);
	free(path);
}

static char *
read_small(const char *path, mode_t *mode)
{
	struct buf b = { 0 };
	struct stat sb;
	char chunk[4096];
	ssize_t got;
	int fd;

	if (lstat(path, &sb) == -1) {
		if (errno != ENOENT)
			die(EXIT_SYS, "%s: %s", path, strerror(errno));
		*mode = umask(0);
		umask(*mode);
		*mode = 0666 & ~*mode;
		return xstrdup("");
	}
	*mode = sb.st_mode & 0777;
	if ((fd = open(path, O_RDONLY)) == -1)
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	while ((got = read(fd, chunk, sizeof(chunk))) != 0) {
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			die(EXIT_SYS, "%s: %s", path, strerror(errno));
		buf_add(&b, chunk, (size_t)got);
	}
	close(fd);
	buf_addc(&b, '\0');
	return b.s;
}

/* The new text beside the file, fsynced, then renamed over it. */
static void
replace_file(const char *dir, const char *path, const char *text,
    mode_t mode)
{
	char *tmp = xasprintf("%s/" ATTRS ".sc-XXXXXX", dir);
	size_t len = strlen(text);
	int fd, dfd;

	if ((fd = mkstemp(tmp)) == -1)
		die(EXIT_SYS, "%s: cannot create a temporary file: %s", dir,
		    strerror(errno));
	if (fchmod(fd, mode) == -1 || write(fd, text, len) != (ssize_t)len ||
	    fsync(fd) == -1 || close(fd) == -1 || rename(tmp, path) == -1) {
		unlink(tmp);
		die(EXIT_SYS, "%s: cannot write: %s; it is unchanged", path,
		    strerror(errno));
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	free(tmp);
}

/* DIR/.gitattributes names the driver for each table, once. */
static void
write_attrs(const char *dir, int dryrun)
{
	char *path = xasprintf("%s/" ATTRS, dir), *text;
	struct buf b = { 0 };
	mode_t mode;
	size_t i;

	text = read_small(path, &mode);
	buf_adds(&b, text);
	if (b.len > 0 && b.s[b.len - 1] != '\n')
		buf_addc(&b, '\n');
	for (i = 0; i < NTABLES; i++) {
		if (names_driver(text, schemas[i]->file))
			continue;
		if (dryrun)
			printf("add to %s: %s merge=sc\n", path,
			    schemas[i]->file);
		buf_adds(&b, schemas[i]->file);
		buf_adds(&b, " merge=sc\n");
	}
	if (!dryrun && (b.len != strlen(text)))
		replace_file(dir, path, b.s, mode);
	buf_free(&b);
	free(text);
	free(path);
}

/*
 * One setting of the repository's configuration, set only when it is
 * not: a value a person set otherwise (the driver's full path, say) is
 * kept, and said to be.
 */
static void
git_setting(const char *dir, const char *key, const char *want, int dryrun)
{
	const char *get[] = { "config", "--get", key, NULL };
	const char *set[] = { "config", key, want, NULL };
	struct buf b = { 0 };
	int rc = git_run(dir, get, &b, 1);

	buf_addc(&b, '\0');
	if (rc == 0 && b.len > 1 && b.s[b.len - 2] == '\n')
		b.s[b.len - 2] = '\0';
	if (rc == 0 && strcmp(b.s, want) != 0)
		note("git config %s is '%s'; kept (init sets '%s')", key,
		    b.s, want);
	else if (rc != 0 && dryrun)
		printf("git config %s '%s'\n", key, want);
	else if (rc != 0 && git_run(dir, set, NULL, 0) != 0)
		die(EXIT_SYS, "git config %s: failed; the driver is not "
		    "registered", key);
	buf_free(&b);
}

/* Whether a command of this name is on PATH, where git will look. */
static int
on_path(const char *cmd)
{
	const char *path = getenv("PATH"), *p, *end;
	char *file;
	int found = 0;

	for (p = path != NULL ? path : ""; !found && *p != '\0'; p = end) {
		end = p + strcspn(p, ":");
		file = xasprintf("%.*s/%s", end - p > 0 ? (int)(end - p) : 1,
		    end - p > 0 ? p : ".", cmd);
		found = access(file, X_OK) == 0;
		free(file);
		if (*end == ':')
			end++;
	}
	return found;
}

/*
 * What git will do with the tables, asked of git itself: a pattern in
 * another .gitattributes, a later line or .git/info/attributes may still
 * give a table another merge.  Said, not mended: that file is a person's.
 */
static void
verify_attrs(const char *dir)
{
	const char *args[] = { "check-attr", "merge", "--",
	    "cities.csv", "events.csv", "attendance.csv", "partners.csv",
	    "followups.csv", NULL };
	struct buf b = { 0 };
	char *line, *next, *v;

	if (git_run(dir, args, &b, 1) != 0)
		return;
	buf_addc(&b, '\0');
	for (line = b.s; *line != '\0'; line = next) {
		next = line + strcspn(line, "\n");
		if (*next == '\n')
			*next++ = '\0';
		if ((v = strstr(line, ": merge: ")) != NULL &&
		    strcmp(v + 9, "sc") != 0)
			note("%s/%.*s: git merges it with '%s', not the "
			    "driver: a later line or another attributes file "
			    "sets its merge", dir, (int)(v - line), line,
			    v + 9);
	}
	buf_free(&b);
}

static void
init_git(const char *dir, int dryrun)
{
	write_attrs(dir, dryrun);
	git_setting(dir, "merge.sc.name", DRIVER_NAME, dryrun);
	git_setting(dir, "merge.sc.driver", DRIVER, dryrun);
	if (!dryrun)
		verify_attrs(dir);
	if (!on_path("sc-cities"))
		note("git will run the driver as 'sc-cities merge', but "
		    "sc-cities is not on PATH: install it (make install) or "
		    "put its directory on PATH before merging");
}

/*
 * sc-cities init: dir is made (its parent must be there), then the
 * tables that are missing, then with git what git needs.  Everything
 * that can refuse is asked before anything is written.
 */
int
init_dir(const struct init_opt *o)
{
	struct dirstate ds;
	struct store st;
	size_t i;

	dir_state(o->dir, &ds);
	if (ds.exists && ds.ntables == 0 && ds.nother > 0 && !o->force)
		refuse_foreign(o->dir, &ds);
	if (o->git) {
		need_work_tree(o->dir, &ds);
		attrs_ok(o->dir);
	}
	if (!ds.exists && o->dryrun)
		printf("mkdir %s\n", o->dir);
	/* Another init may make it meanwhile: the lock then orders the two. */
	else if (!ds.exists && mkdir(o->dir, 0777) == -1 && errno != EEXIST)
		die(EXIT_SYS, "cannot make %s: %s%s", o->dir, strerror(errno),
		    errno == ENOENT ? " (init makes the directory, not the "
		    "ones above it)" : "");
	if (ds.exists || !o->dryrun) {
		store_init(&st, o->dir, o->wait);
		make_tables(&st, o->seeds, o->dryrun, ds.ntables);
		free(st.dir);	/* the lock, if taken, is held until exit */
	} else
		for (i = 0; i < NTABLES; i++)
			printf("write %s/%s%s\n", o->dir, schemas[i]->file,
			    o->seeds ? " (the seeds)" : " (its header)");
	if (o->git && (ds.exists || !o->dryrun))
		init_git(o->dir, o->dryrun);
	else if (o->git)
		printf("add to %s/" ATTRS ": the five tables, merge=sc\n"
		    "git config merge.sc.name '%s'\ngit config "
		    "merge.sc.driver '%s'\n", o->dir, DRIVER_NAME, DRIVER);
	free_list(ds.other, ds.nother);
	return 0;
}
