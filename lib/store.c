/*
 * store.c: the data directory.  Reads come from DIR/TABLE.csv, or from the
 * seed tables compiled into the binary when no directory is named.  Writes
 * follow one path: lock the directory, write a temporary file beside the
 * table, fsync it, rename it over the table, fsync the directory.  A reader
 * never sees half a file and a failed write leaves the old one intact.  A
 * table that is a symbolic link is written through it, and a table keeps
 * its group and mode, or the write is refused.
 */
#define _DEFAULT_SOURCE	/* flock(2) */
#define _GNU_SOURCE	/* memmem(3) */

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sc.h"

void
store_init(struct store *st, const char *dir, double wait)
{
	struct stat sb;

	memset(st, 0, sizeof(*st));
	st->lockfd = -1;
	st->wait = wait;
	if (dir == NULL && (dir = getenv("SC_DATA")) != NULL && *dir == '\0')
		dir = NULL;
	if (dir == NULL)
		return;
	if (stat(dir, &sb) == -1)
		die(EXIT_SYS, "data directory %s: %s", dir, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		die(EXIT_SYS, "data directory %s: not a directory", dir);
	st->dir = xstrdup(dir);
}

static char *
table_path(const struct store *st, const struct schema *sc)
{
	return xasprintf("%s/%s", st->dir, sc->file);
}

/*
 * Dies for a table path that cannot be followed (err is stat's errno): a
 * dangling link would otherwise read as an empty table, and be written
 * over as a new one.
 */
static void
link_failed(const char *path, int err)
{
	char to[4096];
	ssize_t n;

	if (err == ELOOP)
		die(EXIT_SYS, "%s: a loop of symbolic links", path);
	if (err == ENOENT && (n = readlink(path, to, sizeof(to) - 1)) > 0) {
		to[n] = '\0';
		die(EXIT_SYS, "%s: symbolic link to %s, which leads to no file",
		    path, to);
	}
	die(EXIT_SYS, "%s: %s", path, strerror(err));
}

/*
 * NULL when the table has no file yet: a missing table is an empty one.
 * A table that is a symbolic link is read through it.
 */
struct reader *
store_reader(const struct store *st, const struct schema *sc)
{
	struct reader *rd;
	struct stat sb;
	char *path;
	size_t i;
	int err;

	if (st->dir == NULL) {
		for (i = 0; seed_names[i] != NULL; i++)
			if (strcmp(seed_names[i], sc->file) == 0)
				break;
		if (seed_names[i] == NULL)
			return NULL;
		path = xasprintf("seeds/%s", sc->file);
		rd = rd_open_mem(path, seed_data[i], seed_sizes[i], FMT_CSV);
		free(path);
		return rd;
	}
	path = table_path(st, sc);
	if (stat(path, &sb) == -1) {
		err = errno;
		if (err == ENOENT && lstat(path, &sb) == -1 &&
		    errno == ENOENT) {
			free(path);
			return NULL;
		}
		link_failed(path, err);
	}
	/* A FIFO or a device would hang or never end: a table is a file. */
	if (!S_ISREG(sb.st_mode))
		die(EXIT_SYS, "%s: not a regular file", path);
	rd = rd_open(path, FMT_CSV);
	rd_is_table(rd);
	free(path);
	return rd;
}


/* Whether s holds one of the n needles. */
static int
holds_any(const char *s, size_t len, char *const *needle, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (memmem(s, len, needle[i], strlen(needle[i])) != NULL)
			return 1;
	return 0;
}

/*
 * Whether one of the n strings stands anywhere in the table's file, byte
 * for byte.  When none does, no field of the table is one of them: a
 * pass that looks for the rows naming a few ids may be skipped, at the
 * cost of a search of the bytes, a fraction of a read of the records.
 * 1 when it cannot tell (the built-in seeds).
 */
int
store_holds(const struct store *st, const struct schema *sc,
    char *const *s, size_t n)
{
	enum { CHUNK = 1 << 20 };
	size_t i, m, keep = 0, len = 0;
	char *path, *buf;
	ssize_t got;
	int fd, found = 0;

	if (st->dir == NULL)
		return 1;
	for (i = 0; i < n; i++)
		if (*s[i] == '\0')
			return 1;
	if (n == 0)
		return 0;
	path = table_path(st, sc);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return errno != ENOENT;
	for (i = 0; i < n; i++)
		if ((m = strlen(s[i])) > keep)
			keep = m;
	buf = xmalloc(CHUNK + keep);
	/* Each read follows the last bytes of the one before, keep - 1. */
	while (!found && (got = read(fd, buf + len, CHUNK)) != 0) {
		if (got == -1) {
			found = errno != EINTR;
			continue;
		}
		len += (size_t)got;
		found = holds_any(buf, len, s, n);
		m = len < keep ? len : keep - 1;
		memmove(buf, buf + len - m, m);
		len = m;
	}
	close(fd);
	free(buf);
	return found;
}

/*
 * Only the rows keep() wants, in one streaming pass: a table of any size
 * costs memory only for what is kept.
 */
struct table *
store_filter(const struct store *st, const struct schema *sc,
    int (*keep)(const struct scan *, void *), void *arg)
{
	struct scan s;
	struct table *t;

	scan_open(&s, sc, store_reader(st, sc));
	t = table_new(sc, s.t->label);
	table_header(t, s.t->cols, s.t->ncols - s.t->nextra, s.t->label, 1);
	while (scan_next(&s))
		if (keep(&s, arg))
			table_append(t, scan_row(&s), s.rec.line);
	scan_close(&s);
	return t;
}

static int
every(const struct scan *s, void *arg)
{
	(void)s, (void)arg;
	return 1;
}

/* A whole table in memory, for a verb that rewrites it. */
struct table *
store_load(const struct store *st, const struct schema *sc)
{
	return store_filter(st, sc, every, NULL);
}

struct selection {
	int	 col;
	const struct hmap *keys;
};

static int
selected(const struct scan *s, void *arg)
{
	const struct selection *sel = arg;

	return hmap_get(sel->keys, sget(s, sel->col)) != NULL;
}

/* The rows whose column col holds one of keys: a join keeping the small side. */
struct table *
store_select(const struct store *st, const struct schema *sc, int col,
    const struct hmap *keys)
{
	struct selection sel = { col, keys };

	return store_filter(st, sc, selected, &sel);
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/*
 * After a malformed table, during a write: the user learns that nothing
 * was written, and which tool's check lists the table's problems.
 * store_lock() sets it with err.c: the lock is taken only to write.
 */
static void
write_hint(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base != NULL ? base + 1 : path;
	for (i = 0; i < NELEM(schemas); i++)
		if (strcmp(base, schemas[i]->file) == 0)
			note("nothing written; '%s check' lists the problems "
			    "of %s", schemas[i]->tool, base);
}

/*
 * A temporary file is named after its table, a tag and mkstemp's six
 * characters: .cities.csv.sc-AbC123.  The tag keeps the names that other
 * programs make beside a table (rsync's .cities.csv.AbC123, vim's
 * .cities.csv.swp, a user's .cities.csv.bak) from ever looking like ours.
 */
#define TMP_TAG		".sc-"
#define TMP_RANDOM	6

/* Whether name is a temporary file of the table file. */
static int
is_temp_of(const char *name, const char *file)
{
	static const char random[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	size_t i, n = strlen(file);

	if (name[0] != '.' || strncmp(name + 1, file, n) != 0 ||
	    strncmp(name + 1 + n, TMP_TAG, strlen(TMP_TAG)) != 0)
		return 0;
	name += 1 + n + strlen(TMP_TAG);
	for (i = 0; i < TMP_RANDOM; i++)
		if (name[i] == '\0' || strchr(random, name[i]) == NULL)
			return 0;
	return name[TMP_RANDOM] == '\0';
}

/* Whether name is a temporary file of file, or of any table if NULL. */
static int
is_temp(const char *name, const char *file)
{
	size_t i;

	if (file != NULL)
		return is_temp_of(name, file);
	for (i = 0; i < NELEM(schemas); i++)
		if (is_temp_of(name, schemas[i]->file))
			return 1;
	return 0;
}

/*
 * A writer killed between mkstemp() and rename() leaves its temporary
 * file behind.  Once the lock is ours no write is under way, so any such
 * file in dir (of table file, or of any table if NULL) is stale and goes.
 * Only a write calls this: a dry run changes nothing in the directory.
 */
static void
remove_stale(const char *dir, const char *file)
{
	struct dirent *de;
	char *path;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!is_temp(de->d_name, file))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
}

/*
 * One lock for the whole directory, held until exit: a write reads the
 * table only once the lock is held, so two writers never lose each
 * other's rows.
 */
void
store_lock(struct store *st)
{
	long waited = 0;

	if (st->dir == NULL)
		die(EXIT_USAGE, "the built-in seed data is read-only; name a "
		    "data directory with -D DIR or SC_DATA=DIR%s", seeds_hint());
	if (st->lockfd >= 0)
		return;
	err_table_hook(write_hint);
	if ((st->lockfd = open(st->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
	    == -1)
		die(EXIT_SYS, "%s: %s", st->dir, strerror(errno));
	while (flock(st->lockfd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR)
			die(EXIT_SYS, "%s: cannot lock: %s", st->dir,
			    strerror(errno));
		if (waited >= (long)(st->wait * 1000))
			die(EXIT_SYS, "%s: locked by another writer; gave up "
			    "after %g seconds (see --wait)", st->dir, st->wait);
		sleep_ms(20);
		waited += 20;
	}
}

/* A row as the tables hold it: each field as csv_add() writes it. */
void
store_row(FILE *fp, struct buf *line, const struct table *t, char *const *f)
{
	size_t i;

	buf_reset(line);
	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			buf_addc(line, ',');
		csv_add(line, f[i], 0);
	}
	buf_addc(line, '\n');
	fwrite(line->s, 1, line->len, fp);
}

static void
write_table(FILE *fp, const struct table *t)
{
	struct buf line = { NULL, 0, 0 };
	size_t i;

	store_row(fp, &line, t, t->cols);
	for (i = 0; i < t->nrows; i++)
		store_row(fp, &line, t, t->rows[i]->f);
	buf_free(&line);
}

static void
sync_dir(const char *dir)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) == -1)
		return;
	if (fsync(fd) == -1 && errno != EINVAL)
		die(EXIT_SYS, "%s: fsync: %s", dir, strerror(errno));
	close(fd);
}

