/* suggest.h: the closest known word to a mistyped one ("closd" -> "closed"),
 * for the "did you mean" hints of diagnostics. Only called on error paths. */
#ifndef SLAREPORT_SUGGEST_H
#define SLAREPORT_SUGGEST_H

#include <stdbool.h>

/* Words longer than this (in code points) get no suggestion: the cost is
 * quadratic, and such a word is no typo of a key. */
#define SUGGEST_MAX_LEN 64

/* Optimal string alignment distance (Damerau-Levenshtein where each substring
 * is edited once) between a and b, counted in UTF-8 code points: insertions,
 * deletions, substitutions and swaps of two neighbours cost 1 each. With
 * fold_case, ASCII letters differing only in case are equal. A byte that is
 * not valid UTF-8 counts as one unit of its own. -1 when either is longer
 * than SUGGEST_MAX_LEN code points. */
int suggest_distance(const char *a, const char *b, bool fold_case);

/* The edits allowed for a word of len code points to count as a typo: none
 * below 3 (any two-letter word is one or two edits from many others), then
 * one per three code points, rounded to the nearest. */
int suggest_max_edits(int len);

/* The candidate (of the NULL-terminated list) closest to word, ignoring ASCII
 * case, if within suggest_max_edits of word's length and not word itself;
 * else NULL. On a tie the first in list order wins, so lists give the likelier
 * words first. */
const char *suggest_closest(const char *word, const char *const *candidates);

#endif
