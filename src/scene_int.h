/* scene_int.h: the display list behind struct scene, shared by scene.c and its
 * back ends (scene_cairo.c, scene_pdf.c) only; charts use scene.h. */
#ifndef SLAREPORT_SCENE_INT_H
#define SLAREPORT_SCENE_INT_H

#include "scene.h"

enum scene_op_kind { SCENE_OP_PATH, SCENE_OP_TEXT };
enum scene_seg_kind { SCENE_SEG_MOVE, SCENE_SEG_LINE, SCENE_SEG_CIRCLE, SCENE_SEG_CLOSE };

struct scene_seg {
	enum scene_seg_kind kind;
	double x, y, r;
};

struct scene_op {
	enum scene_op_kind kind;
	struct scene_paint paint;	/* paths */
	size_t first_seg, nseg;		/* paths: into scene_segs() */
	double x, y;			/* text: left end of the baseline */
	double size, width;		/* text */
	enum font_face face;
	uint32_t color;
	char *text;
};

size_t scene_op_count(const struct scene *s);
const struct scene_op *scene_op_at(const struct scene *s, size_t i);
const struct scene_seg *scene_segs(const struct scene *s);

#endif
