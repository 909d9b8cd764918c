/* zb-importer.h — importing a roster from a file as one undoable batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-import-mapping.h"
#include "zb-member-repo.h"
#include "zb-sheet.h"

G_BEGIN_DECLS

/* One problem of one record. Codes are stable strings: the rules' codes
 * (zb-rule-code.h: id-length, id-format, id-checksum, id-birthdate,
 * duplicate-id, name-missing, gender-contradicts-id, birthdate-contradicts-id,
 * date-format, date-in-future, date-order, ethnicity-invalid,
 * education-invalid, phone-format) and the importer's own:
 *  - gender-invalid: a gender other than 男/女;
 *  - category-invalid: a 人员类别 other than 正式党员/预备党员;
 *  - branch-unknown, group-unknown: no such 党支部/党小组 in the workspace;
 *  - cell-error: the cell holds a formula error such as #N/A.
 * An ID number that Excel stored as a number (1.10105194912312E+17, or any
 * number of 15 or more digits) is id-format, with a message saying so: its
 * last digits are lost and are never guessed. */
typedef struct
{
  guint record; /* the data record, from 1; the header is not counted */
  guint row;    /* where it is in the file: the spreadsheet row or CSV line */
  int column;   /* from 0; -1 when no single column is at fault */
  char *field;  /* a ZbImportField string, or NULL */
  char *code;
  char *message; /* translated, names the column */
} ZbImportProblem;

void zb_import_problem_free (ZbImportProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbImportProblem, zb_import_problem_free)

#define ZB_TYPE_IMPORT_REPORT (zb_import_report_get_type ())

/* The outcome of an import (or of a dry run). */
typedef struct
{
  guint n_records;     /* data records read (blank rows are not records) */
  guint n_valid;       /* records without problems */
  guint n_written;     /* members written: 0 unless the import was written */
  guint n_rejected;    /* records with at least one problem */
  GPtrArray *problems; /* ZbImportProblem, by record then column */
  char *batch_uuid;    /* the import batch, when written */
} ZbImportReport;

GType zb_import_report_get_type (void) G_GNUC_CONST;
ZbImportReport *zb_import_report_copy (const ZbImportReport *report);
void zb_import_report_free (ZbImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbImportReport, zb_import_report_free)

typedef enum
{
  ZB_IMPORT_DEFAULT = 0,
  /* Check every record and report, but write nothing. */
  ZB_IMPORT_DRY_RUN = 1 << 0,
  /* Write the records without problems even when others have some ("import the
   * valid records"). Without it a file with any problem writes nothing. */
  ZB_IMPORT_ACCEPT_VALID = 1 << 1,
} ZbImportFlags;

/* Called on the main context of the caller of zb_importer_run_async() (or in
 * the calling thread for zb_importer_run()), with @fraction from 0 to 1. */
typedef void (*ZbImportProgressFunc) (double fraction, gpointer user_data);

/* One row as it will be read, for the preview. */
typedef struct
{
  guint record;
  guint row;                        /* in the file, for people */
  char *values[ZB_IMPORT_N_FIELDS]; /* display text of each field, NULL when empty */
  GPtrArray *problems;              /* ZbImportProblem */
  guint sheet_row;                  /* index for zb_sheet_get_cell(): blank rows are no
                                       records, so it is not first data row + record - 1 */
} ZbImportPreviewRow;

void zb_import_preview_row_free (ZbImportPreviewRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbImportPreviewRow, zb_import_preview_row_free)

#define ZB_TYPE_IMPORTER (zb_importer_get_type ())

G_DECLARE_FINAL_TYPE (ZbImporter, zb_importer, ZB, IMPORTER, GObject)

/* An import of @sheet (read from a file called @file_name, recorded with the
 * batch) into the roster of @repo. */
ZbImporter *zb_importer_new (ZbMemberRepo *repo, ZbSheet *sheet, const char *file_name);
ZbImportMapping *zb_importer_get_mapping (ZbImporter *self);

/* The 党支部 (org_unit id) members go into when the file has no branch column
 * or leaves it empty; 0 (the default) for none. */
void zb_importer_set_branch (ZbImporter *self, gint64 branch_id);
gint64 zb_importer_get_branch (ZbImporter *self);

/* The first @max_records records as they will be read with the current mapping,
 * each with its problems (duplicates within the file are only seen among
 * these): a GPtrArray of ZbImportPreviewRow. */
GPtrArray *zb_importer_preview (ZbImporter *self, guint max_records, GError **error);

/* Checks every record (rules, and duplicate ID numbers within the file and
 * against the active roster), then — unless DRY_RUN, and only when no record
 * has a problem or ACCEPT_VALID is set — writes them in one transaction with
 * one import_batch row and one audit row. All or nothing: on any failure or
 * cancellation nothing is written. Problems of records are in the report, not
 * errors. Errors: the mapping has no name column (ZB_EXCHANGE_ERROR_NO_HEADER),
 * database errors, G_IO_ERROR_CANCELLED.
 *
 * The database connection is used from the calling thread (the worker thread
 * for _async): do not use the same ZbDatabase from another thread meanwhile. */
ZbImportReport *zb_importer_run (ZbImporter *self, ZbImportFlags flags, GCancellable *cancellable,
                                 ZbImportProgressFunc progress, gpointer progress_data,
                                 GError **error);
/* The same on a worker thread; @progress is called on the caller's thread-default
 * main context. The repository's "changed" is emitted there too, before
 * @callback. */
void zb_importer_run_async (ZbImporter *self, ZbImportFlags flags, GCancellable *cancellable,
                            ZbImportProgressFunc progress, gpointer progress_data,
                            GDestroyNotify progress_destroy, GAsyncReadyCallback callback,
                            gpointer user_data);
ZbImportReport *zb_importer_run_finish (ZbImporter *self, GAsyncResult *result, GError **error);

G_END_DECLS
