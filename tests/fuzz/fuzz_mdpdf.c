/* fuzz_mdpdf.c: Markdown bytes → cmark-gfm → PDF blocks → line and page
 * breaking → the libharu device: the whole print path of an agreement body. */
#include "fuzz.h"
#include <cmark-gfm.h>
#include "layout.h"
#include "markdown.h"
#include "model.h"
#include "pdf_dev.h"
#include "pdf_md.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why = NULL;
	struct pdf_dev *dev;
	struct lay_flow *f;
	struct lay_result r = {0};
	struct lay_geom g;
	struct pdf_md_opts o = {0};
	cmark_node *doc;
	char *pdf;
	size_t len;

	/* The agreement limit (frontmatter.h): bigger bodies never get here. */
	if (size > 128 * 1024)
		return 0;
	if ((dev = pdf_dev_new(PAGE_A4, "fuzz", NULL, &why)) == NULL)
		abort();
	f = lay_flow_new();
	doc = markdown_parse((const char *)data, size);
	o.outline_max = 3;
	pdf_md_render(f, doc, &o);
	cmark_node_free(doc);
	pdf_dev_geom(dev, &g);
	layout_run(f, pdf_dev_measure(dev), &g, &r);
	if (pdf_dev_draw(dev, &r, NULL) == 0 && pdf_dev_save(dev, &pdf, &len) == 0)
		free(pdf);
	lay_result_free(&r);
	lay_flow_free(f);
	pdf_dev_free(dev);
	return 0;
}
