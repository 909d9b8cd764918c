/* zb-member-repo-rows.c — member rows: reading them, binding them, their sort keys and search index
 * entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-chinese.h"
#include "zb-roster-private.h"

static const char SQL_FTS_NAME_INSERT[]
    = "INSERT INTO member_name_fts (rowid, chars) VALUES (?1, ?2)";
static const char SQL_FTS_DIGITS_INSERT[]
    = "INSERT INTO member_digits_fts (rowid, digits) VALUES (?1, ?2)";
/* The search indexes keep no copy of what they index (schema 11): a member
 * leaves them by the text it was indexed with. */
static const char SQL_FTS_NAME_DELETE[]
    = "INSERT INTO member_name_fts (member_name_fts, rowid, chars) VALUES ('delete', ?1, ?2)";
static const char SQL_FTS_DIGITS_DELETE[] = "INSERT INTO member_digits_fts (member_digits_fts,"
                                            " rowid, digits) VALUES ('delete', ?1, ?2)";

/* ------------------------------------------------------------------------- */
/* Rows                                                                      */

ZbMemberRecord *
_zb_member_record_from_row (sqlite3_stmt *stmt, int c)
{
  ZbMemberRecord *r = zb_member_record_new ();
  const char *text;

  r->id = sqlite3_column_int64 (stmt, c + 0);
  r->uuid = _zb_column_dup_text (stmt, c + 1);
  r->name = _zb_column_dup_text (stmt, c + 2);
  text = (const char *)sqlite3_column_text (stmt, c + 3);
  if (text == NULL || !zb_gender_from_string (text, &r->gender))
    r->gender = ZB_GENDER_UNKNOWN;
  r->ethnicity = sqlite3_column_int (stmt, c + 4);
  r->id_number = _zb_column_dup_text (stmt, c + 5);
  r->birth_date = _zb_column_dup_text (stmt, c + 6);
  r->native_place = _zb_column_dup_text (stmt, c + 7);
  r->education = sqlite3_column_int (stmt, c + 8);
  r->work_start_date = _zb_column_dup_text (stmt, c + 9);
  zb_member_category_from_string ((const char *)sqlite3_column_text (stmt, c + 10), &r->category);
  r->joined_date = _zb_column_dup_text (stmt, c + 11);
  r->full_date = _zb_column_dup_text (stmt, c + 12);
  r->branch_id = sqlite3_column_int64 (stmt, c + 13);
  r->group_id = sqlite3_column_int64 (stmt, c + 14);
  r->work_unit = _zb_column_dup_text (stmt, c + 15);
  r->phone = _zb_column_dup_text (stmt, c + 16);
  r->address = _zb_column_dup_text (stmt, c + 17);
  r->flowing = sqlite3_column_int (stmt, c + 18) != 0;
  r->flow_destination = _zb_column_dup_text (stmt, c + 19);
  r->flow_card_number = _zb_column_dup_text (stmt, c + 20);
  r->lost_contact = sqlite3_column_int (stmt, c + 21) != 0;
  r->lost_contact_date = _zb_column_dup_text (stmt, c + 22);
  r->lost_contact_reason = sqlite3_column_int (stmt, c + 23);
  zb_standing_from_string ((const char *)sqlite3_column_text (stmt, c + 24), &r->standing);
  zb_member_status_from_string ((const char *)sqlite3_column_text (stmt, c + 25), &r->status);
  r->left_kind = _zb_column_dup_text (stmt, c + 26);
  r->left_date = _zb_column_dup_text (stmt, c + 27);
  r->remarks = _zb_column_dup_text (stmt, c + 28);
  r->created_at = _zb_column_dup_text (stmt, c + 29);
  r->updated_at = _zb_column_dup_text (stmt, c + 30);
  return r;
}

/* Bound without a copy (a bulk insert binds a dozen texts a row): the callers
 * step the statement while the values live. */
