/* zb-meeting.c — one meeting of 三会一课: plain records, and a GObject for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-meeting.h"
#include "zb-names.h"

/* ------------------------------------------------------------------------- */
/* Names                                                                     */

/* Stored in the database, so never renamed. */
static const char *const attendance_names[] = {
  [ZB_ATTENDANCE_EXPECTED] = "expected", [ZB_ATTENDANCE_PRESENT] = "present",
  [ZB_ATTENDANCE_LEAVE] = "leave",       [ZB_ATTENDANCE_ABSENT] = "absent",
  [ZB_ATTENDANCE_OBSERVER] = "observer",
};

static const char *const vote_form_names[] = {
  [ZB_VOTE_FORM_SHOW_OF_HANDS] = "show_of_hands",
  [ZB_VOTE_FORM_SECRET_BALLOT] = "secret_ballot",
};

static const char *const vote_result_names[] = {
  [ZB_VOTE_RESULT_NONE] = NULL,
  [ZB_VOTE_RESULT_PASSED] = "passed",
  [ZB_VOTE_RESULT_NOT_PASSED] = "not_passed",
};

const char *
zb_attendance_to_string (ZbAttendance role)
{
  return (guint)role < G_N_ELEMENTS (attendance_names) ? attendance_names[role] : "expected";
}

gboolean
zb_attendance_from_string (const char *text, ZbAttendance *role)
{
  guint index;

  if (!zb_name_lookup (attendance_names, G_N_ELEMENTS (attendance_names), text, &index))
    return FALSE;
  if (role != NULL)
    *role = (ZbAttendance)index;
  return TRUE;
}

const char *
zb_attendance_get_label (ZbAttendance role)
{
  switch (role)
    {
    case ZB_ATTENDANCE_PRESENT:
      return _ ("Present");
    case ZB_ATTENDANCE_LEAVE:
      return _ ("On leave");
    case ZB_ATTENDANCE_ABSENT:
      return _ ("Absent");
    case ZB_ATTENDANCE_OBSERVER:
      return _ ("Sitting in");
    case ZB_ATTENDANCE_EXPECTED:
    default:
      return _ ("Expected");
    }
}

const char *
zb_vote_form_to_string (ZbVoteForm form)
{
  return (guint)form < G_N_ELEMENTS (vote_form_names) ? vote_form_names[form] : "show_of_hands";
}

gboolean
zb_vote_form_from_string (const char *text, ZbVoteForm *form)
{
  guint index;

  if (!zb_name_lookup (vote_form_names, G_N_ELEMENTS (vote_form_names), text, &index))
    return FALSE;
  if (form != NULL)
    *form = (ZbVoteForm)index;
  return TRUE;
}

const char *
zb_vote_form_get_label (ZbVoteForm form)
{
  return form == ZB_VOTE_FORM_SECRET_BALLOT ? _ ("Secret ballot") : _ ("Show of hands");
}

const char *
zb_vote_result_to_string (ZbVoteResult result)
{
  return (guint)result < G_N_ELEMENTS (vote_result_names) ? vote_result_names[result] : NULL;
}

gboolean
zb_vote_result_from_string (const char *text, ZbVoteResult *result)
{
  guint index;

  if (text == NULL)
    {
      if (result != NULL)
        *result = ZB_VOTE_RESULT_NONE;
      return TRUE;
    }
  if (!zb_name_lookup (vote_result_names, G_N_ELEMENTS (vote_result_names), text, &index))
    return FALSE;
  if (result != NULL)
    *result = (ZbVoteResult)index;
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* Child records                                                             */

ZbMeetingAttendee *
zb_meeting_attendee_new (gint64 member_id, const char *name, ZbAttendance role)
{
  ZbMeetingAttendee *a = g_new0 (ZbMeetingAttendee, 1);

  a->member_id = member_id;
  a->name = g_strdup (name);
  a->role = role;
  return a;
}

ZbMeetingAttendee *
zb_meeting_attendee_copy (const ZbMeetingAttendee *attendee)
{
  ZbMeetingAttendee *a = g_memdup2 (attendee, sizeof *attendee);

  a->uuid = g_strdup (attendee->uuid);
  a->name = g_strdup (attendee->name);
  a->leave_reason = g_strdup (attendee->leave_reason);
  return a;
}

void
zb_meeting_attendee_free (ZbMeetingAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->uuid);
  g_free (attendee->name);
  g_free (attendee->leave_reason);
  g_free (attendee);
}

