/* zb-member-repo-events.c — status changes of members as dated events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md §4.6 (党籍 and 组织关系), §4.7 (转接): a change of status is
 * recorded as an event and applied to the member in the same transaction, so
 * that the history is never lost by an overwrite.
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-names.h"
#include "zb-audit.h"
#include "zb-codes.h"
#include "zb-member-rules.h"
#include "zb-roster-private.h"

static const char *const kind_names[] = {
  [ZB_EVENT_FULL_MEMBERSHIP] = "full_membership",
  [ZB_EVENT_TRANSFER_IN] = "transfer_in",
  [ZB_EVENT_TRANSFER_OUT] = "transfer_out",
  [ZB_EVENT_FLOW_START] = "flow_start",
  [ZB_EVENT_FLOW_END] = "flow_end",
  [ZB_EVENT_LOST_CONTACT] = "lost_contact",
  [ZB_EVENT_CONTACT_RESTORED] = "contact_restored",
  [ZB_EVENT_SUSPEND] = "suspend",
  [ZB_EVENT_RESTORE] = "restore",
  [ZB_EVENT_LEAVE] = "leave",
  [ZB_EVENT_DEATH] = "death",
};

const char *
zb_member_event_kind_to_string (ZbMemberEventKind kind)
{
  return (guint)kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : NULL;
}

gboolean
zb_member_event_kind_from_string (const char *text, ZbMemberEventKind *kind)
{
  guint index;

  if (!zb_name_lookup (kind_names, G_N_ELEMENTS (kind_names), text, &index))
    return FALSE;
  if (kind != NULL)
    *kind = (ZbMemberEventKind)index;
  return TRUE;
}

const char *
zb_member_event_kind_get_label (ZbMemberEventKind kind)
{
  switch (kind)
    {
    case ZB_EVENT_FULL_MEMBERSHIP:
      return _ ("Became a full member");
    case ZB_EVENT_TRANSFER_IN:
      return _ ("Membership transferred in");
    case ZB_EVENT_TRANSFER_OUT:
      return _ ("Membership transferred out");
    case ZB_EVENT_FLOW_START:
      return _ ("Left to work or live elsewhere");
    case ZB_EVENT_FLOW_END:
      return _ ("Returned from elsewhere");
    case ZB_EVENT_LOST_CONTACT:
      return _ ("Contact lost");
    case ZB_EVENT_CONTACT_RESTORED:
      return _ ("Contact restored");
    case ZB_EVENT_SUSPEND:
      return _ ("Membership suspended");
    case ZB_EVENT_RESTORE:
      return _ ("Membership restored");
    case ZB_EVENT_LEAVE:
      return _ ("Left the Party");
    case ZB_EVENT_DEATH:
      return _ ("Died");
    default:
      return _ ("Status change");
    }
}

ZbMemberEvent *
zb_member_event_new (ZbMemberEventKind kind, const char *date)
{
  ZbMemberEvent *event = g_new0 (ZbMemberEvent, 1);

  event->kind = kind;
  event->date = g_strdup (date);
  return event;
}

ZbMemberEvent *
zb_member_event_copy (const ZbMemberEvent *event)
{
  ZbMemberEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_new0 (ZbMemberEvent, 1);
  copy->uuid = g_strdup (event->uuid);
  copy->kind = event->kind;
  copy->date = g_strdup (event->date);
  copy->counterpart = g_strdup (event->counterpart);
  copy->letter_number = g_strdup (event->letter_number);
  copy->dues_paid_until = g_strdup (event->dues_paid_until);
  copy->reason = g_strdup (event->reason);
  copy->notes = g_strdup (event->notes);
  copy->created_at = g_strdup (event->created_at);
  return copy;
}

void
zb_member_event_free (ZbMemberEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uuid);
  g_free (event->date);
  g_free (event->counterpart);
  g_free (event->letter_number);
  g_free (event->dues_paid_until);
  g_free (event->reason);
  g_free (event->notes);
  g_free (event->created_at);
  g_free (event);
}

static const char SQL_INSERT_EVENT[]
    = "INSERT INTO member_event (uuid, member_id, kind, event_date, counterpart, letter_number,"
      " dues_paid_until, reason, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
      " ?10)";

static const char SQL_APPLY[]
    = "UPDATE member SET category = ?2, full_date = ?3, flowing = ?4, flow_destination = ?5,"
      " flow_card_number = ?6, lost_contact = ?7, lost_contact_date = ?8,"
      " lost_contact_reason = ?9, standing = ?10, status = ?11, left_kind = ?12, left_date = ?13,"
      " updated_at = ?14 WHERE id = ?1";

/* The latest date of an event that changed the member's status. */
static const char SQL_LAST_STATUS_EVENT[]
    = "SELECT max(event_date) FROM member_event WHERE member_id = ?1"
      " AND kind IN ('transfer_in', 'transfer_out', 'leave', 'death')";