/*
 * What a write replaces: the table, or the file its symbolic link leads
 * to (through any chain of links), so that the link stays a link and the
 * rows go where the user keeps them.  The temporary file goes beside that
 * file, since rename(2) works only within one file system.
 */
struct target {
	char	*name;		/* the table as the user names it */
	char	*path;		/* the file to replace */
	char	*dir;		/* its directory */
};

/*
 * The file at the end of the chain of links that starts at name, as a
 * path the kernel resolves the same way: each relative link is taken
 * from the directory of the link.  Unlike realpath(3) this never needs
 * the directories above the data directory, which a user may not be
 * allowed to search.  Dies for a dangling link or a loop.
 */
char *
follow_links(const char *name)
{
	char to[4096], *path = xstrdup(name), *next, *slash;
	struct stat sb;
	ssize_t n;
	int hops;

	for (hops = 0; ; hops++) {
		if (lstat(path, &sb) == -1)
			link_failed(name, errno);
		if (!S_ISLNK(sb.st_mode))
			return path;
		if (hops == 40)
			link_failed(name, ELOOP);
		if ((n = readlink(path, to, sizeof(to))) == -1)
			link_failed(name, errno);
		if ((size_t)n == sizeof(to))
			link_failed(name, ENAMETOOLONG);
		to[n] = '\0';
		slash = strrchr(path, '/');
		if (to[0] == '/' || slash == NULL)
			next = xstrdup(to);
		else
			next = xasprintf("%.*s/%s", (int)(slash - path), path,
			    to);
		free(path);
		path = next;
	}
}

