/* zb-talk-repo.c — 谈心谈话: writing a talk, and opening its contents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks live in zb-talk-repo-check.c, reading and coverage in
 * zb-talk-repo-read.c.
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-talks-private.h"

struct _ZbTalkRepo
{
  GObject parent_instance;

  ZbDatabase *db;
};

G_DEFINE_FINAL_TYPE (ZbTalkRepo, zb_talk_repo, G_TYPE_OBJECT)

GQuark
zb_talk_error_quark (void)
{
  return g_quark_from_static_string ("zb-talk-error-quark");
}

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char SQL_INSERT[]
    = "INSERT INTO talk (uuid, kind, date, start_time, place, topic, branch_id, recorder_id,"
      " recorder_name, said_by_talker, said_by_other, response, archived, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
/* The contents only when given (?16 = 1). */
static const char SQL_UPDATE[]
    = "UPDATE talk SET kind = ?2, date = ?3, start_time = ?4, place = ?5, topic = ?6,"
      " branch_id = ?7, recorder_id = ?8, recorder_name = ?9,"
      " said_by_talker = CASE WHEN ?16 THEN ?10 ELSE said_by_talker END,"
      " said_by_other = CASE WHEN ?16 THEN ?11 ELSE said_by_other END,"
      " response = CASE WHEN ?16 THEN ?12 ELSE response END,"
      " archived = ?13, updated_at = ?15 WHERE uuid = ?1";
static const char SQL_CONTENTS[]
    = "SELECT said_by_talker, said_by_other, response FROM talk WHERE uuid = ?1";

static const char SQL_INSERT_PARTICIPANT[]
    = "INSERT INTO talk_participant (uuid, talk_id, side, member_id, name, person_key, post,"
      " sort_order, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_INSERT_ACTION[]
    = "INSERT INTO talk_action (uuid, talk_id, sort_order, text, owner_id, owner_name, due_date,"
      " done_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_CHILD_CREATED[]
    = "SELECT uuid, created_at FROM talk_participant WHERE talk_id = ?1"
      " UNION ALL SELECT uuid, created_at FROM talk_action WHERE talk_id = ?1";
static const char *const SQL_DELETE_CHILDREN[] = {
  "DELETE FROM talk_participant WHERE talk_id = ?1",
  "DELETE FROM talk_action WHERE talk_id = ?1",
};

