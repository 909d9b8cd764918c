/* zb-exporter.h — the roster as a CSV or XLSX file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-importer.h"
#include "zb-member-repo.h"

G_BEGIN_DECLS

typedef enum
{
  /* UTF-8 with a BOM (so that Excel does not read it as GBK), CRLF line ends.
   * ID and phone numbers, and text that a spreadsheet would take for a formula
   * (=, +, -, @ first), are written as ="…": Excel and WPS then keep them as
   * the exact text instead of a rounded number (110105194912310021 would
   * become 1.10105E+17), and LibreOffice evaluates the formula to the same
   * text when it opens the file. zb_csv_read_*() reads ="…" back as the text. */
  ZB_EXPORT_CSV,
  /* One sheet written by libxlsxwriter: text cells for ID and phone numbers
   * (in text-formatted columns, so that numbers typed in later stay text too),
   * date cells (yyyy-mm-dd) for dates, a bold header row that stays in view,
   * and column widths that fit. */
  ZB_EXPORT_XLSX,
} ZbExportFormat;

/* "csv", "xlsx". */
const char *zb_export_format_to_string (ZbExportFormat format);
gboolean zb_export_format_from_string (const char *text, ZbExportFormat *format);

/* Writes the members @query selects (NULL: the active roster in stroke order),
 * with the columns import reads (zb_import_field_get_header), into a temporary
 * file beside @path that is renamed over @path only when complete; and appends
 * an audit row ("export", "member"). *n_members (may be NULL) is set.
 * @progress is called in the calling thread. */
gboolean zb_export_members (ZbMemberRepo *repo, const ZbMemberQuery *query, ZbExportFormat format,
                            const char *path, GCancellable *cancellable,
                            ZbImportProgressFunc progress, gpointer progress_data, guint *n_members,
                            GError **error);

/* The same on a worker thread (the database connection is used from there);
 * @progress is called on the caller's thread-default main context. */
void zb_export_members_async (ZbMemberRepo *repo, const ZbMemberQuery *query, ZbExportFormat format,
                              const char *path, GCancellable *cancellable,
                              ZbImportProgressFunc progress, gpointer progress_data,
                              GDestroyNotify progress_destroy, GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean zb_export_members_finish (GAsyncResult *result, guint *n_members, GError **error);

G_END_DECLS