ZbMeetingSpeech *
zb_meeting_speech_new (gint64 member_id, const char *speaker_name, const char *text)
{
  ZbMeetingSpeech *s = g_new0 (ZbMeetingSpeech, 1);

  s->member_id = member_id;
  s->speaker_name = g_strdup (speaker_name);
  s->text = g_strdup (text);
  return s;
}

ZbMeetingSpeech *
zb_meeting_speech_copy (const ZbMeetingSpeech *speech)
{
  ZbMeetingSpeech *s = g_memdup2 (speech, sizeof *speech);

  s->uuid = g_strdup (speech->uuid);
  s->speaker_name = g_strdup (speech->speaker_name);
  s->text = g_strdup (speech->text);
  return s;
}

void
zb_meeting_speech_free (ZbMeetingSpeech *speech)
{
  if (speech == NULL)
    return;
  g_free (speech->uuid);
  g_free (speech->speaker_name);
  g_free (speech->text);
  g_free (speech);
}

ZbMeetingTopic *
zb_meeting_topic_new (const char *title)
{
  ZbMeetingTopic *t = g_new0 (ZbMeetingTopic, 1);

  t->title = g_strdup (title);
  t->speeches = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_speech_free);
  return t;
}

static GPtrArray *
copy_array (const GPtrArray *array, GCopyFunc copy, GDestroyNotify free_func)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (result, copy (g_ptr_array_index (array, i), NULL));
  return result;
}

static gpointer
copy_speech (gconstpointer p, gpointer unused)
{
  return zb_meeting_speech_copy (p);
}

ZbMeetingTopic *
zb_meeting_topic_copy (const ZbMeetingTopic *topic)
{
  ZbMeetingTopic *t = g_new0 (ZbMeetingTopic, 1);

  t->uuid = g_strdup (topic->uuid);
  t->title = g_strdup (topic->title);
  t->minutes = g_strdup (topic->minutes);
  t->speeches = copy_array (topic->speeches, copy_speech, (GDestroyNotify)zb_meeting_speech_free);
  return t;
}

void
zb_meeting_topic_free (ZbMeetingTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->uuid);
  g_free (topic->title);
  g_free (topic->minutes);
  g_clear_pointer (&topic->speeches, g_ptr_array_unref);
  g_free (topic);
}

ZbMeetingVote *
zb_meeting_vote_new (const char *subject, ZbVoteForm form)
{
  ZbMeetingVote *v = g_new0 (ZbMeetingVote, 1);

  v->subject = g_strdup (subject);
  v->form = form;
  return v;
}

ZbMeetingVote *
zb_meeting_vote_copy (const ZbMeetingVote *vote)
{
  ZbMeetingVote *v = g_memdup2 (vote, sizeof *vote);

  v->uuid = g_strdup (vote->uuid);
  v->topic_uuid = g_strdup (vote->topic_uuid);
  v->subject = g_strdup (vote->subject);
  return v;
}

void
zb_meeting_vote_free (ZbMeetingVote *vote)
{
  if (vote == NULL)
    return;
  g_free (vote->uuid);
  g_free (vote->topic_uuid);
  g_free (vote->subject);
  g_free (vote);
}

ZbMeetingResolution *
zb_meeting_resolution_new (const char *text, gint64 owner_id, const char *due_date)
{
  ZbMeetingResolution *r = g_new0 (ZbMeetingResolution, 1);

  r->text = g_strdup (text);
  r->owner_id = owner_id;
  r->due_date = g_strdup (due_date);
  return r;
}

ZbMeetingResolution *
zb_meeting_resolution_copy (const ZbMeetingResolution *resolution)
{
  ZbMeetingResolution *r = g_memdup2 (resolution, sizeof *resolution);

  r->uuid = g_strdup (resolution->uuid);
  r->text = g_strdup (resolution->text);
  r->due_date = g_strdup (resolution->due_date);
  r->done_date = g_strdup (resolution->done_date);
  r->owner_name = g_strdup (resolution->owner_name);
  r->meeting_uuid = g_strdup (resolution->meeting_uuid);
  r->meeting_date = g_strdup (resolution->meeting_date);
  r->meeting_title = g_strdup (resolution->meeting_title);
  return r;
}

