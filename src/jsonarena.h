/* jsonarena.h: a bump allocator behind cJSON while records stream (one record's tree at a time). */
#ifndef SLAREPORT_JSONARENA_H
#define SLAREPORT_JSONARENA_H

/* From begin to end, every cJSON allocation comes from one arena and cJSON's
 * frees do nothing; reset empties the arena, so no tree made before a reset
 * may be used after it. Nothing may keep a cJSON value across a reset or
 * past end. One stream at a time per thread; threads may stream at once, while
 * other threads use cJSON as usual. */
void jsonarena_begin(void);
void jsonarena_reset(void);
void jsonarena_end(void);

#endif
