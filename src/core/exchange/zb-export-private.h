/* zb-export-private.h — the file writers behind zb_export_members()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
