/* zb-xlsx-reader.h — reading the first sheet of an Office Open XML workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-sheet.h"

G_BEGIN_DECLS

/* Limits against zip bombs and absurd files, in uncompressed bytes. */
#define ZB_XLSX_MAX_FILE_BYTES ((gsize)256 * 1024 * 1024)
#define ZB_XLSX_MAX_SHEET_BYTES ((gsize)1024 * 1024 * 1024)
#define ZB_XLSX_MAX_PART_BYTES ((gsize)256 * 1024 * 1024)      /* shared strings */
#define ZB_XLSX_MAX_SMALL_PART_BYTES ((gsize)16 * 1024 * 1024) /* workbook, rels, styles */

/* Reads the first visible worksheet: shared strings (rich text runs joined,
 * phonetic runs left out), inline strings, numbers (the text as the file wrote
 * it is kept beside the value, so that a number that was an ID number can be
 * recognised), date cells by their number format (built-in and custom formats
 * with y/m/d; 1900 and 1904 date systems), booleans, errors and formula
 * results. Formulas themselves are not evaluated. */
ZbSheet *zb_xlsx_read_file (const char *path, GCancellable *cancellable, GError **error);
ZbSheet *zb_xlsx_read_data (const char *data, gsize length, GCancellable *cancellable,
                            GError **error);

G_END_DECLS
