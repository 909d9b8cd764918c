/* zb-xlsx-private.h — the XML parts of an XLSX file, parsed one by one (for the
 * reader and for the fuzz targets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-sheet-private.h"

G_BEGIN_DECLS

/* One <Relationship> of a .rels part. */
typedef struct
{
  char *id;
  char *type; /* the last segment of the Type URI, e.g. "worksheet" */
  char *target;
} ZbXlsxRel;

void _zb_xlsx_rel_free (ZbXlsxRel *rel);

/* Each parser takes a whole part. Returns FALSE with ZB_EXCHANGE_ERROR_DAMAGED
 * when the XML is broken. */

/* A GPtrArray of ZbXlsxRel. */
GPtrArray *_zb_xlsx_parse_rels (const char *xml, gsize length, GError **error);

/* The relationship id of the first visible sheet (or of the first sheet when
 * all are hidden), and whether the workbook counts dates from 1904. */
gboolean _zb_xlsx_parse_workbook (const char *xml, gsize length, char **sheet_rel_id,
                                  gboolean *date1904, GError **error);

/* For each cell format (the s="…" index of a cell), whether it shows a date: a
 * GArray of gboolean. */
GArray *_zb_xlsx_parse_styles (const char *xml, gsize length, GError **error);

/* Whether a number format code shows a date (y, m or d outside quotes,
 * brackets and escapes; m with h or s is minutes). */
gboolean _zb_xlsx_format_is_date (const char *format_code);
gboolean _zb_xlsx_builtin_format_is_date (guint num_fmt_id);

/* Text with Excel's _xHHHH_ escapes (control characters, and _x005F_ for a
 * literal underscore) decoded, in place. */
void _zb_xlsx_decode_escapes (GString *text);

/* Streaming parsers: fed the part's bytes chunk by chunk. */
typedef struct _ZbXlsxParser ZbXlsxParser;

/* Shared strings are interned into @sheet; their texts are appended to @strings
 * (pointers into the sheet's store). */
ZbXlsxParser *_zb_xlsx_shared_strings_parser_new (ZbSheet *sheet, GPtrArray *strings);
/* Cells go into @sheet. @strings and @date_styles may be empty. */
ZbXlsxParser *_zb_xlsx_sheet_parser_new (ZbSheet *sheet, GPtrArray *strings, GArray *date_styles,
                                         gboolean date1904, GCancellable *cancellable);
gboolean _zb_xlsx_parser_feed (ZbXlsxParser *parser, const char *data, gsize length,
                               GError **error);
gboolean _zb_xlsx_parser_finish (ZbXlsxParser *parser, GError **error);
void _zb_xlsx_parser_free (ZbXlsxParser *parser);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbXlsxParser, _zb_xlsx_parser_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbXlsxRel, _zb_xlsx_rel_free)

G_END_DECLS
