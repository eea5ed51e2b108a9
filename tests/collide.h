/*
 * collide.h: ids that all have one hash under the maps' old hash (FNV-1a
 * on 32 bits, unkeyed), and random ids of the same length, for the tests
 * that show such ids cost a map no more than any others.
 */
size_t	 collide_len(size_t);
char	**collide_ids(size_t, const char *);
char	**random_ids(size_t, const char *, unsigned long);