static void
table_target(const struct store *st, const struct schema *sc,
    struct target *tg)
{
	struct stat sb;
	char *slash;
	int found;

	tg->name = table_path(st, sc);
	found = lstat(tg->name, &sb) == 0;
	if (found && S_ISLNK(sb.st_mode)) {
		tg->path = follow_links(tg->name);
		if (stat(tg->path, &sb) == -1)
			link_failed(tg->name, errno);
		if (!S_ISREG(sb.st_mode))
			die(EXIT_SYS, "%s: not a regular file", tg->name);
		slash = strrchr(tg->path, '/');
		tg->dir = slash == NULL ? xstrdup(".") :
		    xstrndup(tg->path, slash == tg->path ? 1 :
		    (size_t)(slash - tg->path));
		return;
	}
	if (found && !S_ISREG(sb.st_mode))
		die(EXIT_SYS, "%s: not a regular file", tg->name);
	/* A table with no file yet is a new one, made in the directory. */
	tg->path = xstrdup(tg->name);
	tg->dir = xstrdup(st->dir);
}

static void
write_failed(const char *tmp, const char *path)
{
	int saved = errno;

	unlink(tmp);
	die(EXIT_SYS, "%s: cannot write: %s; the table is unchanged", path,
	    strerror(saved));
}

