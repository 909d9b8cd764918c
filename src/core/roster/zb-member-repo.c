/* zb-member-repo.c — the members of a workspace: writing and reading one member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events live in zb-member-repo-events.c, lists and search in
 * zb-member-repo-query.c.
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-chinese.h"
#include "zb-member-rules.h"
#include "zb-roster-private.h"

struct _ZbMemberRepo
{
  GObject parent_instance;

  ZbDatabase *db;

  /* Bulk writes check thousands of rows: today's date and the kind and parent
   * of each unit are looked up once. Units never change kind or parent. */
  GDate today;
  gint64 today_checked_at;  /* monotonic µs */
  GHashTable *unit_parents; /* unit id → parent id, for groups */
  GHashTable *unit_kinds;   /* unit id → GINT_TO_POINTER (1 branch, 2 group, 3 other) */

  /* CREATE INDEX statements set aside by zb_member_repo_bulk_begin() */
  GPtrArray *set_aside;
  /* While a bulk write runs: name → ZbMemberNameKeys (names repeat a lot on a roster,
   * and their keys are the same every time), and the insert statement. */
  GHashTable *name_keys;
  sqlite3_stmt *bulk_insert;
  /* The thread of the bulk write: only its writes use the two (an import
   * runs in a worker thread). */
  GThread *bulk_thread;

  /* The last timestamp written, reused within its millisecond. */
  gint64 now_ms;
  char *now;
};

G_DEFINE_FINAL_TYPE (ZbMemberRepo, zb_member_repo, G_TYPE_OBJECT)

GQuark
zb_member_error_quark (void)
{
  return g_quark_from_static_string ("zb-member-error-quark");
}

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char SQL_INSERT[]
    = "INSERT INTO member (uuid, name, gender, ethnicity, id_number, birth_date, native_place,"
      " education, work_start_date, category, joined_date, full_date, branch_id, group_id,"
      " work_unit, phone, address, flowing, flow_destination, flow_card_number, lost_contact,"
      " lost_contact_date, lost_contact_reason, standing, status, left_kind, left_date, remarks,"
      " name_pinyin, name_initials, stroke_key, pinyin_key, import_batch_id, created_at,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
      " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,"
      " ?34, ?35)";

/* Only the fields a user edits; the event-governed ones stay (see the header). */
static const char SQL_UPDATE[]
    = "UPDATE member SET name = ?2, gender = ?3, ethnicity = ?4, id_number = ?5, birth_date = ?6,"
      " native_place = ?7, education = ?8, work_start_date = ?9, category = ?10,"
      " joined_date = ?11, full_date = ?12, branch_id = ?13, group_id = ?14, work_unit = ?15,"
      " phone = ?16, address = ?17, remarks = ?18, name_pinyin = ?19, name_initials = ?20,"
      " stroke_key = ?21, pinyin_key = ?22, updated_at = ?23 WHERE id = ?1";

static const char SQL_SELECT_BY_UUID[]
    = "SELECT " ZB_MEMBER_COLUMNS " FROM member m WHERE m.uuid = ?1";

static const char SQL_ID_TAKEN[]
    = "SELECT id, uuid FROM member WHERE id_number = ?1 AND status = 'active' AND id <> ?2";

static const char SQL_GROUP_PARENT[] = "SELECT parent_id, kind FROM org_unit WHERE id = ?1";

static void
zb_member_repo_dispose (GObject *object)
{
  ZbMemberRepo *self = (ZbMemberRepo *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->unit_parents, g_hash_table_unref);
  g_clear_pointer (&self->unit_kinds, g_hash_table_unref);
  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->now, g_free);

  G_OBJECT_CLASS (zb_member_repo_parent_class)->dispose (object);
}

static void
zb_member_repo_class_init (ZbMemberRepoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_member_repo_dispose;

  /* After every committed write, so that list models refresh. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
zb_member_repo_init (ZbMemberRepo *self)
{
  self->unit_parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->unit_kinds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Today, read again at most once a second. */
static const GDate *
repo_today (ZbMemberRepo *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->today_checked_at == 0 || now - self->today_checked_at > G_USEC_PER_SEC)
    {
      _zb_roster_today (&self->today);
      self->today_checked_at = now;
    }
  return &self->today;
}

ZbMemberRepo *
zb_member_repo_new (ZbDatabase *db)
{
  ZbMemberRepo *self;

  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  self = g_object_new (ZB_TYPE_MEMBER_REPO, NULL);
  self->db = g_object_ref (db);

  /* Keys made by another ICU would order and search wrongly: made again once,
   * the first time this program sees the file. A failure (the file is busy)
   * leaves them as they are until the next time. */
  {
    g_autoptr (GError) local_error = NULL;

    if (!_zb_member_repo_check_keys (self, NULL, &local_error))
      g_message ("The sort keys of the roster were not made again: %s", local_error->message);
  }
  return self;
}

