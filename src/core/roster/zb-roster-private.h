/* zb-roster-private.h — shared between the files of the roster repositories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "zb-database-private.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* The member columns every read selects, in this order (table alias m). */
#define ZB_MEMBER_COLUMNS                                                                          \
  "m.id, m.uuid, m.name, m.gender, m.ethnicity, m.id_number, m.birth_date, m.native_place,"        \
  " m.education, m.work_start_date, m.category, m.joined_date, m.full_date, m.branch_id,"          \
  " m.group_id, m.work_unit, m.phone, m.address, m.flowing, m.flow_destination,"                   \
  " m.flow_card_number, m.lost_contact, m.lost_contact_date, m.lost_contact_reason, m.standing,"   \
  " m.status, m.left_kind, m.left_date, m.remarks, m.created_at, m.updated_at"
#define ZB_MEMBER_N_COLUMNS 31

/* The keys of the member order and letter indexes (schemas 11 and 12,
 * zb-migrations.c), written as the indexes have them: SQLite uses an index on
 * an expression only for the same expression. A sort key read as TEXT orders
 * exactly as the BLOB (memcmp, then the length). The pinyin key begins with
 * the reading, whose first letter is the first of the initials: led by that
 * letter it orders as alone, and one index (member_letter_pinyin) serves the
 * pinyin order and the letters searched in it. */
#define ZB_MEMBER_STROKE_KEY "CAST (m.stroke_key AS TEXT)"
#define ZB_MEMBER_PINYIN_KEY "substr (m.name_initials, 1, 1) || CAST (m.pinyin_key AS TEXT)"
#define ZB_MEMBER_LETTER_STROKE_KEY "substr (m.name_initials, 1, 1) || " ZB_MEMBER_STROKE_KEY
#define ZB_MEMBER_LETTER_JOINED_KEY "substr (m.name_initials, 1, 1) || coalesce (m.joined_date, '')"

/* zb-member-repo-rows.c ---------------------------------------------------- */

/* NULL for a NULL string. Texts and bytes are bound without a copy: step the
 * statement before the value goes. */
void _zb_roster_bind_text (sqlite3_stmt *stmt, int index, const char *value);
/* 0 means unknown (or none) for codes and row ids: stored as NULL. */
void _zb_roster_bind_nonzero (sqlite3_stmt *stmt, int index, gint64 value);
void _zb_roster_bind_bytes (sqlite3_stmt *stmt, int index, GBytes *bytes);

/* The sort and search columns of a name (zb-member-repo.h). */
struct _ZbMemberNameKeys
{
  GBytes *stroke_key;
  GBytes *pinyin_key;
  char *pinyin;
  char *initials;
  char *tokens; /* the name's characters as search index tokens */
};

void _zb_name_keys_compute (ZbMemberNameKeys *keys, const char *name);
void _zb_name_keys_clear (ZbMemberNameKeys *keys);

/* The keys of @name: from the repository's cache while one is kept (bulk
 * writes, rebuilding keys), else computed into @scratch, which the caller
 * clears. The result is valid until the next call. */
const ZbMemberNameKeys *_zb_member_repo_name_keys (ZbMemberRepo *self, const char *name,
                                                   ZbMemberNameKeys *scratch);
/* zb-member-repo.c: starts (@cache) or ends a bulk write of the calling
 * thread keeping the keys of the names seen and its insert statement. */
void _zb_member_repo_cache_name_keys (ZbMemberRepo *self, gboolean cache);
/* The cache, when the calling thread keeps one. */
GHashTable *_zb_member_repo_get_name_keys_cache (ZbMemberRepo *self);

/* Reads the ZB_MEMBER_COLUMNS starting at column @first of the current row. */
ZbMemberRecord *_zb_member_record_from_row (sqlite3_stmt *stmt, int first);

/* zb-member.c: a ZbMember that takes ownership of its arguments. */
ZbMember *_zb_member_new_take (ZbMemberRecord *record, char *branch_name, char *group_name);

/* Today's local date. */
void _zb_roster_today (GDate *today);

