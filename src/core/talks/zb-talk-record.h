/* zb-talk-record.h — 谈心谈话: one talk as plain values (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contents of a talk (what each side said, the response and suggestions)
 * live in their own struct, ZbTalkContents, which the list and get calls of
 * ZbTalkRepo never fill: only zb_talk_repo_load_contents() reads them, and it
 * writes an audit row each time. (ZbTalk is the rules' plain talk, see
 * zb-talk-rules.h; the stored record is ZbTalkRecord.)
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* 谈话类型. */
typedef enum
{
  ZB_TALK_KIND_DAILY,               /* 日常谈心 */
  ZB_TALK_KIND_BEFORE_LIFE_MEETING, /* 组织生活会前谈心 */
  ZB_TALK_KIND_ADMISSION,           /* 入党谈话 */
  ZB_TALK_KIND_FULL_MEMBERSHIP,     /* 转正谈话 */
  ZB_TALK_KIND_REMINDER,            /* 提醒谈话 */
  ZB_TALK_KIND_OTHER,               /* 其他 */
  ZB_TALK_N_KINDS
} ZbTalkKind;

/* "daily", "before_life_meeting", "admission", "full_membership",
 * "reminder", "other" (stable, stored); translated labels 日常谈心 …. */
const char *zb_talk_kind_to_string (ZbTalkKind kind);
gboolean zb_talk_kind_from_string (const char *text, ZbTalkKind *kind);
const char *zb_talk_kind_get_label (ZbTalkKind kind);
/* The kind's official Chinese name (日常谈心, …, 其他), untranslated: the
 * printed forms and the exported files write it whatever the language of
 * the interface. */
const char *zb_talk_kind_get_official_name (ZbTalkKind kind);

typedef enum
{
  ZB_TALK_SIDE_TALKER,      /* 谈话人 */
  ZB_TALK_SIDE_TALKED_WITH, /* 谈话对象 */
} ZbTalkSide;

const char *zb_talk_side_to_string (ZbTalkSide side);

/* One person of a talk: a member (member_id), or someone not on the roster
 * (member_id 0) such as an applicant, named by @person_key — a key the caller
 * keeps (the 发展党员 workflow's person uuid, say); "name:NAME" when none was
 * given. */
typedef struct
{
  char *uuid;
  ZbTalkSide side;
  gint64 member_id;
  char *member_uuid; /* filled from the roster on read and on write */
  char *name;        /* a member's is taken from the roster when empty */
  char *person_key;  /* NULL for a member */
  char *post;        /* 职务 at the time; a member's party post when empty */
} ZbTalkParticipant;

ZbTalkParticipant *zb_talk_participant_new_member (ZbTalkSide side, gint64 member_id);
ZbTalkParticipant *zb_talk_participant_new_person (ZbTalkSide side, const char *name,
                                                   const char *person_key);
ZbTalkParticipant *zb_talk_participant_copy (const ZbTalkParticipant *p);
void zb_talk_participant_free (ZbTalkParticipant *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTalkParticipant, zb_talk_participant_free)

/* The id the coverage rules know the participant by: the member's uuid, or
 * the person key. */
const char *zb_talk_participant_get_key (const ZbTalkParticipant *p);

/* A follow-up of the talk. */
typedef struct
{
  char *uuid;
  char *text;
  gint64 owner_id; /* 0: none, or @owner_name only */
  char *owner_name;
  char *due_date;  /* YYYY-MM-DD or NULL */
  char *done_date; /* YYYY-MM-DD or NULL */
} ZbTalkAction;

ZbTalkAction *zb_talk_action_new (const char *text, const char *due_date);
ZbTalkAction *zb_talk_action_copy (const ZbTalkAction *a);
void zb_talk_action_free (ZbTalkAction *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTalkAction, zb_talk_action_free)

/* The protected contents. */
typedef struct
{
  char *said_by_talker; /* 谈话人谈话内容 */
  char *said_by_other;  /* 谈话对象谈话内容 */
  char *response;       /* 谈话对象的态度、意见和建议 */
} ZbTalkContents;

ZbTalkContents *zb_talk_contents_new (const char *said_by_talker, const char *said_by_other,
                                      const char *response);
ZbTalkContents *zb_talk_contents_copy (const ZbTalkContents *c);
/* Overwrites the texts with zeros before freeing them. */
void zb_talk_contents_free (ZbTalkContents *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTalkContents, zb_talk_contents_free)

typedef struct
{
  gint64 id;
  char *uuid;
  char *date;       /* YYYY-MM-DD */
  char *start_time; /* HH:MM or NULL */
  char *place;
  ZbTalkKind kind;
  char *topic;
  gint64 branch_id; /* 0: none */
  gint64 recorder_id;
  char *recorder_name;
  GPtrArray *participants; /* of ZbTalkParticipant, talkers first */
  GPtrArray *actions;      /* of ZbTalkAction */
  /* NULL in everything ZbTalkRepo reads; for zb_talk_repo_create() and
   * _update() the contents to store (NULL on update: keep the stored ones). */
  ZbTalkContents *contents;
  gboolean archived;
  char *created_at;
  char *updated_at;
} ZbTalkRecord;

ZbTalkRecord *zb_talk_record_new (ZbTalkKind kind, const char *date);
ZbTalkRecord *zb_talk_record_copy (const ZbTalkRecord *r);
void zb_talk_record_free (ZbTalkRecord *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTalkRecord, zb_talk_record_free)

/* Adds a participant (taking it) on its side. */
void zb_talk_record_add_participant (ZbTalkRecord *r, ZbTalkParticipant *p);

/* The record as a JSON object. @with_contents FALSE (what every export and
 * list should pass unless the user chose otherwise) leaves the contents out,
 * even when the record holds them; TRUE adds @contents (may be NULL) as
 * "contents". */
void zb_talk_record_build_json (const ZbTalkRecord *r, const ZbTalkContents *contents,
                                gboolean with_contents, JsonBuilder *builder);
char *zb_talk_record_to_json (const ZbTalkRecord *r, const ZbTalkContents *contents,
                              gboolean with_contents);

G_END_DECLS
