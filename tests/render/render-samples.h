/* render-samples.h — sample documents and PDF helpers for the renderer's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "zb-document.h"
#include "zb-recovery-sheet.h"
#include "zb-renderer.h"

G_BEGIN_DECLS

/* poppler-glib 22.12 (Debian 12) has no autoptr cleanups of its own; these
 * aliases cannot clash with those of a newer one. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

/* A fixed key, so that sample sheets look the same on every run. */
#define SAMPLE_KEY_HEX "3f9a2c7e51b04d8896e1a0c4f27b5d3e0a6c91f4b82d7e5c3019a8f6b4e2d7c1"
#define SAMPLE_UUID "5c2f8e1a-3b7d-4e96-a0c1-7d4f2b9e6a38"
#define SAMPLE_ORG "中共某某街道第一社区支部委员会"

GDateTime *sample_date (void);
ZbSecret *sample_key (void);

/* 名册: @n_rows fake members (unique three-character names, returned in
 * @names when not NULL); every seventh row has a long 备注 that wraps. */
ZbDocument *sample_register (guint n_rows, GPtrArray **names);
/* A one-page 支部委员会会议记录 form with merged cells. */
ZbDocument *sample_meeting_form (void);
/* A multi-page 公文-style 支部大会决议 of @n_paragraphs paragraphs. */
ZbDocument *sample_resolution (guint n_paragraphs);
/* Paragraph @i of sample_resolution(). */
char *sample_paragraph (guint i);
/* The long 备注 of register row @i, or NULL. */
char *sample_remark (guint i);
/* An 18-digit 公民身份号码 with a correct check digit, for row @i. */
char *sample_id_number (guint i);

GBytes *render_pdf (ZbDocument *doc);
PopplerDocument *load_pdf (GBytes *pdf);
/* The text of a page (or all pages when @page < 0) with all white space removed:
 * poppler returns U+3000 and wrapped lines as spaces or newlines. */
char *pdf_text_compact (PopplerDocument *pdf, int page);
char *compact (const char *text);
/* The same of the text areas of all pages, without headers and footers. */
char *pdf_body_text_compact (PopplerDocument *pdf, ZbPageSetup setup);
guint count_occurrences (const char *haystack, const char *needle);
/* Renders @page at @dpi on white. */
cairo_surface_t *render_page_image (PopplerDocument *pdf, int page, double dpi);

G_END_DECLS