/*
 * The table's group would be lost: a writer may give a file only a group
 * it is a member of, and the group is how a team shares the table.
 */
static void
group_refused(const char *tmp, const char *name, gid_t gid)
{
	struct group *gr = getgrgid(gid);
	char *group;

	unlink(tmp);
	group = gr != NULL ? xasprintf("%s (%ld)", gr->gr_name, (long)gid) :
	    xasprintf("%ld", (long)gid);
	die(EXIT_SYS, "%s: cannot keep its group %s, since you are not a "
	    "member; nothing written (join the group, or chgrp the table to "
	    "one of your groups)", name, group);
}

/*
 * The temporary file takes the table's group and permission bits, and
 * its owner where the writer may give it (root), so that a rewrite locks
 * nobody out of a shared table.  It never takes the set-user-ID,
 * set-group-ID or sticky bits.  A new table gets what a plain new file
 * gets: 0666 less the umask, and the group the directory gives it.
 */
static void
keep_owner(int fd, const char *tmp, const struct target *tg)
{
	struct stat was, now;
	mode_t mask;

	if (stat(tg->path, &was) == -1) {
		if (errno != ENOENT)
			write_failed(tmp, tg->name);
		mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) == -1)
			write_failed(tmp, tg->name);
		return;
	}
	if (fstat(fd, &now) == -1)
		write_failed(tmp, tg->name);
	if ((now.st_uid != was.st_uid || now.st_gid != was.st_gid) &&
	    fchown(fd, was.st_uid, was.st_gid) == -1) {
		/* Only root gives a file away; in a user namespace even
		 * root cannot give it an owner that is not mapped. */
		if (errno != EPERM && errno != EINVAL)
			write_failed(tmp, tg->name);
		if (now.st_gid != was.st_gid &&
		    fchown(fd, (uid_t)-1, was.st_gid) == -1) {
			if (errno == EPERM)
				group_refused(tmp, tg->name, was.st_gid);
			write_failed(tmp, tg->name);
		}
	}
	if (fchmod(fd, was.st_mode & 0777) == -1)
		write_failed(tmp, tg->name);
}

/*
 * A write under way: its temporary file is removed at exit unless it was
 * renamed over the table, so that a write that dies half-way (bad data
 * found in a streaming rewrite, a full disk) leaves no trace.
 */