static void
zb_talk_repo_dispose (GObject *object)
{
  ZbTalkRepo *self = (ZbTalkRepo *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (zb_talk_repo_parent_class)->dispose (object);
}

static void
zb_talk_repo_class_init (ZbTalkRepoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_talk_repo_dispose;

  /* After every committed write, so that lists and the coverage refresh. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
zb_talk_repo_init (ZbTalkRepo *self)
{
}

ZbTalkRepo *
zb_talk_repo_new (ZbDatabase *db)
{
  ZbTalkRepo *self;

  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  self = g_object_new (ZB_TYPE_TALK_REPO, NULL);
  self->db = g_object_ref (db);
  return self;
}

ZbDatabase *
zb_talk_repo_get_database (ZbTalkRepo *self)
{
  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  return self->db;
}

/* ------------------------------------------------------------------------- */
/* Helpers shared by the repository's files                                  */

gboolean
_zb_talk_set_error (GError **error, ZbTalkError code, const char *message)
{
  g_set_error_literal (error, ZB_TALK_ERROR, code, message);
  return FALSE;
}

/* Commits when @ok (and emits "changed" when @changed), else rolls back. */
static gboolean
finish (ZbTalkRepo *self, gboolean ok, gboolean changed, GError **error)
{
  if (!_zb_database_finish (self->db, ok, error))
    return FALSE;
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* Audit                                                                     */

/* A hash of the contents for the audit row: shows that they changed without
 * copying the text out of the talk (the audit log is read and exported more
 * freely than the talk). NULL when there are none. */
static char *
contents_digest (const ZbTalkContents *c)
{
  g_autoptr (GChecksum) sum = NULL;
  const char *parts[3];

  if (c == NULL)
    return NULL;
  parts[0] = c->said_by_talker;
  parts[1] = c->said_by_other;
  parts[2] = c->response;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      /* The length first, so that moving text between fields shows. */
      gsize len = parts[i] != NULL ? strlen (parts[i]) : 0;
      char prefix[32];

      g_snprintf (prefix, sizeof prefix, "%c%" G_GSIZE_FORMAT ":", parts[i] != NULL ? '+' : '-',
                  len);
      g_checksum_update (sum, (const guchar *)prefix, -1);
      if (len > 0)
        g_checksum_update (sum, (const guchar *)parts[i], (gssize)len);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
audit_json (const ZbTalkRecord *r, const ZbTalkContents *contents)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *digest = contents_digest (contents);

  /* The record without contents, wrapped with the digest. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "talk");
  zb_talk_record_build_json (r, NULL, FALSE, builder);
  json_builder_set_member_name (builder, "contents_sha256");
  if (digest != NULL)
    json_builder_add_string_value (builder, digest);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
audit (ZbTalkRepo *self, const char *action, const ZbTalkRecord *before,
       const ZbTalkContents *before_contents, const ZbTalkRecord *after,
       const ZbTalkContents *after_contents, GError **error)
{
  g_autofree char *before_json = before != NULL ? audit_json (before, before_contents) : NULL;
  g_autofree char *after_json = after != NULL ? audit_json (after, after_contents) : NULL;

  return zb_audit_append (self->db, action, "talk", after != NULL ? after->uuid : before->uuid,
                          before_json, after_json, error);
}

/* ------------------------------------------------------------------------- */
/* Writing                                                                   */

static gboolean
insert_children (ZbTalkRepo *self, ZbTalkRecord *r, GHashTable *created, const char *now,
                 GError **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < r->participants->len; i++)
    {
      ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);

      stmt = _zb_database_prepare (self->db, SQL_INSERT_PARTICIPANT, error);
      if (stmt == NULL)
        return FALSE;
      if (p->uuid == NULL)
        p->uuid = _zb_new_uuid ();
      _zb_bind_text_or_null (stmt, 1, p->uuid);
      sqlite3_bind_int64 (stmt, 2, r->id);
      _zb_bind_text_or_null (stmt, 3, zb_talk_side_to_string (p->side));
      _zb_bind_id_or_null (stmt, 4, p->member_id);
      _zb_bind_text_or_null (stmt, 5, p->name);
      _zb_bind_text_or_null (stmt, 6, p->person_key);
      _zb_bind_text_or_null (stmt, 7, p->post);
      sqlite3_bind_int (stmt, 8, (int)i);
      _zb_bind_text_or_null (stmt, 9, _zb_created_at (created, p->uuid, now));
      _zb_bind_text_or_null (stmt, 10, now);
      if (!_zb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < r->actions->len; i++)
    {
      ZbTalkAction *a = g_ptr_array_index (r->actions, i);

      stmt = _zb_database_prepare (self->db, SQL_INSERT_ACTION, error);
      if (stmt == NULL)
        return FALSE;
      if (a->uuid == NULL)
        a->uuid = _zb_new_uuid ();
      _zb_bind_text_or_null (stmt, 1, a->uuid);
      sqlite3_bind_int64 (stmt, 2, r->id);
      sqlite3_bind_int (stmt, 3, (int)i);
      _zb_bind_text_or_null (stmt, 4, a->text);
      _zb_bind_id_or_null (stmt, 5, a->owner_id);
      _zb_bind_text_or_null (stmt, 6, a->owner_name);
      _zb_bind_text_or_null (stmt, 7, a->due_date);
      _zb_bind_text_or_null (stmt, 8, a->done_date);
      _zb_bind_text_or_null (stmt, 9, _zb_created_at (created, a->uuid, now));
      _zb_bind_text_or_null (stmt, 10, now);
      if (!_zb_database_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Parameters ?1 … ?16 of SQL_INSERT and SQL_UPDATE (?14 unused by the update,
 * ?16 by the insert). */
static void
bind_talk (sqlite3_stmt *stmt, const ZbTalkRecord *r, const ZbTalkContents *c, gboolean update)
{
  _zb_bind_text_or_null (stmt, 1, r->uuid);
  _zb_bind_text_or_null (stmt, 2, zb_talk_kind_to_string (r->kind));
  _zb_bind_text_or_null (stmt, 3, r->date);
  _zb_bind_text_or_null (stmt, 4, r->start_time);
  _zb_bind_text_or_null (stmt, 5, r->place);
  _zb_bind_text_or_null (stmt, 6, r->topic);
  _zb_bind_id_or_null (stmt, 7, r->branch_id);
  _zb_bind_id_or_null (stmt, 8, r->recorder_id);
  _zb_bind_text_or_null (stmt, 9, r->recorder_name);
  _zb_bind_text_or_null (stmt, 10, c != NULL ? c->said_by_talker : NULL);
  _zb_bind_text_or_null (stmt, 11, c != NULL ? c->said_by_other : NULL);
  _zb_bind_text_or_null (stmt, 12, c != NULL ? c->response : NULL);
  sqlite3_bind_int (stmt, 13, r->archived ? 1 : 0);
  if (!update)
    _zb_bind_text_or_null (stmt, 14, r->created_at);
  _zb_bind_text_or_null (stmt, 15, r->updated_at);
  if (update)
    sqlite3_bind_int (stmt, 16, c != NULL ? 1 : 0);
}

/* The stored contents of @uuid (inside the transaction), without an audit
 * row: for the digest of the audit row of a write. */
static ZbTalkContents *
read_contents (ZbTalkRepo *self, const char *uuid, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (self->db, SQL_CONTENTS, error);
  ZbTalkContents *c;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        _zb_talk_set_error (error, ZB_TALK_ERROR_NOT_FOUND,
                            _ ("This talk record no longer exists."));
      else
        _zb_database_set_error (self->db, error);
      return NULL;
    }
  c = g_new0 (ZbTalkContents, 1);
  c->said_by_talker = _zb_column_dup_text (stmt, 0);
  c->said_by_other = _zb_column_dup_text (stmt, 1);
  c->response = _zb_column_dup_text (stmt, 2);
  sqlite3_reset (stmt);
  return c;
}

static void
swap_records (ZbTalkRecord *a, ZbTalkRecord *b)
{
  ZbTalkRecord tmp = *a;

  *a = *b;
  *b = tmp;
}

static gboolean
create_in_transaction (ZbTalkRepo *self, ZbTalkRecord *r, GError **error)
{
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt;

  if (!_zb_talk_repo_check_record (self, r, error))
    return FALSE;

  g_free (r->uuid);
  r->uuid = _zb_new_uuid ();
  g_free (r->created_at);
  r->created_at = g_strdup (now);
  g_free (r->updated_at);
  r->updated_at = g_strdup (now);

  stmt = _zb_database_prepare (self->db, SQL_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  bind_talk (stmt, r, r->contents, FALSE);
  if (!_zb_database_step_done (self->db, stmt, error))
    return FALSE;
  r->id = sqlite3_last_insert_rowid (_zb_database_get_handle (self->db));

  return insert_children (self, r, NULL, now, error)
         && audit (self, "create", NULL, NULL, r, r->contents, error);
}

/* What the caller gets back: the stored record, never the contents (as every
 * read). */
static void
hand_back (ZbTalkRecord *record, ZbTalkRecord *work)
{
  g_clear_pointer (&work->contents, zb_talk_contents_free);
  swap_records (record, work);
}

gboolean
zb_talk_repo_create (ZbTalkRepo *self, ZbTalkRecord *record, GError **error)
{
  g_autoptr (ZbTalkRecord) work = NULL;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A copy, so that a failure leaves the caller's record as it was. */
  work = zb_talk_record_copy (record);
  if (!_zb_database_begin (self->db, error))
    return FALSE;
  if (!finish (self, create_in_transaction (self, work, error), TRUE, error))
    return FALSE;
  hand_back (record, work);
  return TRUE;
}

/* Writes @r over the stored talk; @r->contents NULL keeps the stored ones. */
static gboolean
write_over (ZbTalkRepo *self, ZbTalkRecord *r, const char *action, GError **error)
{
  g_autoptr (ZbTalkRecord) before = NULL;
  g_autoptr (ZbTalkContents) before_contents = NULL;
  g_autoptr (GHashTable) created = NULL;
  const ZbTalkContents *after_contents;
  sqlite3_stmt *stmt;

  before = _zb_talk_repo_load (self, r->uuid, error);
  if (before == NULL)
    return FALSE;
  before_contents = read_contents (self, r->uuid, error);
  if (before_contents == NULL)
    return FALSE;
  after_contents = r->contents != NULL ? r->contents : before_contents;

  r->id = before->id;
  g_free (r->created_at);
  r->created_at = g_strdup (before->created_at);
  g_free (r->updated_at);
  r->updated_at = _zb_now_iso8601 ();

  created = _zb_database_load_created (self->db, SQL_CHILD_CREATED, r->id, error);
  if (created == NULL)
    return FALSE;
  if (!_zb_database_exec_each_for_id (self->db, SQL_DELETE_CHILDREN,
                                      G_N_ELEMENTS (SQL_DELETE_CHILDREN), r->id, error))
    return FALSE;

  stmt = _zb_database_prepare (self->db, SQL_UPDATE, error);
  if (stmt == NULL)
    return FALSE;
  bind_talk (stmt, r, r->contents, TRUE);
  if (!_zb_database_step_done (self->db, stmt, error))
    return FALSE;

  return insert_children (self, r, created, r->updated_at, error)
         && audit (self, action, before, before_contents, r, after_contents, error);
}

static gboolean
update_in_transaction (ZbTalkRepo *self, ZbTalkRecord *r, GError **error)
{
  return _zb_talk_repo_check_record (self, r, error) && write_over (self, r, "update", error);
}

gboolean
zb_talk_repo_update (ZbTalkRepo *self, ZbTalkRecord *record, GError **error)
{
  g_autoptr (ZbTalkRecord) work = NULL;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL && record->uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = zb_talk_record_copy (record);
  if (!_zb_database_begin (self->db, error))
    return FALSE;
  if (!finish (self, update_in_transaction (self, work, error), TRUE, error))
    return FALSE;
  hand_back (record, work);
  return TRUE;
}

static gboolean
archive_in_transaction (ZbTalkRepo *self, const char *uuid, gboolean archived, gboolean *changed,
                        GError **error)
{
  g_autoptr (ZbTalkRecord) after = _zb_talk_repo_load (self, uuid, error);

  if (after == NULL)
    return FALSE;
  *changed = after->archived != archived;
  if (!*changed)
    return TRUE; /* nothing changes, nothing to audit or to refresh */
  after->archived = archived;
  return write_over (self, after, archived ? "archive" : "unarchive", error);
}

gboolean
zb_talk_repo_set_archived (ZbTalkRepo *self, const char *uuid, gboolean archived, GError **error)
{
  gboolean ok;
  gboolean changed = FALSE;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!_zb_database_begin (self->db, error))
    return FALSE;
  ok = archive_in_transaction (self, uuid, archived, &changed, error);
  return finish (self, ok, changed, error);
}

/* ------------------------------------------------------------------------- */
/* Opening the contents                                                      */

ZbTalkContents *
zb_talk_repo_load_contents (ZbTalkRepo *self, const char *uuid, GError **error)
{
  g_autoptr (ZbTalkContents) contents = NULL;
  gboolean ok;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  /* The reading and its audit row commit together: no opening goes
   * unrecorded, and a failed audit row gives nothing out. */
  if (!_zb_database_begin (self->db, error))
    return NULL;
  contents = read_contents (self, uuid, error);
  ok = contents != NULL
       && zb_audit_append (self->db, "open-contents", "talk", uuid, NULL, NULL, error);
  /* Nothing the lists show changed: no "changed". */
  if (!finish (self, ok, FALSE, error))
    return NULL;
  return g_steal_pointer (&contents);
}
