/* zb-sheet-private.h — building a ZbSheet, for the readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-sheet.h"

G_BEGIN_DECLS

/* What one file may hold. Rows and columns are the limits of Excel itself; the
 * cell and text limits keep a hostile file from taking all memory (a roster of
 * 100,000 members with 20 columns has 2 million cells). */
#define ZB_SHEET_MAX_ROWS 1048576u
#define ZB_SHEET_MAX_COLUMNS 16384u
#define ZB_SHEET_MAX_CELLS (16u * 1024u * 1024u)
#define ZB_SHEET_MAX_TEXT_BYTES ((gsize)512 * 1024 * 1024)

ZbSheet *_zb_sheet_new (const char *format);
void _zb_sheet_set_csv_info (ZbSheet *self, const char *encoding, gunichar separator);

/* Copies @len bytes (-1: up to NUL) into the sheet's text store and returns the
 * stored, NUL-terminated copy; NULL when the store is full. Cells may point at
 * interned text (shared strings are interned once). */
const char *_zb_sheet_intern (ZbSheet *self, const char *text, gssize len);

/* Rows are added one at a time: begin, add cells, end. A row without cells is
 * dropped. Cells may come in any column order; the last one for a column wins. */
void _zb_sheet_begin_row (ZbSheet *self, guint row_number);
/* @text must come from _zb_sheet_intern() on this sheet. Fails with
 * ZB_EXCHANGE_ERROR_TOO_LARGE past a limit. */
gboolean _zb_sheet_add_cell (ZbSheet *self, guint column, ZbCellKind kind, const char *text,
                             double number, GError **error);
/* Interns @text and adds it as a text cell. */
gboolean _zb_sheet_add_text (ZbSheet *self, guint column, const char *text, gssize len,
                             GError **error);
gboolean _zb_sheet_end_row (ZbSheet *self, GError **error);

/* Whether date serials count from 1904 (old Mac workbooks) instead of 1900. */
void _zb_sheet_set_date1904 (ZbSheet *self, gboolean date1904);
gboolean _zb_sheet_get_date1904 (ZbSheet *self);

G_END_DECLS
