/* zb-print-log.h — document numbers, and a record of every print and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-database.h"
#include "zb-document.h"

G_BEGIN_DECLS

#define ZB_TYPE_PRINT_LOG (zb_print_log_get_type ())

G_DECLARE_FINAL_TYPE (ZbPrintLog, zb_print_log, ZB, PRINT_LOG, GObject)

#define ZB_PRINT_LOG_ERROR (zb_print_log_error_quark ())

typedef enum
{
  ZB_PRINT_LOG_ERROR_FAILED,
  ZB_PRINT_LOG_ERROR_NUMBER_TAKEN, /* another print took the number meanwhile */
  ZB_PRINT_LOG_ERROR_NO_NUMBER,    /* the document carries no number */
} ZbPrintLogError;

typedef enum
{
  ZB_PRINT_DESTINATION_PDF,     /* exported as a PDF file */
  ZB_PRINT_DESTINATION_PRINTER, /* sent to a printer */
} ZbPrintDestination;

typedef enum
{
  ZB_PRINT_VERIFY_MATCHES,        /* the number was printed with this content hash */
  ZB_PRINT_VERIFY_UNKNOWN_NUMBER, /* this workspace never printed the number */
  ZB_PRINT_VERIFY_HASH_DIFFERS,   /* the number was printed with other content */
} ZbPrintVerifyResult;

/* One row of the print log. */
typedef struct
{
  char *uuid;
  char *number; /* ZB-2026-000123 */
  char *kind;   /* what was printed, e.g. "roster" */
  char *title;
  char *content_hash;
  guint pages;
  char *printed_at; /* ISO-8601 UTC */
  char *actor;
  ZbPrintDestination destination;
} ZbPrintRecord;

GQuark zb_print_log_error_quark (void);

void zb_print_record_free (ZbPrintRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbPrintRecord, zb_print_record_free)

/* The print log of @db's workspace. Use it on the thread that uses @db. */
ZbPrintLog *zb_print_log_new (ZbDatabase *db);

/* The number the next print of the year of @date (NULL: now, local time) will
 * carry: "ZB-<year>-" and six digits, one more than the highest recorded that
 * year. It is not reserved: zb_print_log_record() takes it. */
char *zb_print_log_dup_next_number (ZbPrintLog *self, GDateTime *date, GError **error);

/* Gives @document the next number of the year of its print date. */
gboolean zb_print_log_number_document (ZbPrintLog *self, ZbDocument *document, GError **error);

/* Gives the documents of @documents (a GPtrArray of ZbDocument: a batch,
 * one sheet per member) consecutive numbers from the next one of the year of
 * the first one's print date. */
gboolean zb_print_log_number_documents (ZbPrintLog *self, GPtrArray *documents, GError **error);

/* Records that @document (with its number, title and content hash) was printed
 * or exported: one row in print_record and one audit row ("print" or
 * "export", entity "print_record"), in one transaction. @kind says what the
 * document is (e.g. "roster"). Fails with ZB_PRINT_LOG_ERROR_NUMBER_TAKEN when
 * the number was used by another print meanwhile. */
gboolean zb_print_log_record (ZbPrintLog *self, ZbDocument *document, const char *kind,
                              guint n_pages, ZbPrintDestination destination, GError **error);

/* The same, for a document that carries a fixed number of its own (the
 * recovery sheet, "ZB-KEY-…"), which stays the same however often it is
 * printed: the row of print_record with that number is written or, from the
 * second print on, updated to the last print (kind, title, content hash,
 * pages, time), so that zb_print_log_verify() knows the number. Nothing else
 * of the document is kept: the content hash leaves out a recovery key. The
 * audit row (entity @kind, record the workspace) holds the number and hash. */
gboolean zb_print_log_record_fixed (ZbPrintLog *self, ZbDocument *document, const char *kind,
                                    guint n_pages, ZbPrintDestination destination, GError **error);

/* Says whether a paper copy with @number and @hash (64 hex digits, any case)
 * is what this workspace printed. On success *result is set, and *record
 * (when not NULL) to the row of @number, or NULL when it is unknown. */
gboolean zb_print_log_verify (ZbPrintLog *self, const char *number, const char *hash,
                              ZbPrintVerifyResult *result, ZbPrintRecord **record, GError **error);

/* The rows of the print log, newest first, at most @limit (0: all): a
 * GPtrArray of ZbPrintRecord. */
GPtrArray *zb_print_log_list (ZbPrintLog *self, guint limit, GError **error);

/* Splits what a QR scanner reads off a printed page, "ZB1|<number>|<hash>",
 * into its number and hash. White space around the parts is ignored. */
gboolean zb_print_parse_verification_text (const char *text, char **number, char **hash);

const char *zb_print_destination_to_string (ZbPrintDestination destination);

G_END_DECLS
