/* zb-import-private.h — reading one record of an import: shared by the
 * importer and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/resource.h>

#include "zb-importer.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* Everything the checks of one record need, taken from the importer when a run
 * starts, so that a worker thread never touches the (main-thread) mapping. */
typedef struct
{
  ZbSheet *sheet;
  int columns[ZB_IMPORT_N_FIELDS];  /* column of each field, -1 when unmapped */
  char *titles[ZB_IMPORT_N_FIELDS]; /* the file's header of each mapped field */
  guint first_data_row;
  gboolean date1904;
  GDate today;
  gint64 default_branch;
  ZbOrgRepo *org;
  GHashTable *branches;   /* name → gint64 id (0: none), a cache */
  GHashTable *groups;     /* "branch-id/name" → gint64 id */
  GHashTable *unit_names; /* gint64 id → name, for previews */
  /* While the checks run beside the writes (zb-import-pipeline.c): held for
   * every use of the database connection, which both threads share. NULL
   * otherwise. */
  GMutex *db_lock;
} ZbImportContext;

ZbImportContext *_zb_import_context_new (ZbImportMapping *mapping, ZbOrgRepo *org,
                                         gint64 default_branch);
void _zb_import_context_free (ZbImportContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbImportContext, _zb_import_context_free)

/* Whether every mapped cell of sheet row @row is empty: such rows are not
 * records. */
gboolean _zb_import_row_is_blank (ZbImportContext *ctx, guint row);

/* Reads sheet row @row as record number @record: converts each cell, then
 * normalises and checks the record with the rules (zb_member_normalize,
 * zb_member_validate). Appends ZbImportProblem to @problems. Returns the
 * record; NULL only on a database error (branch or group lookup). Duplicates
 * are for the caller. */
ZbMemberRecord *_zb_import_read_record (ZbImportContext *ctx, guint row, guint record,
                                        GPtrArray *problems, GError **error);

/* A problem of @field (its column and title from @ctx). @sentence is the
 * translated explanation. */
ZbImportProblem *_zb_import_problem_new (ZbImportContext *ctx, guint record, guint row,
                                         ZbImportField field, const char *code,
                                         const char *sentence);

/* The name of branch or group @id, or NULL. */
const char *_zb_import_context_unit_name (ZbImportContext *ctx, gint64 id);

/* zb-importer.c ---------------------------------------------------------------- */

ZbImportReport *_zb_import_report_new (void);

/* The progress of a run: @func called at most every 1 %, and at the end.
 *
 * An import that writes shows its rows up to ZB_IMPORT_PROGRESS_ROWS, the
 * indexes built again after them at ZB_IMPORT_PROGRESS_INDEXES, and 1 only
 * once committed: at 100,000 members the rows take some 1.4 s, the indexes
 * 0.9 s and the commit 0.7 s (ten times that at a million), and a bar that
 * stands full meanwhile looks like a program that hangs. */
#define ZB_IMPORT_PROGRESS_ROWS 0.6
#define ZB_IMPORT_PROGRESS_INDEXES 0.85

typedef struct
{
  ZbImportProgressFunc func;
  gpointer data;
  double last;
} ZbImportProgress;

void _zb_import_progress_report (ZbImportProgress *progress, double fraction);

/* Duplicate ID numbers, within the file and against the roster. */
typedef struct
{
  GHashTable *seen;        /* id number → GUINT record number of its first record */
  GHashTable *flagged;     /* GUINT record numbers reported as duplicates already */
  GHashTable *rows;        /* GUINT record number → GUINT file row */
  gboolean roster_has_ids; /* some active member has an ID number */
  ZbMemberRepo *repo;      /* the roster looked up (not a reference) */
  GHashTable *roster;      /* ID numbers of the active members, once read */
} ZbImportDuplicates;

gboolean _zb_import_duplicates_init (ZbMemberRepo *repo, ZbImportDuplicates *check, GError **error);
/* Reads the ID numbers of the active roster at once, for a big file. */
gboolean _zb_import_duplicates_load_roster (ZbImportDuplicates *check, GError **error);
void _zb_import_duplicates_clear (ZbImportDuplicates *check);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZbImportDuplicates, _zb_import_duplicates_clear)

/* Reports @record when its ID number is in the file already (both records are
 * reported) or on the roster (looked up under ctx->db_lock when set). */
gboolean _zb_import_check_duplicates (ZbImportContext *ctx, ZbImportDuplicates *check,
                                      const ZbMemberRecord *record, guint record_number, guint row,
                                      GPtrArray *problems, GError **error);

/* The audit row's JSON of a written import. */
char *_zb_import_audit_json (const char *file_name, const char *uuid, const ZbImportReport *report);

/* Timing of the phases, for G_MESSAGES_DEBUG=zhibu-exchange: the wall clock and
 * the processor time of the calling thread (on a machine busy with other work
 * the second says where the time goes). */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} ZbImportClock;

static inline void
_zb_import_clock_start (ZbImportClock *clock)
{
  struct rusage usage = { 0 };

#ifdef RUSAGE_THREAD
  getrusage (RUSAGE_THREAD, &usage);
#else
  getrusage (RUSAGE_SELF, &usage);
#endif
  clock->wall = g_get_monotonic_time ();
  clock->cpu = (gint64)usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec
               + (gint64)usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* Logs the time since @clock was started, and starts it again. */
static inline void
_zb_import_clock_lap (ZbImportClock *clock, const char *what)
{
  ZbImportClock now;

  _zb_import_clock_start (&now);
  g_debug ("import: %s in %.0f ms (%.0f ms of processor time)", what,
           (now.wall - clock->wall) / 1000.0, (now.cpu - clock->cpu) / 1000.0);
  *clock = now;
}

/* zb-import-pipeline.c --------------------------------------------------------- */

/* Checks every record of @ctx's sheet and, unless @flags say a dry run, writes
 * those without problems as one import batch, inside the caller's transaction
 * (which the caller commits when *@write is TRUE, and rolls back otherwise).
 * Returns NULL with @error on a database error or cancellation. */
ZbImportReport *_zb_import_check_and_write (ZbImportContext *ctx, ZbMemberRepo *repo,
                                            const char *file_name, ZbImportFlags flags,
                                            GCancellable *cancellable, ZbImportProgress *progress,
                                            gboolean *write, GError **error);

G_END_DECLS