static const char SQL_LIST_EVENTS[]
    = "SELECT e.uuid, e.kind, e.event_date, e.counterpart, e.letter_number, e.dues_paid_until,"
      " e.reason, e.notes, e.created_at FROM member_event e JOIN member m ON m.id = e.member_id"
      " WHERE m.uuid = ?1 ORDER BY e.event_date, e.id";

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID, message);
  return FALSE;
}

static void
replace (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
is_status_change (ZbMemberEventKind kind)
{
  return kind == ZB_EVENT_TRANSFER_IN || kind == ZB_EVENT_TRANSFER_OUT || kind == ZB_EVENT_LEAVE
         || kind == ZB_EVENT_DEATH;
}

/* Checks @event against the member @m and applies it to @m. */
static gboolean
apply_event (ZbMemberRecord *m, const ZbMemberEvent *event, GError **error)
{
  gboolean active = m->status == ZB_STATUS_ACTIVE;

  if (event->kind != ZB_EVENT_TRANSFER_IN && !active)
    return refuse (error, _ ("The member is no longer on the roster, so this change cannot be "
                             "recorded."));

  switch (event->kind)
    {
    case ZB_EVENT_FULL_MEMBERSHIP:
      /* 转正 ends the 预备期 (DOMAIN.md §1.4, §1.6). */
      if (m->category != ZB_CATEGORY_PROBATIONARY)
        return refuse (error, _ ("Only a probationary member can become a full member."));
      if (m->joined_date != NULL && g_strcmp0 (event->date, m->joined_date) < 0)
        return refuse (error, _ ("The date of full membership is before the date of joining "
                                 "the Party."));
      m->category = ZB_CATEGORY_FULL;
      replace (&m->full_date, event->date);
      break;

    case ZB_EVENT_TRANSFER_OUT:
      /* §4.6: a transfer out is not an exit; the member goes to the archive. */
      m->status = ZB_STATUS_TRANSFERRED_OUT;
      break;

    case ZB_EVENT_TRANSFER_IN:
      if (m->status != ZB_STATUS_ACTIVE && m->status != ZB_STATUS_TRANSFERRED_OUT)
        return refuse (error, _ ("The member left the Party or died, so a transfer in cannot "
                                 "be recorded."));
      m->status = ZB_STATUS_ACTIVE;
      break;

    case ZB_EVENT_FLOW_START:
      if (m->flowing)
        return refuse (error, _ ("The member is already recorded as away."));
      m->flowing = TRUE;
      replace (&m->flow_destination, event->counterpart);
      replace (&m->flow_card_number, event->letter_number);
      break;

    case ZB_EVENT_FLOW_END:
      if (!m->flowing)
        return refuse (error, _ ("The member is not recorded as away."));
      m->flowing = FALSE;
      replace (&m->flow_destination, NULL);
      replace (&m->flow_card_number, NULL);
      break;

    case ZB_EVENT_LOST_CONTACT:
      {
        /* §4.2: the 失联情形 is one of seven. */
        int reason = zb_lost_contact_reason_from_name (event->reason);

        if (reason == 0)
          return refuse (error, zb_rule_code_get_message (ZB_RULE_LOST_CONTACT_REASON));
        if (m->lost_contact)
          return refuse (error, _ ("Contact with the member is already recorded as lost."));
        m->lost_contact = TRUE;
        replace (&m->lost_contact_date, event->date);
        m->lost_contact_reason = reason;
      }
      break;

    case ZB_EVENT_CONTACT_RESTORED:
      if (!m->lost_contact)
        return refuse (error, _ ("Contact with the member is not recorded as lost."));
      m->lost_contact = FALSE;
      replace (&m->lost_contact_date, NULL);
      m->lost_contact_reason = 0;
      break;

    case ZB_EVENT_SUSPEND:
      if (m->standing == ZB_STANDING_SUSPENDED)
        return refuse (error, _ ("The membership is already suspended."));
      m->standing = ZB_STANDING_SUSPENDED;
      break;

    case ZB_EVENT_RESTORE:
      if (m->standing != ZB_STANDING_SUSPENDED)
        return refuse (error, _ ("The membership is not suspended."));
      m->standing = ZB_STANDING_NORMAL;
      break;

    case ZB_EVENT_LEAVE:
      {
        ZbLeftKind kind;

        /* §4.6: the forms of 出党; 取消预备党员资格 only for a probationary member. */
        if (!zb_left_kind_from_string (event->reason, &kind))
          return refuse (error, zb_rule_code_get_message (ZB_RULE_LEFT_KIND));
        if (kind == ZB_LEFT_PROBATION_CANCELLED && m->category != ZB_CATEGORY_PROBATIONARY)
          return refuse (error, _ ("Only a probationary member’s probation can be cancelled."));
        m->status = ZB_STATUS_LEFT;
        replace (&m->left_kind, event->reason);
        replace (&m->left_date, event->date);
      }
      break;

    case ZB_EVENT_DEATH:
      m->status = ZB_STATUS_DECEASED;
      replace (&m->left_kind, NULL);
      replace (&m->left_date, event->date);
      break;

    default:
      return refuse (error, _ ("This kind of change is not known."));
    }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
event_audit_json (const ZbMemberEvent *event, const char *uuid, const ZbMemberRecord *member)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *member_json = zb_member_record_to_json (member);
  g_autoptr (JsonNode) root = NULL;
  const struct
  {
    const char *key;
    const char *value;
  } fields[] = {
    { "uuid", uuid },
    { "kind", zb_member_event_kind_to_string (event->kind) },
    { "date", event->date },
    { "counterpart", event->counterpart },
    { "letter_number", event->letter_number },
    { "dues_paid_until", event->dues_paid_until },
    { "reason", event->reason },
    { "notes", event->notes },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      json_builder_set_member_name (builder, fields[i].key);
      if (fields[i].value != NULL)
        json_builder_add_string_value (builder, fields[i].value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "member");
  if (json_parser_load_from_data (parser, member_json, -1, NULL))
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
record_in_transaction (ZbMemberRepo *self, ZbDatabase *db, const char *member_uuid,
                       const ZbMemberEvent *event, GError **error)
{
  g_autoptr (ZbMemberRecord) before = NULL;
  g_autoptr (ZbMemberRecord) after = NULL;
  g_autofree char *uuid = _zb_new_uuid ();
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt;
  GDate date, today;
  gboolean was_active;
  int rc;

  before = _zb_member_repo_load (self, member_uuid, error);
  if (before == NULL)
    return FALSE;

  _zb_roster_today (&today);
  if (!zb_parse_iso_date (event->date, &date))
    return refuse (error, zb_rule_code_get_message (ZB_RULE_DATE_FORMAT));
  if (g_date_compare (&date, &today) > 0)
    return refuse (error, zb_rule_code_get_message (ZB_RULE_DATE_IN_FUTURE));
  if (before->birth_date != NULL && g_strcmp0 (event->date, before->birth_date) < 0)
    return refuse (error, _ ("The date of the change is before the member’s birth date."));

  if (is_status_change (event->kind))
    {
      /* A history where someone is transferred in before being transferred out
       * cannot be read: status changes follow each other in time. */
      stmt = _zb_database_prepare (db, SQL_LAST_STATUS_EVENT, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, before->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
          && g_strcmp0 (event->date, (const char *)sqlite3_column_text (stmt, 0)) < 0)
        {
          sqlite3_reset (stmt);
          return refuse (error, _ ("The date is before the member’s latest transfer or exit."));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return _zb_database_set_error (db, error);
    }

  after = zb_member_record_copy (before);
  if (!apply_event (after, event, error))
    return FALSE;

  was_active = before->status == ZB_STATUS_ACTIVE;
  if (!was_active && after->status == ZB_STATUS_ACTIVE && after->id_number != NULL)
    {
      gboolean taken;

      /* Back on the roster: the ID number must be free among active members. */
      if (!_zb_member_repo_id_taken (self, after->id_number, after->id, &taken, error))
        return FALSE;
      if (taken)
        {
          g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID,
                               _ ("Another member on the roster already has this ID number."));
          return FALSE;
        }
    }

  stmt = _zb_database_prepare (db, SQL_INSERT_EVENT, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, before->id);
  bind_text (stmt, 3, zb_member_event_kind_to_string (event->kind));
  bind_text (stmt, 4, event->date);
  bind_text (stmt, 5, event->counterpart);
  bind_text (stmt, 6, event->letter_number);
  bind_text (stmt, 7, event->dues_paid_until);
  if (event->kind == ZB_EVENT_LOST_CONTACT)
    {
      /* stored as the code ("3"), however it was given ("毕业后去向不明") */
      g_autofree char *code = g_strdup_printf ("%d", after->lost_contact_reason);

      bind_text (stmt, 8, code);
    }
  else
    bind_text (stmt, 8, event->reason);
  bind_text (stmt, 9, event->notes);
  bind_text (stmt, 10, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  g_free (after->updated_at);
  after->updated_at = g_strdup (now);

  stmt = _zb_database_prepare (db, SQL_APPLY, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after->id);
  bind_text (stmt, 2, zb_member_category_to_string (after->category));
  bind_text (stmt, 3, after->full_date);
  sqlite3_bind_int (stmt, 4, after->flowing ? 1 : 0);
  bind_text (stmt, 5, after->flow_destination);
  bind_text (stmt, 6, after->flow_card_number);
  sqlite3_bind_int (stmt, 7, after->lost_contact ? 1 : 0);
  bind_text (stmt, 8, after->lost_contact_date);
  if (after->lost_contact_reason != 0)
    sqlite3_bind_int (stmt, 9, after->lost_contact_reason);
  else
    sqlite3_bind_null (stmt, 9);
  bind_text (stmt, 10, zb_standing_to_string (after->standing));
  bind_text (stmt, 11, zb_member_status_to_string (after->status));
  bind_text (stmt, 12, after->left_kind);
  bind_text (stmt, 13, after->left_date);
  bind_text (stmt, 14, after->updated_at);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  /* Only the active roster is in the search indexes: out as the member was
   * indexed, or in as the member is now. */
  if (was_active != (after->status == ZB_STATUS_ACTIVE)
      && !_zb_member_repo_index (self, was_active ? before : after, !was_active, NULL, error))
    return FALSE;

  before_json = zb_member_record_to_json (before);
  after_json = event_audit_json (event, uuid, after);
  return zb_audit_append (db, "event", "member", before->uuid, before_json, after_json, error);
}

gboolean
zb_member_repo_record_event (ZbMemberRepo *self, const char *member_uuid,
                             const ZbMemberEvent *event, GError **error)
{
  ZbDatabase *db;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), FALSE);
  g_return_val_if_fail (member_uuid != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  db = zb_member_repo_get_database (self);
  if (!_zb_database_begin (db, error))
    return FALSE;
  if (!record_in_transaction (self, db, member_uuid, event, error)
      || !_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      return FALSE;
    }
  _zb_member_repo_changed (self);
  return TRUE;
}

GPtrArray *
zb_member_repo_list_events (ZbMemberRepo *self, const char *member_uuid, GError **error)
{
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_member_event_free);
  ZbDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), NULL);
  g_return_val_if_fail (member_uuid != NULL, NULL);

  db = zb_member_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_LIST_EVENTS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, member_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbMemberEvent *event = g_new0 (ZbMemberEvent, 1);

      event->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      zb_member_event_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &event->kind);
      event->date = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      event->counterpart = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      event->letter_number = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      event->dues_paid_until = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      event->reason = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      event->notes = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      event->created_at = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}