ZbDatabase *
zb_member_repo_get_database (ZbMemberRepo *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), NULL);
  return self->db;
}

GPtrArray **
_zb_member_repo_bulk_slot (ZbMemberRepo *self)
{
  return &self->set_aside;
}

GHashTable *
_zb_member_repo_get_name_keys_cache (ZbMemberRepo *self)
{
  return self->bulk_thread == g_thread_self () ? self->name_keys : NULL;
}

void
_zb_member_repo_cache_name_keys (ZbMemberRepo *self, gboolean cache)
{
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  self->bulk_insert = NULL;
  self->bulk_thread = NULL;
  if (cache)
    {
      self->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)zb_member_name_keys_free);
      self->bulk_thread = g_thread_self ();
    }
}

/* Now, as _zb_now_iso8601() writes it: formatting it costs more than the rest
 * of a bulk insert's bookkeeping, and within one millisecond it is the same
 * text. Valid until the next call. */
static const char *
repo_now (ZbMemberRepo *self)
{
  gint64 ms = g_get_real_time () / 1000;

  if (self->now == NULL || ms != self->now_ms)
    {
      g_free (self->now);
      self->now = _zb_now_iso8601 ();
      /* the text is of the time it was made, which may be a tick later */
      self->now_ms = g_get_real_time () / 1000;
    }
  return self->now;
}

void
_zb_member_repo_changed (ZbMemberRepo *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
zb_member_repo_emit_changed (ZbMemberRepo *self)
{
  g_return_if_fail (ZB_IS_MEMBER_REPO (self));
  _zb_member_repo_changed (self);
}

void
_zb_roster_today (GDate *today)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* ------------------------------------------------------------------------- */
/* Checks                                                                    */

gboolean
_zb_member_repo_id_taken (ZbMemberRepo *self, const char *id_number, gint64 except_id,
                          gboolean *taken, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *taken = FALSE;
  if (id_number == NULL)
    return TRUE;

  stmt = _zb_database_prepare (self->db, SQL_ID_TAKEN, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    *taken = TRUE;
  else if (rc != SQLITE_DONE)
    return _zb_database_set_error (self->db, error);
  return TRUE;
}

gboolean
zb_member_repo_lookup_id_number (ZbMemberRepo *self, const char *id_number, char **uuid_out,
                                 GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), FALSE);
  g_return_val_if_fail (uuid_out != NULL, FALSE);

  *uuid_out = NULL;
  if (id_number == NULL)
    return TRUE;

  stmt = _zb_database_prepare (self->db, SQL_ID_TAKEN, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *uuid_out = _zb_column_dup_text (stmt, 1);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (self->db, error);
  return TRUE;
}

static gboolean
set_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_INVALID, message);
  return FALSE;
}

enum
{
  UNIT_NONE,
  UNIT_BRANCH,
  UNIT_GROUP,
  UNIT_OTHER,
};

/* The kind of unit @id (UNIT_NONE when there is none) and its parent. */
static gboolean
lookup_unit (ZbMemberRepo *self, gint64 id, int *kind, gint64 *parent, GError **error)
{
  gpointer cached;
  sqlite3_stmt *stmt;
  int rc;

  if (g_hash_table_lookup_extended (self->unit_kinds, &id, NULL, &cached))
    {
      gint64 *p = g_hash_table_lookup (self->unit_parents, &id);

      *kind = GPOINTER_TO_INT (cached);
      *parent = p != NULL ? *p : 0;
      return TRUE;
    }

  stmt = _zb_database_prepare (self->db, SQL_GROUP_PARENT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *kind = UNIT_NONE;
  *parent = 0;
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 1);

      *parent = sqlite3_column_int64 (stmt, 0);
      *kind = g_strcmp0 (text, "branch") == 0  ? UNIT_BRANCH
              : g_strcmp0 (text, "group") == 0 ? UNIT_GROUP
                                               : UNIT_OTHER;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (self->db, error);

  /* Only units that exist are remembered: one created later is looked up. */
  if (*kind != UNIT_NONE)
    {
      g_hash_table_insert (self->unit_kinds, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (*kind));
      g_hash_table_insert (self->unit_parents, g_memdup2 (&id, sizeof id),
                           g_memdup2 (parent, sizeof *parent));
    }
  return TRUE;
}

/* The branch is a 党支部 and the group a 党小组 of it; a group alone gives its
 * branch. */