struct wtemp {
	struct target tg;
	char	*tmp;
	FILE	*fp;
	char	*iobuf;		/* fp's buffer */
	int	 fd;
	struct wtemp *next;	/* the other writes under way */
};
enum { IOBUF_MIN = 1 << 16, IOBUF_MAX = 1 << 20 };

/*
 * A table is written in large blocks, for fewer system calls, but a
 * small table needs no large buffer: the buffer is about the table's size,
 * so that memory does not grow with the table.
 */
static size_t
iobuf_size(const char *path)
{
	struct stat sb;
	size_t n = IOBUF_MIN;

	if (stat(path, &sb) == 0)
		while (n < IOBUF_MAX && (off_t)n < sb.st_size)
			n *= 2;
	return n;
}

/* A verb may write two tables (import-report: a city and an event). */
static struct wtemp *pending;

static void
remove_pending(void)
{
	struct wtemp *w;

	for (w = pending; w != NULL; w = w->next)
		unlink(w->tmp);
}

/*
 * The first half of a write: the lock, the temporary file beside the
 * table (or its link's target) with the table's owner, group and mode.
 * The caller writes the new table to wtemp_fp(), then store_commit().
 */
struct wtemp *
store_begin(struct store *st, const struct schema *sc)
{
	static int registered;
	struct wtemp *w = xcalloc(1, sizeof(*w));
	size_t n;

	store_lock(st);
	table_target(st, sc, &w->tg);
	if (!st->cleaned)
		remove_stale(st->dir, NULL);
	st->cleaned = 1;
	/* Beside a link's target only this table's: the lock covers no more. */
	if (strcmp(w->tg.dir, st->dir) != 0)
		remove_stale(w->tg.dir, sc->file);
	w->tmp = xasprintf("%s/.%s" TMP_TAG "XXXXXX", w->tg.dir, sc->file);
	if ((w->fd = mkstemp(w->tmp)) == -1)
		die(EXIT_SYS, "%s: cannot create a temporary file: %s",
		    w->tg.dir, strerror(errno));
	if (!registered && atexit(remove_pending) == 0)
		registered = 1;
	w->next = pending;
	pending = w;
	keep_owner(w->fd, w->tmp, &w->tg);
	if ((w->fp = fdopen(w->fd, "w")) == NULL)
		write_failed(w->tmp, w->tg.name);
	n = iobuf_size(w->tg.path);
	w->iobuf = xmalloc(n);
	setvbuf(w->fp, w->iobuf, _IOFBF, n);
	return w;
}

FILE *
wtemp_fp(const struct wtemp *w)
{
	return w->fp;
}

/* The write is no longer under way: its temporary file is gone or renamed. */
static void
unpend(struct wtemp *w)
{
	struct wtemp **p;

	for (p = &pending; *p != NULL; p = &(*p)->next)
		if (*p == w) {
			*p = w->next;
			break;
		}
}

static void
wtemp_free(struct wtemp *w)
{
	unpend(w);
	free(w->iobuf);
	free(w->tmp);
	free(w->tg.name);
	free(w->tg.path);
	free(w->tg.dir);
	free(w);
}

/* The second half: to disk, renamed over the table, the directory synced. */
void
store_commit(struct wtemp *w)
{
	if (fflush(w->fp) != 0 || ferror(w->fp) || fsync(w->fd) == -1) {
		fclose(w->fp);
		write_failed(w->tmp, w->tg.name);
	}
	if (fclose(w->fp) != 0 || rename(w->tmp, w->tg.path) == -1)
		write_failed(w->tmp, w->tg.name);
	unpend(w);
	sync_dir(w->tg.dir);
	wtemp_free(w);
}

/* A write given up: the table stays as it was. */
void
store_abandon(struct wtemp *w)
{
	fclose(w->fp);
	unlink(w->tmp);
	wtemp_free(w);
}

void
store_write(struct store *st, struct table *t)
{
	struct wtemp *w = store_begin(st, t->sc);

	write_table(w->fp, t);
	store_commit(w);
}
