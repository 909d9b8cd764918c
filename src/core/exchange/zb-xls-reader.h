/* zb-xls-reader.h — reading the first sheet of an Excel 97–2003 workbook (.xls)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-sheet.h"

G_BEGIN_DECLS

/* Larger than any roster; FreeXL holds the whole file in memory. */
#define ZB_XLS_MAX_FILE_BYTES ((gsize)256 * 1024 * 1024)

/* Reads the first worksheet with FreeXL: text (shared strings, in the
 * workbook's code page) as UTF-8, numbers with the text Excel would show (15
 * significant digits, so that a rounded ID number is recognised), date and
 * date-time cells by their formats as "YYYY-MM-DD" dates. Formulas are read as
 * their cached results. A password-protected, damaged or non-BIFF file is
 * refused with a message that says how to save it instead. */
ZbSheet *zb_xls_read_file (const char *path, GCancellable *cancellable, GError **error);

G_END_DECLS
