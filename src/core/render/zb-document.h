/* zb-document.h — a printable document as a small tree of blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "zb-page-setup.h"
#include "zb-table.h"

G_BEGIN_DECLS

#define ZB_TYPE_DOCUMENT (zb_document_get_type ())

G_DECLARE_FINAL_TYPE (ZbDocument, zb_document, ZB, DOCUMENT, GObject)

/* The footer marking every printed document carries. Official text is Chinese
 * whatever the language of the interface, so it is not translated. */
#define ZB_DOCUMENT_DEFAULT_MARKING "内部资料 注意保管"

/* Prefix of the text of the verification QR code: ZB1|<number>|<content hash>. */
#define ZB_DOCUMENT_VERIFICATION_PREFIX "ZB1"

typedef enum
{
  ZB_TEXT_TITLE,      /* 小标宋, centred */
  ZB_TEXT_SUBTITLE,   /* 楷体, centred */
  ZB_TEXT_HEADING,    /* 黑体: 一、… */
  ZB_TEXT_SUBHEADING, /* 楷体: （一）… */
  ZB_TEXT_BODY,       /* 仿宋, justified, first line indented two characters */
  ZB_TEXT_PLAIN,      /* 仿宋, no indent */
  ZB_TEXT_CLOSING,    /* 仿宋, right-aligned: the sender and date at the end */
  ZB_TEXT_NOTE,       /* smaller 仿宋 (四号 in 公文): 说明, instructions */
  ZB_TEXT_CODE,       /* a command, monospaced, broken only at spaces */
} ZbTextStyle;

ZbDocument *zb_document_new (ZbPageSetup setup);
ZbPageSetup zb_document_get_page_setup (ZbDocument *self);

/* The document number printed in the footer and in the QR code, e.g.
 * "ZB-2026-000123". Required for zb_renderer_render_to_pdf(). */
const char *zb_document_get_number (ZbDocument *self);
void zb_document_set_number (ZbDocument *self, const char *number);
/* The PDF title and the running header. */
const char *zb_document_get_title (ZbDocument *self);
void zb_document_set_title (ZbDocument *self, const char *title);
const char *zb_document_get_org_name (ZbDocument *self);
void zb_document_set_org_name (ZbDocument *self, const char *org_name);
const char *zb_document_get_marking (ZbDocument *self);
void zb_document_set_marking (ZbDocument *self, const char *marking);
/* When set, each page number reads "第 n 页 共 N 页" instead of "— n —": a
 * record kept on paper (会议记录) shows that no page is missing. Layout
 * only: not part of the content hash. */
gboolean zb_document_get_page_count_shown (ZbDocument *self);
void zb_document_set_page_count_shown (ZbDocument *self, gboolean shown);
/* Defaults to the time the document was made. */
GDateTime *zb_document_get_print_date (ZbDocument *self);
void zb_document_set_print_date (ZbDocument *self, GDateTime *date);

void zb_document_add_text (ZbDocument *self, ZbTextStyle style, const char *text);
void zb_document_add_title (ZbDocument *self, const char *text);
void zb_document_add_subtitle (ZbDocument *self, const char *text);
void zb_document_add_heading (ZbDocument *self, const char *text);
void zb_document_add_paragraph (ZbDocument *self, const char *text);

/* Labelled fields ("单位名称：…"), labels aligned. Consecutive calls of
 * zb_document_add_field() add to one block; zb_document_add_fields() makes a
 * block of @columns fields a line from a NULL-terminated label, value, … list. */
void zb_document_add_field (ZbDocument *self, const char *label, const char *value);
void zb_document_add_fields (ZbDocument *self, guint columns, const char *const *labels_and_values);

/* The table is shared, not copied: do not change it after adding it. */
void zb_document_add_table (ZbDocument *self, ZbTable *table);

/* Signature lines at the right ("主持人（签字）：______"), followed by a date
 * line: @date, or blank "年　月　日" to be written in when NULL. */
void zb_document_add_signatures (ZbDocument *self, const char *const *labels, const char *date);

void zb_document_add_spacer (ZbDocument *self, double lines);
void zb_document_add_page_break (ZbDocument *self);

/* A QR code of @data, @size_mm wide, centred. */
void zb_document_add_qr_code (ZbDocument *self, const char *data, double size_mm);

/* A recovery key: @grouped ("1A2B 3C4D …") in a grid of large characters with a
 * QR code of the digits beside it. Its text is left out of the content hash and
 * wiped from memory when the document is freed. */
void zb_document_add_secret_key (ZbDocument *self, const char *grouped);

/* SHA-256 (lower-case hex) of the document's content: the metadata title and
 * organisation, and the text of every block in order, with their kinds and
 * table structure. The number, the print date, the marking and layout-only
 * blocks (spacers, page breaks) are not part of it, so that the same content
 * printed again hashes the same. */
char *zb_document_dup_content_hash (ZbDocument *self);
/* "ZB1|<number>|<content hash>": the text of the footer QR code. */
char *zb_document_dup_verification_text (ZbDocument *self);

G_END_DECLS