void
zb_meeting_resolution_free (ZbMeetingResolution *resolution)
{
  if (resolution == NULL)
    return;
  g_free (resolution->uuid);
  g_free (resolution->text);
  g_free (resolution->due_date);
  g_free (resolution->done_date);
  g_free (resolution->owner_name);
  g_free (resolution->meeting_uuid);
  g_free (resolution->meeting_date);
  g_free (resolution->meeting_title);
  g_free (resolution);
}

ZbMeetingAttachment *
zb_meeting_attachment_copy (const ZbMeetingAttachment *attachment)
{
  ZbMeetingAttachment *a = g_memdup2 (attachment, sizeof *attachment);

  a->uuid = g_strdup (attachment->uuid);
  a->name = g_strdup (attachment->name);
  a->mime_type = g_strdup (attachment->mime_type);
  a->sha256 = g_strdup (attachment->sha256);
  a->created_at = g_strdup (attachment->created_at);
  return a;
}

void
zb_meeting_attachment_free (ZbMeetingAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->uuid);
  g_free (attachment->name);
  g_free (attachment->mime_type);
  g_free (attachment->sha256);
  g_free (attachment->created_at);
  g_free (attachment);
}

/* ------------------------------------------------------------------------- */
/* The meeting record                                                        */

ZbMeetingRecord *
zb_meeting_record_new (ZbMeetingKind kind, const char *date)
{
  ZbMeetingRecord *r = g_new0 (ZbMeetingRecord, 1);

  r->kind = kind;
  r->date = g_strdup (date);
  r->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_attendee_free);
  r->topics = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_topic_free);
  r->votes = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_vote_free);
  r->resolutions = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_resolution_free);
  r->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_attachment_free);
  return r;
}

#define COPY_FUNC(name, type)                                                                      \
  static gpointer name (gconstpointer p, gpointer unused)                                          \
  {                                                                                                \
    return type##_copy (p);                                                                        \
  }

COPY_FUNC (copy_attendee, zb_meeting_attendee)
COPY_FUNC (copy_topic, zb_meeting_topic)
COPY_FUNC (copy_vote, zb_meeting_vote)
COPY_FUNC (copy_resolution, zb_meeting_resolution)
COPY_FUNC (copy_attachment, zb_meeting_attachment)

ZbMeetingRecord *
zb_meeting_record_copy (const ZbMeetingRecord *record)
{
  ZbMeetingRecord *r;

  g_return_val_if_fail (record != NULL, NULL);

  r = g_memdup2 (record, sizeof *record);
  r->uuid = g_strdup (record->uuid);
  r->title = g_strdup (record->title);
  r->date = g_strdup (record->date);
  r->start_time = g_strdup (record->start_time);
  r->end_time = g_strdup (record->end_time);
  r->place = g_strdup (record->place);
  r->created_at = g_strdup (record->created_at);
  r->updated_at = g_strdup (record->updated_at);
  r->attendees
      = copy_array (record->attendees, copy_attendee, (GDestroyNotify)zb_meeting_attendee_free);
  r->topics = copy_array (record->topics, copy_topic, (GDestroyNotify)zb_meeting_topic_free);
  r->votes = copy_array (record->votes, copy_vote, (GDestroyNotify)zb_meeting_vote_free);
  r->resolutions = copy_array (record->resolutions, copy_resolution,
                               (GDestroyNotify)zb_meeting_resolution_free);
  r->attachments = copy_array (record->attachments, copy_attachment,
                               (GDestroyNotify)zb_meeting_attachment_free);
  return r;
}

void
zb_meeting_record_free (ZbMeetingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->title);
  g_free (record->date);
  g_free (record->start_time);
  g_free (record->end_time);
  g_free (record->place);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_clear_pointer (&record->attendees, g_ptr_array_unref);
  g_clear_pointer (&record->topics, g_ptr_array_unref);
  g_clear_pointer (&record->votes, g_ptr_array_unref);
  g_clear_pointer (&record->resolutions, g_ptr_array_unref);
  g_clear_pointer (&record->attachments, g_ptr_array_unref);
  g_free (record);
}

