/* zb-talk-record.c — 谈心谈话: the record's values, copies and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-talk-record.h"

static const struct
{
  const char *name;
  const char *official; /* as the forms and exported files write it */
  const char *label;
} kinds[ZB_TALK_N_KINDS] = {
  { "daily", "日常谈心", N_ ("Everyday heart-to-heart talk") },
  { "before_life_meeting", "组织生活会前谈心", N_ ("Talk before the organisational life meeting") },
  { "admission", "入党谈话", N_ ("Talk with an applicant for membership") },
  { "full_membership", "转正谈话", N_ ("Talk before full membership") },
  { "reminder", "提醒谈话", N_ ("Reminder talk") },
  { "other", "其他", N_ ("Other talk") },
};

const char *
zb_talk_kind_to_string (ZbTalkKind kind)
{
  g_return_val_if_fail (kind >= 0 && kind < ZB_TALK_N_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
zb_talk_kind_from_string (const char *text, ZbTalkKind *kind)
{
  for (int k = 0; k < ZB_TALK_N_KINDS && text != NULL; k++)
    if (strcmp (text, kinds[k].name) == 0)
      {
        *kind = (ZbTalkKind)k;
        return TRUE;
      }
  return FALSE;
}

const char *
zb_talk_kind_get_label (ZbTalkKind kind)
{
  g_return_val_if_fail (kind >= 0 && kind < ZB_TALK_N_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

const char *
zb_talk_kind_get_official_name (ZbTalkKind kind)
{
  if ((guint)kind >= ZB_TALK_N_KINDS)
    return kinds[ZB_TALK_KIND_OTHER].official;
  return kinds[kind].official;
}

const char *
zb_talk_side_to_string (ZbTalkSide side)
{
  return side == ZB_TALK_SIDE_TALKER ? "talker" : "talked_with";
}

/* Participants ------------------------------------------------------------ */

ZbTalkParticipant *
zb_talk_participant_new_member (ZbTalkSide side, gint64 member_id)
{
  ZbTalkParticipant *p = g_new0 (ZbTalkParticipant, 1);

  p->side = side;
  p->member_id = member_id;
  return p;
}

ZbTalkParticipant *
zb_talk_participant_new_person (ZbTalkSide side, const char *name, const char *person_key)
{
  ZbTalkParticipant *p = g_new0 (ZbTalkParticipant, 1);

  p->side = side;
  p->name = g_strdup (name);
  p->person_key = g_strdup (person_key);
  return p;
}

ZbTalkParticipant *
zb_talk_participant_copy (const ZbTalkParticipant *p)
{
  ZbTalkParticipant *c = g_new0 (ZbTalkParticipant, 1);

  c->uuid = g_strdup (p->uuid);
  c->side = p->side;
  c->member_id = p->member_id;
  c->member_uuid = g_strdup (p->member_uuid);
  c->name = g_strdup (p->name);
  c->person_key = g_strdup (p->person_key);
  c->post = g_strdup (p->post);
  return c;
}

void
zb_talk_participant_free (ZbTalkParticipant *p)
{
  if (p == NULL)
    return;
  g_free (p->uuid);
  g_free (p->member_uuid);
  g_free (p->name);
  g_free (p->person_key);
  g_free (p->post);
  g_free (p);
}

const char *
zb_talk_participant_get_key (const ZbTalkParticipant *p)
{
  return p->member_id != 0 && p->member_uuid != NULL ? p->member_uuid : p->person_key;
}

/* Actions ----------------------------------------------------------------- */

ZbTalkAction *
zb_talk_action_new (const char *text, const char *due_date)
{
  ZbTalkAction *a = g_new0 (ZbTalkAction, 1);

  a->text = g_strdup (text);
  a->due_date = g_strdup (due_date);
  return a;
}

ZbTalkAction *
zb_talk_action_copy (const ZbTalkAction *a)
{
  ZbTalkAction *c = g_new0 (ZbTalkAction, 1);

  c->uuid = g_strdup (a->uuid);
  c->text = g_strdup (a->text);
  c->owner_id = a->owner_id;
  c->owner_name = g_strdup (a->owner_name);
  c->due_date = g_strdup (a->due_date);
  c->done_date = g_strdup (a->done_date);
  return c;
}

void
zb_talk_action_free (ZbTalkAction *a)
{
  if (a == NULL)
    return;
  g_free (a->uuid);
  g_free (a->text);
  g_free (a->owner_name);
  g_free (a->due_date);
  g_free (a->done_date);
  g_free (a);
}

/* Contents ---------------------------------------------------------------- */

ZbTalkContents *
zb_talk_contents_new (const char *said_by_talker, const char *said_by_other, const char *response)
{
  ZbTalkContents *c = g_new0 (ZbTalkContents, 1);

  c->said_by_talker = g_strdup (said_by_talker);
  c->said_by_other = g_strdup (said_by_other);
  c->response = g_strdup (response);
  return c;
}

ZbTalkContents *
zb_talk_contents_copy (const ZbTalkContents *c)
{
  return zb_talk_contents_new (c->said_by_talker, c->said_by_other, c->response);
}

/* The texts are the most sensitive of the workspace: not left in freed
 * memory. */
static void
wipe_free (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

void
zb_talk_contents_free (ZbTalkContents *c)
{
  if (c == NULL)
    return;
  wipe_free (c->said_by_talker);
  wipe_free (c->said_by_other);
  wipe_free (c->response);
  g_free (c);
}

/* Records ----------------------------------------------------------------- */

ZbTalkRecord *
zb_talk_record_new (ZbTalkKind kind, const char *date)
{
  ZbTalkRecord *r = g_new0 (ZbTalkRecord, 1);

  r->kind = kind;
  r->date = g_strdup (date);
  r->participants = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_participant_free);
  r->actions = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_action_free);
  return r;
}

ZbTalkRecord *
zb_talk_record_copy (const ZbTalkRecord *r)
{
  ZbTalkRecord *c = zb_talk_record_new (r->kind, r->date);

  c->id = r->id;
  c->uuid = g_strdup (r->uuid);
  c->start_time = g_strdup (r->start_time);
  c->place = g_strdup (r->place);
  c->topic = g_strdup (r->topic);
  c->branch_id = r->branch_id;
  c->recorder_id = r->recorder_id;
  c->recorder_name = g_strdup (r->recorder_name);
  for (guint i = 0; i < r->participants->len; i++)
    g_ptr_array_add (c->participants,
                     zb_talk_participant_copy (g_ptr_array_index (r->participants, i)));
  for (guint i = 0; i < r->actions->len; i++)
    g_ptr_array_add (c->actions, zb_talk_action_copy (g_ptr_array_index (r->actions, i)));
  c->contents = r->contents != NULL ? zb_talk_contents_copy (r->contents) : NULL;
  c->archived = r->archived;
  c->created_at = g_strdup (r->created_at);
  c->updated_at = g_strdup (r->updated_at);
  return c;
}

void
zb_talk_record_free (ZbTalkRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->date);
  g_free (r->start_time);
  g_free (r->place);
  g_free (r->topic);
  g_free (r->recorder_name);
  g_ptr_array_unref (r->participants);
  g_ptr_array_unref (r->actions);
  zb_talk_contents_free (r->contents);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r);
}

void
zb_talk_record_add_participant (ZbTalkRecord *r, ZbTalkParticipant *p)
{
  guint at = r->participants->len;

  /* Talkers first, each side in the order given. */
  if (p->side == ZB_TALK_SIDE_TALKER)
    for (at = 0; at < r->participants->len; at++)
      if (((ZbTalkParticipant *)g_ptr_array_index (r->participants, at))->side
          != ZB_TALK_SIDE_TALKER)
        break;
  g_ptr_array_insert (r->participants, (int)at, p);
}

/* JSON -------------------------------------------------------------------- */

static void
build_people (JsonBuilder *b, const ZbTalkRecord *r, ZbTalkSide side)
{
  json_builder_set_member_name (b, side == ZB_TALK_SIDE_TALKER ? "talkers" : "talked_with");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);

      if (p->side != side)
        continue;
      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", p->uuid);
      zb_audit_json_add_id (b, "member_id", p->member_id);
      zb_audit_json_add_string (b, "member_uuid", p->member_uuid);
      zb_audit_json_add_string (b, "name", p->name);
      zb_audit_json_add_string (b, "person_key", p->person_key);
      zb_audit_json_add_string (b, "post", p->post);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
zb_talk_record_build_json (const ZbTalkRecord *r, const ZbTalkContents *contents,
                           gboolean with_contents, JsonBuilder *b)
{
  json_builder_begin_object (b);
  zb_audit_json_add_string (b, "uuid", r->uuid);
  zb_audit_json_add_string (b, "kind", zb_talk_kind_to_string (r->kind));
  zb_audit_json_add_string (b, "date", r->date);
  zb_audit_json_add_string (b, "start_time", r->start_time);
  zb_audit_json_add_string (b, "place", r->place);
  zb_audit_json_add_string (b, "topic", r->topic);
  zb_audit_json_add_id (b, "branch_id", r->branch_id);
  zb_audit_json_add_id (b, "recorder_id", r->recorder_id);
  zb_audit_json_add_string (b, "recorder_name", r->recorder_name);
  build_people (b, r, ZB_TALK_SIDE_TALKER);
  build_people (b, r, ZB_TALK_SIDE_TALKED_WITH);
  json_builder_set_member_name (b, "actions");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->actions->len; i++)
    {
      const ZbTalkAction *a = g_ptr_array_index (r->actions, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", a->uuid);
      zb_audit_json_add_string (b, "text", a->text);
      zb_audit_json_add_id (b, "owner_id", a->owner_id);
      zb_audit_json_add_string (b, "owner_name", a->owner_name);
      zb_audit_json_add_string (b, "due_date", a->due_date);
      zb_audit_json_add_string (b, "done_date", a->done_date);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (with_contents)
    {
      json_builder_set_member_name (b, "contents");
      if (contents == NULL)
        json_builder_add_null_value (b);
      else
        {
          json_builder_begin_object (b);
          zb_audit_json_add_string (b, "said_by_talker", contents->said_by_talker);
          zb_audit_json_add_string (b, "said_by_other", contents->said_by_other);
          zb_audit_json_add_string (b, "response", contents->response);
          json_builder_end_object (b);
        }
    }
  json_builder_set_member_name (b, "archived");
  json_builder_add_boolean_value (b, r->archived);
  zb_audit_json_add_string (b, "created_at", r->created_at);
  zb_audit_json_add_string (b, "updated_at", r->updated_at);
  json_builder_end_object (b);
}

char *
zb_talk_record_to_json (const ZbTalkRecord *r, const ZbTalkContents *contents,
                        gboolean with_contents)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  zb_talk_record_build_json (r, contents, with_contents, builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