void
_zb_roster_bind_text (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* 0 means unknown (or none) for codes and row ids: stored as NULL. */
void
_zb_roster_bind_nonzero (sqlite3_stmt *stmt, int index, gint64 value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

void
_zb_roster_bind_bytes (sqlite3_stmt *stmt, int index, GBytes *bytes)
{
  gsize size = 0;
  const void *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (bytes != NULL)
    sqlite3_bind_blob (stmt, index, data != NULL ? data : "", (int)size, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* The name's characters as separate tokens, so that a phrase query finds any
 * run of characters inside a name ("三丰" in 张三丰): Chinese has no spaces to
 * split words on. Every character is followed by a space (the tokenizer drops
 * punctuation and spaces) — byte for byte what schema 11 wrote for the members
 * it indexed, since a member leaves the index by the same text. Changing it
 * takes a schema step that indexes every active member again. */
static char *
name_tokens (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

void
_zb_name_keys_compute (ZbMemberNameKeys *keys, const char *name)
{
  keys->stroke_key = zb_chinese_stroke_key (name);
  keys->pinyin_key = zb_chinese_pinyin_key (name);
  keys->pinyin = zb_chinese_pinyin (name);
  keys->initials = zb_chinese_initials (name);
  keys->tokens = name_tokens (name);
}

void
_zb_name_keys_clear (ZbMemberNameKeys *keys)
{
  g_clear_pointer (&keys->stroke_key, g_bytes_unref);
  g_clear_pointer (&keys->pinyin_key, g_bytes_unref);
  g_clear_pointer (&keys->pinyin, g_free);
  g_clear_pointer (&keys->initials, g_free);
  g_clear_pointer (&keys->tokens, g_free);
}

ZbMemberNameKeys *
zb_member_name_keys_new (const char *name)
{
  ZbMemberNameKeys *keys = g_new0 (ZbMemberNameKeys, 1);

  _zb_name_keys_compute (keys, name);
  return keys;
}

void
zb_member_name_keys_free (ZbMemberNameKeys *keys)
{
  if (keys == NULL)
    return;
  _zb_name_keys_clear (keys);
  g_free (keys);
}

/* A bulk write keeps at most this many names' keys (some 10 MB). */
#define MAX_CACHED_NAMES 65536

const ZbMemberNameKeys *
_zb_member_repo_name_keys (ZbMemberRepo *self, const char *name, ZbMemberNameKeys *scratch)
{
  GHashTable *cache = _zb_member_repo_get_name_keys_cache (self);
  ZbMemberNameKeys *keys;

  if (cache == NULL || name == NULL)
    {
      _zb_name_keys_compute (scratch, name);
      return scratch;
    }

  keys = g_hash_table_lookup (cache, name);
  if (keys != NULL)
    return keys;

  if (g_hash_table_size (cache) >= MAX_CACHED_NAMES)
    g_hash_table_remove_all (cache);
  keys = zb_member_name_keys_new (name);
  g_hash_table_insert (cache, g_strdup (name), keys);
  return keys;
}

/* ------------------------------------------------------------------------- */
/* Search indexes of the active roster                                       */

gboolean
_zb_member_repo_index (ZbMemberRepo *self, const ZbMemberRecord *record, gboolean active,
                       const char *name_tokens_made, GError **error)
{
  static const char *const inserts[] = { SQL_FTS_NAME_INSERT, SQL_FTS_DIGITS_INSERT };
  static const char *const deletes[] = { SQL_FTS_NAME_DELETE, SQL_FTS_DIGITS_DELETE };
  g_autofree char *tokens = name_tokens_made ? NULL : name_tokens (record->name);
  /* ID number and phone digits in one trigram column: a space between them so
   * that no run of digits spans both. */
  g_autofree char *digits = g_strconcat (record->id_number ? record->id_number : "", " ",
                                         record->phone ? record->phone : "", NULL);
  const char *values[] = { name_tokens_made ? name_tokens_made : tokens, digits };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      sqlite3_stmt *stmt = _zb_database_prepare (zb_member_repo_get_database (self),
                                                 active ? inserts[i] : deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, record->id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_STATIC);
      if (!_zb_database_step_done (zb_member_repo_get_database (self), stmt, error))
        return FALSE;
    }
  return TRUE;
}