static gboolean
check_units (ZbMemberRepo *self, ZbMemberRecord *record, GError **error)
{
  int kind;
  gint64 parent;

  if (record->group_id != 0)
    {
      if (!lookup_unit (self, record->group_id, &kind, &parent, error))
        return FALSE;
      if (kind != UNIT_GROUP)
        return set_invalid (error, _ ("The Party group of the member does not exist."));
      if (record->branch_id == 0)
        record->branch_id = parent;
      else if (record->branch_id != parent)
        return set_invalid (error, _ ("The Party group does not belong to the member’s branch."));
    }

  if (record->branch_id != 0)
    {
      if (!lookup_unit (self, record->branch_id, &kind, &parent, error))
        return FALSE;
      if (kind != UNIT_BRANCH)
        return set_invalid (error, _ ("The branch of the member does not exist."));
    }
  return TRUE;
}

/* Normalises, validates (unless the caller did) and checks the units and the
 * ID number's uniqueness among active members. */
static gboolean
prepare_record (ZbMemberRepo *self, ZbMemberRecord *record, ZbMemberWriteFlags flags,
                GError **error)
{
  const GDate *today = repo_today (self);

  if ((flags & ZB_MEMBER_WRITE_NORMALIZED) == 0)
    zb_member_normalize (record, today);

  if ((flags & ZB_MEMBER_WRITE_NO_VALIDATE) == 0)
    {
      g_autoptr (GPtrArray) problems = zb_member_validate (record, today);

      if (problems->len > 0)
        {
          const ZbRuleProblem *first = g_ptr_array_index (problems, 0);

          return set_invalid (error, first->message);
        }
    }

  if (!check_units (self, record, error))
    return FALSE;

  /* A new row is checked by the unique index itself (insert_row() tells a
   * duplicate ID number from other failures); an update looks first. */
  if (record->id != 0 && record->status == ZB_STATUS_ACTIVE && record->id_number != NULL)
    {
      gboolean taken;

      if (!_zb_member_repo_id_taken (self, record->id_number, record->id, &taken, error))
        return FALSE;
      if (taken)
        {
          g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID,
                               _ ("Another member on the roster already has this ID number."));
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* Insert                                                                    */

/* Parameters ?2 … ?17 of both SQL_INSERT and SQL_UPDATE: the fields a person
 * has whatever their status. */
static void
bind_person_fields (sqlite3_stmt *stmt, const ZbMemberRecord *r)
{
  _zb_roster_bind_text (stmt, 2, r->name);
  _zb_roster_bind_text (stmt, 3, zb_gender_to_string (r->gender));
  _zb_roster_bind_nonzero (stmt, 4, r->ethnicity);
  _zb_roster_bind_text (stmt, 5, r->id_number);
  _zb_roster_bind_text (stmt, 6, r->birth_date);
  _zb_roster_bind_text (stmt, 7, r->native_place);
  _zb_roster_bind_nonzero (stmt, 8, r->education);
  _zb_roster_bind_text (stmt, 9, r->work_start_date);
  _zb_roster_bind_text (stmt, 10, zb_member_category_to_string (r->category));
  _zb_roster_bind_text (stmt, 11, r->joined_date);
  _zb_roster_bind_text (stmt, 12, r->full_date);
  _zb_roster_bind_nonzero (stmt, 13, r->branch_id);
  _zb_roster_bind_nonzero (stmt, 14, r->group_id);
  _zb_roster_bind_text (stmt, 15, r->work_unit);
  _zb_roster_bind_text (stmt, 16, r->phone);
  _zb_roster_bind_text (stmt, 17, r->address);
}

static gboolean
insert_row (ZbMemberRepo *self, ZbMemberRecord *r, const ZbMemberNameKeys *keys,
            gint64 import_batch_id, GError **error)
{
  const char *now = repo_now (self);
  ZbMemberNameKeys computed = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  /* In a bulk write the statement is looked up once, not once a row (the
   * lookup hashes the whole SQL text). */
  stmt = self->bulk_thread == g_thread_self () ? self->bulk_insert : NULL;
  if (stmt != NULL)
    sqlite3_reset (stmt); /* every parameter is bound below */
  else
    {
      stmt = _zb_database_prepare (self->db, SQL_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      if (self->bulk_thread == g_thread_self ())
        self->bulk_insert = stmt;
    }

  if (r->uuid == NULL)
    r->uuid = _zb_new_uuid ();
  g_free (r->created_at);
  r->created_at = g_strdup (now);
  g_free (r->updated_at);
  r->updated_at = g_strdup (now);
  if (keys == NULL)
    keys = _zb_member_repo_name_keys (self, r->name, &computed);

  _zb_roster_bind_text (stmt, 1, r->uuid);
  bind_person_fields (stmt, r);
  sqlite3_bind_int (stmt, 18, r->flowing ? 1 : 0);
  _zb_roster_bind_text (stmt, 19, r->flow_destination);
  _zb_roster_bind_text (stmt, 20, r->flow_card_number);
  sqlite3_bind_int (stmt, 21, r->lost_contact ? 1 : 0);
  _zb_roster_bind_text (stmt, 22, r->lost_contact_date);
  _zb_roster_bind_nonzero (stmt, 23, r->lost_contact_reason);
  _zb_roster_bind_text (stmt, 24, zb_standing_to_string (r->standing));
  _zb_roster_bind_text (stmt, 25, zb_member_status_to_string (r->status));
  _zb_roster_bind_text (stmt, 26, r->left_kind);
  _zb_roster_bind_text (stmt, 27, r->left_date);
  _zb_roster_bind_text (stmt, 28, r->remarks);
  _zb_roster_bind_text (stmt, 29, keys->pinyin != NULL ? keys->pinyin : "");
  _zb_roster_bind_text (stmt, 30, keys->initials != NULL ? keys->initials : "");
  _zb_roster_bind_bytes (stmt, 31, keys->stroke_key);
  _zb_roster_bind_bytes (stmt, 32, keys->pinyin_key);
  _zb_roster_bind_nonzero (stmt, 33, import_batch_id);
  _zb_roster_bind_text (stmt, 34, r->created_at);
  _zb_roster_bind_text (stmt, 35, r->updated_at);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      gboolean duplicate
          = sqlite3_extended_errcode (_zb_database_get_handle (self->db))
                == SQLITE_CONSTRAINT_UNIQUE
            && strstr (sqlite3_errmsg (_zb_database_get_handle (self->db)), "member.id_number")
                   != NULL;

      sqlite3_reset (stmt);
      _zb_name_keys_clear (&computed);
      if (duplicate)
        {
          g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID,
                               _ ("Another member on the roster already has this ID number."));
          return FALSE;
        }
      return _zb_database_set_error (self->db, error);
    }
  sqlite3_reset (stmt);
  r->id = sqlite3_last_insert_rowid (_zb_database_get_handle (self->db));

  ok = _zb_member_repo_index (self, r, r->status == ZB_STATUS_ACTIVE, keys->tokens, error);
  _zb_name_keys_clear (&computed);
  return ok;
}

gboolean
_zb_member_repo_audit (ZbMemberRepo *self, const char *action, const ZbMemberRecord *before,
                       const ZbMemberRecord *after, GError **error)
{
  g_autofree char *before_json = before != NULL ? zb_member_record_to_json (before) : NULL;
  g_autofree char *after_json = after != NULL ? zb_member_record_to_json (after) : NULL;
  const char *uuid = after != NULL ? after->uuid : before->uuid;

  return zb_audit_append (self->db, action, "member", uuid, before_json, after_json, error);
}

gboolean
zb_member_repo_insert_keyed_in_transaction (ZbMemberRepo *self, ZbMemberRecord *record,
                                            const ZbMemberNameKeys *keys, gint64 import_batch_id,
                                            ZbMemberWriteFlags flags, GError **error)
{
  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (keys == NULL || (flags & ZB_MEMBER_WRITE_NORMALIZED) != 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  record->id = 0;
  if (!prepare_record (self, record, flags, error))
    return FALSE;
  if (!insert_row (self, record, keys, import_batch_id, error))
    return FALSE;
  if ((flags & ZB_MEMBER_WRITE_NO_AUDIT) == 0
      && !_zb_member_repo_audit (self, "create", NULL, record, error))
    return FALSE;
  return TRUE;
}

gboolean
zb_member_repo_insert_in_transaction (ZbMemberRepo *self, ZbMemberRecord *record,
                                      gint64 import_batch_id, ZbMemberWriteFlags flags,
                                      GError **error)
{
  return zb_member_repo_insert_keyed_in_transaction (self, record, NULL, import_batch_id, flags,
                                                     error);
}

gboolean
zb_member_repo_insert (ZbMemberRepo *self, ZbMemberRecord *record, GError **error)
{
  g_autoptr (ZbMemberRecord) work = NULL;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  /* Work on a copy so that a failed insert leaves the caller's record as it
   * was (no uuid or id of a row that does not exist). */
  work = zb_member_record_copy (record);

  if (!_zb_database_begin (self->db, error))
    return FALSE;
  if (!zb_member_repo_insert_in_transaction (self, work, 0, ZB_MEMBER_WRITE_DEFAULT, error)
      || !_zb_database_commit (self->db, error))
    {
      _zb_database_rollback (self->db);
      return FALSE;
    }

  /* hand back what was stored */
  {
    ZbMemberRecord tmp = *record;

    *record = *work;
    *work = tmp;
  }
  _zb_member_repo_changed (self);
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* Read, update                                                              */

ZbMemberRecord *
_zb_member_repo_load (ZbMemberRepo *self, const char *uuid, GError **error)
{
  sqlite3_stmt *stmt;
  ZbMemberRecord *record = NULL;
  int rc;

  stmt = _zb_database_prepare (self->db, SQL_SELECT_BY_UUID, error);
  if (stmt == NULL)
    return NULL;
  _zb_roster_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _zb_member_record_from_row (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND,
                         _ ("The member was not found. Someone may have removed the record."));
  else if (rc != SQLITE_ROW)
    _zb_database_set_error (self->db, error);
  return record;
}

ZbMemberRecord *
zb_member_repo_get (ZbMemberRepo *self, const char *uuid, GError **error)
{
  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _zb_member_repo_load (self, uuid, error);
}

static gboolean
update_in_transaction (ZbMemberRepo *self, ZbMemberRecord *record, GError **error)
{
  g_autoptr (ZbMemberRecord) before = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  ZbMemberNameKeys keys = { 0 };
  sqlite3_stmt *stmt;
  ZbMemberRecord *r = record;
  gboolean ok;
  int rc;

  before = _zb_member_repo_load (self, record->uuid, error);
  if (before == NULL)
    return FALSE;

  /* The event-governed fields keep their stored values. */
  r->id = before->id;
  r->flowing = before->flowing;
  g_free (r->flow_destination);
  r->flow_destination = g_strdup (before->flow_destination);
  g_free (r->flow_card_number);
  r->flow_card_number = g_strdup (before->flow_card_number);
  r->lost_contact = before->lost_contact;
  g_free (r->lost_contact_date);
  r->lost_contact_date = g_strdup (before->lost_contact_date);
  r->lost_contact_reason = before->lost_contact_reason;
  r->standing = before->standing;
  r->status = before->status;
  g_free (r->left_kind);
  r->left_kind = g_strdup (before->left_kind);
  g_free (r->left_date);
  r->left_date = g_strdup (before->left_date);
  g_free (r->created_at);
  r->created_at = g_strdup (before->created_at);

  if (!prepare_record (self, r, ZB_MEMBER_WRITE_DEFAULT, error))
    return FALSE;

  stmt = _zb_database_prepare (self->db, SQL_UPDATE, error);
  if (stmt == NULL)
    return FALSE;

  g_free (r->updated_at);
  r->updated_at = g_strdup (now);
  _zb_name_keys_compute (&keys, r->name);

  sqlite3_bind_int64 (stmt, 1, r->id);
  bind_person_fields (stmt, r);
  _zb_roster_bind_text (stmt, 18, r->remarks);
  _zb_roster_bind_text (stmt, 19, keys.pinyin != NULL ? keys.pinyin : "");
  _zb_roster_bind_text (stmt, 20, keys.initials != NULL ? keys.initials : "");
  _zb_roster_bind_bytes (stmt, 21, keys.stroke_key);
  _zb_roster_bind_bytes (stmt, 22, keys.pinyin_key);
  _zb_roster_bind_text (stmt, 23, r->updated_at);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_name_keys_clear (&keys);
      return _zb_database_set_error (self->db, error);
    }

  /* out of the search indexes as it was, in as it is */
  ok = (before->status != ZB_STATUS_ACTIVE
        || _zb_member_repo_index (self, before, FALSE, NULL, error))
       && (r->status != ZB_STATUS_ACTIVE
           || _zb_member_repo_index (self, r, TRUE, keys.tokens, error));
  _zb_name_keys_clear (&keys);
  if (!ok)
    return FALSE;

  return _zb_member_repo_audit (self, "update", before, r, error);
}

gboolean
zb_member_repo_update (ZbMemberRepo *self, ZbMemberRecord *record, GError **error)
{
  g_autoptr (ZbMemberRecord) work = NULL;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL && record->uuid != NULL, FALSE);

  work = zb_member_record_copy (record);

  if (!_zb_database_begin (self->db, error))
    return FALSE;
  if (!update_in_transaction (self, work, error) || !_zb_database_commit (self->db, error))
    {
      _zb_database_rollback (self->db);
      return FALSE;
    }

  {
    ZbMemberRecord tmp = *record;

    *record = *work;
    *work = tmp;
  }
  _zb_member_repo_changed (self);
  return TRUE;
}
