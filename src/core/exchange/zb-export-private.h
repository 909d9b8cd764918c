/* zb-export-private.h — the file writers behind zb_export_members()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <xlsxwriter.h>

#include "zb-exporter.h"

G_BEGIN_DECLS

typedef enum
{
  ZB_EXPORT_CELL_TEXT,
  ZB_EXPORT_CELL_DIGITS, /* digits that must stay text: ID and phone numbers */
  ZB_EXPORT_CELL_DATE,   /* "YYYY-MM-DD" */
} ZbExportCellKind;

typedef struct
{
  ZbImportField field;
  ZbExportCellKind kind;
  double width; /* in characters, for XLSX */
} ZbExportColumn;

/* The columns in file order. */
const ZbExportColumn *_zb_export_get_columns (guint *n_columns);

typedef struct _ZbExportWriter ZbExportWriter;

typedef struct
{
  /* @values has one entry per column (NULL: empty); the first row written is
   * the header, all text. */
  gboolean (*write_row) (ZbExportWriter *writer, const char *const *values, GError **error);
  /* Completes the file and flushes it to disk. */
  gboolean (*finish) (ZbExportWriter *writer, GError **error);
  void (*free) (ZbExportWriter *writer);
} ZbExportWriterClass;

struct _ZbExportWriter
{
  const ZbExportWriterClass *klass;
  char *path; /* the temporary file written */
  guint row;
};

/* Writers into @path, a file created (empty) by the caller. */
ZbExportWriter *_zb_export_csv_writer_new (const char *path, GError **error);
ZbExportWriter *_zb_export_xlsx_writer_new (const char *path, GError **error);

/* Wraps a system error about the export file @path into a sentence. */
void _zb_export_set_io_error (GError **error, const char *path, const char *reason);
/* A new empty file beside @path, so that the final rename stays within one
 * filesystem; created 0600, for exports hold personal data. */
char *_zb_export_create_temp_beside (const char *path, GError **error);
/* Appends the audit row of an export of @entity (@audit_json, its details),
 * then renames @temp, the complete file, to @path: the row comes before the
 * file takes its name, so there is no export without its row. */
gboolean _zb_export_record_and_rename (ZbDatabase *db, const char *entity, const char *audit_json,
                                       const char *temp, const char *path, GError **error);

/* The pieces of CSV the roster's and the talks' writers share
 * (zb-export-csv.c). */

/* Creates @path and writes the UTF-8 BOM. */
FILE *_zb_export_csv_open (const char *path, GError **error);
/* Appends @text as one field to @line, quoted where needed. Outside the
 * header, text a spreadsheet would run as a formula (CSV injection), and
 * ZB_EXPORT_CELL_DIGITS it would turn into a number, is written as ="…", or
 * after a space when too long for a formula. */
void _zb_export_csv_append_field (GString *line, const char *text, ZbExportCellKind kind,
                                  gboolean header);
/* Flushes *@file to disk and closes it (*@file is then NULL). */
gboolean _zb_export_csv_close (FILE **file, const char *path, GError **error);

/* The pieces of XLSX they share (zb-export-xlsx.c). */

/* "YYYY-MM-DD" into @dt (no time of day). */
gboolean _zb_export_xlsx_parse_date (const char *text, lxw_datetime *dt);
/* Flushes @path, a workbook libxlsxwriter has closed, to disk: it closes
 * without fsync, and a rename after a crash could leave an empty file under
 * the final name. */
gboolean _zb_export_sync_file (const char *path, GError **error);

G_END_DECLS
