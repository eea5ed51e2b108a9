/*
 * store.c: the data directory.  Reads come from DIR/TABLE.csv, or from the
 * seed tables compiled into the binary when no directory is named.  Writes
 * follow one path: lock the directory, write a temporary file beside the
 * table, fsync it, rename it over the table, fsync the directory.  A reader
 * never sees half a file and a failed write leaves the old one intact.
 */
#define _DEFAULT_SOURCE	/* flock(2) */

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

/* NULL when the table has no file yet: a missing table is an empty one. */
struct reader *
store_reader(const struct store *st, const struct schema *sc)
{
	struct reader *rd;
	struct stat sb;
	char *path;
	size_t i;

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
		if (errno == ENOENT) {
			free(path);
			return NULL;
		}
		die(EXIT_SYS, "%s: %s", path, strerror(errno));
	}
	/* A FIFO or a device would hang or never end: a table is a file. */
	if (!S_ISREG(sb.st_mode))
		die(EXIT_SYS, "%s: not a regular file", path);
	rd = rd_open(path, FMT_CSV);
	rd_is_table(rd);
	free(path);
	return rd;
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

/* Whether a write is under way: the lock is taken only to write. */
static int writing;

/*
 * After a malformed table, during a write: the user learns that nothing
 * was written, and which tool's check lists the table's problems.
 */
void
table_hint(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *tool;

	base = base != NULL ? base + 1 : path;
	if (!writing)
		return;
	if (strcmp(base, "cities.csv") == 0)
		tool = "sc-cities";
	else if (strcmp(base, "followups.csv") == 0)
		tool = "sc-followups";
	else if (strcmp(base, "events.csv") == 0 ||
	    strcmp(base, "attendance.csv") == 0 ||
	    strcmp(base, "partners.csv") == 0)
		tool = "sc-events";
	else
		return;
	note("nothing written; '%s check' lists the problems of %s", tool,
	    base);
}

/*
 * A writer killed between mkstemp() and rename() leaves its temporary
 * file behind.  Once the lock is ours no write is under way, so any such
 * file is stale and goes.
 */
static void
remove_stale(const struct store *st)
{
	struct dirent *de;
	char *path;
	DIR *d;

	if ((d = opendir(st->dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.' || strstr(de->d_name, ".csv.") == NULL)
			continue;
		path = xasprintf("%s/%s", st->dir, de->d_name);
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
	writing = 1;
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
	remove_stale(st);
}

static void
write_row(FILE *fp, struct buf *line, const struct table *t, char *const *f)
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

	write_row(fp, &line, t, t->cols);
	for (i = 0; i < t->nrows; i++)
		write_row(fp, &line, t, t->rows[i]->f);
	buf_free(&line);
}

/* A new table gets the mode a plain file would get: 0666 less the umask. */
static mode_t
table_mode(const char *path)
{
	struct stat sb;
	mode_t mask;

	if (stat(path, &sb) == 0)
		return sb.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
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

static void
write_failed(const char *tmp, const char *path)
{
	int saved = errno;

	unlink(tmp);
	die(EXIT_SYS, "%s: cannot write: %s; the table is unchanged", path,
	    strerror(saved));
}

void
store_write(struct store *st, struct table *t)
{
	char *path, *tmp;
	FILE *fp;
	int fd;

	store_lock(st);
	path = table_path(st, t->sc);
	tmp = xasprintf("%s/.%s.XXXXXX", st->dir, t->sc->file);
	if ((fd = mkstemp(tmp)) == -1) {
		free(tmp);
		die(EXIT_SYS, "%s: cannot create a temporary file: %s",
		    st->dir, strerror(errno));
	}
	if ((fp = fdopen(fd, "w")) == NULL)
		write_failed(tmp, path);
	write_table(fp, t);
	if (fflush(fp) != 0 || ferror(fp) ||
	    fchmod(fd, table_mode(path)) == -1 || fsync(fd) == -1) {
		fclose(fp);
		write_failed(tmp, path);
	}
	if (fclose(fp) != 0 || rename(tmp, path) == -1)
		write_failed(tmp, path);
	sync_dir(st->dir);
	free(tmp);
	free(path);
}
