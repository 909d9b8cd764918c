/* zb-csv-reader.h — reading CSV as Excel, WPS and LibreOffice write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-sheet.h"

G_BEGIN_DECLS

/* Larger CSV files are refused (ZB_EXCHANGE_ERROR_TOO_LARGE). */
#define ZB_CSV_MAX_BYTES ((gsize)256 * 1024 * 1024)

/* Reads CSV text:
 *  - encoding: UTF-8 with or without BOM, UTF-16 with BOM ("Unicode text"), or
 *    else GB18030 (a superset of GBK and GB2312, what Excel and WPS write on
 *    Chinese Windows) — valid UTF-8 is taken as UTF-8;
 *  - separator: an Excel "sep=;" first line, or whichever of comma, semicolon
 *    and tab the header line has most of;
 *  - RFC 4180 quoting ("" inside quotes, separators and line breaks inside
 *    quotes), CRLF, LF or CR line ends; a quote left open is an error;
 *  - a field written as ="…" (how Excel is told to keep digits as text) is
 *    read as the text inside.
 * Row numbers are the lines the records start on. */
ZbSheet *zb_csv_read_data (const char *data, gsize length, GCancellable *cancellable,
                           GError **error);
ZbSheet *zb_csv_read_file (const char *path, GCancellable *cancellable, GError **error);

/* The text of @data as UTF-8 (without a BOM), and the name of the encoding it
 * was in ("UTF-8", "UTF-16", "GB18030"). */
char *zb_csv_decode (const char *data, gsize length, const char **encoding, gsize *out_length,
                     GError **error);

G_END_DECLS