/* ------------------------------------------------------------------------- */
/* JSON, for the audit log                                                   */

static void
add_children (JsonBuilder *b, const ZbMeetingRecord *r)
{
  json_builder_set_member_name (b, "attendees");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (r->attendees, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", a->uuid);
      zb_audit_json_add_id (b, "member_id", a->member_id);
      zb_audit_json_add_string (b, "name", a->name);
      zb_audit_json_add_string (b, "role", zb_attendance_to_string (a->role));
      zb_audit_json_add_string (b, "leave_reason", a->leave_reason);
      zb_audit_json_add_int (b, "voting", a->voting ? 1 : 0);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "topics");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->topics->len; i++)
    {
      const ZbMeetingTopic *t = g_ptr_array_index (r->topics, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", t->uuid);
      zb_audit_json_add_string (b, "title", t->title);
      zb_audit_json_add_string (b, "minutes", t->minutes);
      json_builder_set_member_name (b, "speeches");
      json_builder_begin_array (b);
      for (guint j = 0; j < t->speeches->len; j++)
        {
          const ZbMeetingSpeech *s = g_ptr_array_index (t->speeches, j);

          json_builder_begin_object (b);
          zb_audit_json_add_string (b, "uuid", s->uuid);
          zb_audit_json_add_id (b, "member_id", s->member_id);
          zb_audit_json_add_string (b, "speaker_name", s->speaker_name);
          zb_audit_json_add_string (b, "text", s->text);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "votes");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->votes->len; i++)
    {
      const ZbMeetingVote *v = g_ptr_array_index (r->votes, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", v->uuid);
      zb_audit_json_add_string (b, "topic_uuid", v->topic_uuid);
      zb_audit_json_add_string (b, "subject", v->subject);
      zb_audit_json_add_string (b, "form", zb_vote_form_to_string (v->form));
      zb_audit_json_add_int (b, "yes", v->yes);
      zb_audit_json_add_int (b, "no", v->no);
      zb_audit_json_add_int (b, "abstain", v->abstain);
      zb_audit_json_add_int (b, "written_opinions", v->written_opinions);
      zb_audit_json_add_string (b, "result", zb_vote_result_to_string (v->result));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "resolutions");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->resolutions->len; i++)
    {
      const ZbMeetingResolution *res = g_ptr_array_index (r->resolutions, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", res->uuid);
      zb_audit_json_add_string (b, "text", res->text);
      zb_audit_json_add_id (b, "owner_id", res->owner_id);
      zb_audit_json_add_string (b, "due_date", res->due_date);
      zb_audit_json_add_string (b, "done_date", res->done_date);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "attachments");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->attachments->len; i++)
    {
      const ZbMeetingAttachment *a = g_ptr_array_index (r->attachments, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", a->uuid);
      zb_audit_json_add_string (b, "name", a->name);
      zb_audit_json_add_int (b, "size", (gint64)a->size);
      zb_audit_json_add_string (b, "sha256", a->sha256);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
zb_meeting_record_to_json (const ZbMeetingRecord *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  json_builder_begin_object (b);
  zb_audit_json_add_string (b, "uuid", r->uuid);
  zb_audit_json_add_string (b, "kind", zb_meeting_kind_to_string (r->kind));
  zb_audit_json_add_string (b, "title", r->title);
  zb_audit_json_add_string (b, "date", r->date);
  zb_audit_json_add_string (b, "start_time", r->start_time);
  zb_audit_json_add_string (b, "end_time", r->end_time);
  zb_audit_json_add_string (b, "place", r->place);
  zb_audit_json_add_id (b, "branch_id", r->branch_id);
  zb_audit_json_add_id (b, "group_id", r->group_id);
  zb_audit_json_add_id (b, "chair_id", r->chair_id);
  zb_audit_json_add_id (b, "recorder_id", r->recorder_id);
  zb_audit_json_add_int (b, "archived", r->archived ? 1 : 0);
  zb_audit_json_add_string (b, "created_at", r->created_at);
  zb_audit_json_add_string (b, "updated_at", r->updated_at);
  add_children (b, r);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------------------- */
/* Attendance figures                                                        */

void
zb_meeting_count_attendance (const GPtrArray *attendees, ZbAttendanceCounts *c)
{
  memset (c, 0, sizeof *c);
  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index ((GPtrArray *)attendees, i);

      if (a->role == ZB_ATTENDANCE_OBSERVER)
        {
          c->observers++;
          continue;
        }
      c->expected++;
      if (a->voting)
        c->voting_expected++;
      switch (a->role)
        {
        case ZB_ATTENDANCE_PRESENT:
          c->present++;
          if (a->voting)
            c->voting_present++;
          c->taken = TRUE;
          break;
        case ZB_ATTENDANCE_LEAVE:
          c->leave++;
          c->taken = TRUE;
          break;
        case ZB_ATTENDANCE_ABSENT:
          c->absent++;
          c->taken = TRUE;
          break;
        case ZB_ATTENDANCE_EXPECTED:
        case ZB_ATTENDANCE_OBSERVER:
        default:
          break;
        }
    }
}

ZbRuleCheck *
zb_meeting_check_attendance (ZbMeetingKind kind, const ZbAttendanceCounts *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  if (!c->taken)
    return NULL;
  /* 支委会: more than half of the committee members (条例第十二条), whatever
   * their category; 党员大会: more than half of the voting members (§1.5). */
  if (kind == ZB_MEETING_COMMITTEE)
    return zb_meeting_check_quorum (kind, c->expected, c->present);
  return zb_meeting_check_quorum (kind, c->voting_expected, c->voting_present);
}

/* ------------------------------------------------------------------------- */
/* ZbMeeting                                                                 */

struct _ZbMeeting
{
  GObject parent_instance;

  ZbMeetingRecord *record;
  ZbAttendanceCounts counts;
};

G_DEFINE_FINAL_TYPE (ZbMeeting, zb_meeting, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_DATE,
  PROP_KIND_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zb_meeting_finalize (GObject *object)
{
  ZbMeeting *self = (ZbMeeting *)object;

  g_clear_pointer (&self->record, zb_meeting_record_free);

  G_OBJECT_CLASS (zb_meeting_parent_class)->finalize (object);
}

static void
zb_meeting_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbMeeting *self = ZB_MEETING (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->record->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->record->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->record->date);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, zb_meeting_kind_get_label (self->record->kind));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_meeting_class_init (ZbMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_meeting_finalize;
  object_class->get_property = zb_meeting_get_property;

  properties[PROP_UUID]
      = g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE]
      = g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_meeting_init (ZbMeeting *self)
{
}

ZbMeeting *
zb_meeting_new (const ZbMeetingRecord *record, const ZbAttendanceCounts *counts)
{
  ZbMeeting *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (ZB_TYPE_MEETING, NULL);
  self->record = zb_meeting_record_copy (record);
  if (counts != NULL)
    self->counts = *counts;
  else
    zb_meeting_count_attendance (record->attendees, &self->counts);
  return self;
}

const ZbMeetingRecord *
zb_meeting_get_record (ZbMeeting *self)
{
  g_return_val_if_fail (ZB_IS_MEETING (self), NULL);
  return self->record;
}

const ZbAttendanceCounts *
zb_meeting_get_counts (ZbMeeting *self)
{
  g_return_val_if_fail (ZB_IS_MEETING (self), NULL);
  return &self->counts;
}

const char *
zb_meeting_get_uuid (ZbMeeting *self)
{
  g_return_val_if_fail (ZB_IS_MEETING (self), NULL);
  return self->record->uuid;
}

const char *
zb_meeting_get_title (ZbMeeting *self)
{
  g_return_val_if_fail (ZB_IS_MEETING (self), NULL);
  return self->record->title;
}

const char *
zb_meeting_get_date (ZbMeeting *self)
{
  g_return_val_if_fail (ZB_IS_MEETING (self), NULL);
  return self->record->date;
}

ZbRuleCheck *
zb_meeting_check_quorum_status (ZbMeeting *self)
{
  g_return_val_if_fail (ZB_IS_MEETING (self), NULL);
  return zb_meeting_check_attendance (self->record->kind, &self->counts);
}