/* The member row with @uuid, read inside the current transaction; NULL with
 * ZB_MEMBER_ERROR_NOT_FOUND when there is none. */
ZbMemberRecord *_zb_member_repo_load (ZbMemberRepo *self, const char *uuid, GError **error);

/* Adds (@active) or removes the member's rows in the search indexes of the
 * active roster (member_name_fts, member_digits_fts). The indexes keep no copy
 * of what they hold: to remove a member, @record must be the member as it was
 * indexed — its name, ID number and phone as they are stored — and must be in
 * them (an active member). @name_tokens: the name's tokens made already
 * (ZbMemberNameKeys), or NULL. */
gboolean _zb_member_repo_index (ZbMemberRepo *self, const ZbMemberRecord *record, gboolean active,
                                const char *name_tokens, GError **error);

/* The ID number is in use by another active member (not @except_id). */
gboolean _zb_member_repo_id_taken (ZbMemberRepo *self, const char *id_number, gint64 except_id,
                                   gboolean *taken, GError **error);

/* zb-org-repo.c: creates a unit (with its audit row) inside the caller's
 * transaction. */
ZbOrgUnit *_zb_org_repo_create_unit_in_transaction (ZbOrgRepo *self, ZbOrgUnitKind kind,
                                                    gint64 parent_id, const char *name,
                                                    GError **error);

/* For tests and benchmarks: above @limit candidates a search walks the order
 * index instead of sorting the candidates (0: nearly always; G_MAXUINT - 1:
 * never); at most @limit and more than @min_dense candidates, a digit search
 * first walks on a budget (_zb_member_repo_set_walk_budget()). Defaults:
 * ZB_MEMBER_SPARSE_LIMIT_DEFAULT, ZB_MEMBER_DENSE_MIN_DEFAULT. */
#define ZB_MEMBER_SPARSE_LIMIT_DEFAULT 60000
#define ZB_MEMBER_DENSE_MIN_DEFAULT 1000
void _zb_member_repo_set_plan_limits (guint limit, guint min_dense);
/* For tests and benchmarks: the steps a digit search with candidates to sort
 * may first spend walking the order index (0: never). */
#define ZB_MEMBER_WALK_BUDGET_DEFAULT 200000
void _zb_member_repo_set_walk_budget (guint steps);
/* For tests: virtual machine steps SQLite took for the last fetch. */
guint _zb_member_repo_get_last_fetch_steps (void);

/* zb-member-repo-keys.c: when the workspace's sort and search keys were made
 * by another version of zb_chinese_key_version() (another ICU), makes every
 * member's keys again in one audited transaction, and records the version.
 * Does nothing inside a transaction or on a schema before 6. */
gboolean _zb_member_repo_check_keys (ZbMemberRepo *self, gboolean *rebuilt, GError **error);

/* zb-member-repo.c: the audit row of a member's change ("create", "update",
 * "delete"), with the record before and after as JSON (either may be NULL). */
gboolean _zb_member_repo_audit (ZbMemberRepo *self, const char *action,
                                const ZbMemberRecord *before, const ZbMemberRecord *after,
                                GError **error);
/* Where zb-member-repo-bulk.c keeps the index definitions it set aside. */
GPtrArray **_zb_member_repo_bulk_slot (ZbMemberRepo *self);

/* zb-org-repo.c: helpers shared with zb-org-repo-posts.c ------------------- */

char *_zb_org_to_json (JsonBuilder *builder);
void _zb_org_add_text (JsonBuilder *b, const char *key, const char *value);
void _zb_org_add_int (JsonBuilder *b, const char *key, gint64 value);
gboolean _zb_org_set_error (GError **error, ZbOrgError code, const char *message);
void _zb_org_bind_text (sqlite3_stmt *stmt, int index, const char *value);
/* Runs a write statement to the end. */
/* Commits when @ok (and emits "changed"), or rolls back; returns whether it
 * committed. */
gboolean _zb_org_finish (ZbOrgRepo *self, gboolean ok, GError **error);
gboolean _zb_org_check_date (const char *date, GError **error);

/* Emits "changed". */
void _zb_member_repo_changed (ZbMemberRepo *self);

G_END_DECLS
