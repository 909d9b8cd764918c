/* zb-member.h — one member of the roster: a plain record, and a GObject for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ZB_GENDER_UNKNOWN,
  ZB_GENDER_MALE,
  ZB_GENDER_FEMALE,
} ZbGender;

typedef enum
{
  ZB_CATEGORY_FULL,         /* 正式党员 */
  ZB_CATEGORY_PROBATIONARY, /* 预备党员 */
} ZbMemberCategory;

typedef enum
{
  ZB_STANDING_NORMAL,    /* 正常 */
  ZB_STANDING_SUSPENDED, /* 停止党籍 */
} ZbStanding;

/* Whether the member is on the active roster; those who are not stay in the
 * archive. */
typedef enum
{
  ZB_STATUS_ACTIVE,
  ZB_STATUS_TRANSFERRED_OUT, /* 组织关系转出 — not an exit */
  ZB_STATUS_LEFT,            /* 出党, in one of its forms (left_kind) */
  ZB_STATUS_DECEASED,        /* 死亡 */
} ZbMemberStatus;

/* Every field a branch keeps (DOMAIN.md §4.2). Strings are owned (g_free), NULL
 * when unknown; dates are ISO-8601 "YYYY-MM-DD"; ids are database row ids, 0
 * for none. 党龄 is computed (rules), never stored; 党内职务 live in party_post. */
typedef struct
{
  gint64 id;
  char *uuid;
  char *name;
  ZbGender gender;
  int ethnicity;   /* GB/T 3304 code 1–56, 0 unknown */
  char *id_number; /* 18 characters, upper-case X */
  char *birth_date;
  char *native_place;
  int education; /* GB/T 4658 code, 0 unknown */
  char *work_start_date;
  ZbMemberCategory category;
  char *joined_date; /* 入党日期: the 支部大会 resolution */
  char *full_date;   /* 转正日期 */
  gint64 branch_id;
  gint64 group_id;
  char *work_unit; /* 工作单位及职务 */
  char *phone;
  char *address;
  gboolean flowing;
  char *flow_destination;
  char *flow_card_number;
  gboolean lost_contact;
  char *lost_contact_date;
  int lost_contact_reason; /* 1–7, DOMAIN.md §4.2 失联情形 */
  ZbStanding standing;
  ZbMemberStatus status;
  char *left_kind; /* a ZbLeftKind code string (zb-codes.h), e.g. "expelled" */
  char *left_date;
  char *remarks;
  char *created_at;
  char *updated_at;
} ZbMemberRecord;

ZbMemberRecord *zb_member_record_new (void);
ZbMemberRecord *zb_member_record_copy (const ZbMemberRecord *record);
void zb_member_record_free (ZbMemberRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMemberRecord, zb_member_record_free)

/* Stable names for JSON, the CLI and the database ("male", "full", "normal",
 * "active", …); never translated. The parsers return FALSE for an unknown name. */
const char *zb_gender_to_string (ZbGender gender);
gboolean zb_gender_from_string (const char *text, ZbGender *gender);
const char *zb_member_category_to_string (ZbMemberCategory category);
gboolean zb_member_category_from_string (const char *text, ZbMemberCategory *category);
const char *zb_standing_to_string (ZbStanding standing);
gboolean zb_standing_from_string (const char *text, ZbStanding *standing);
const char *zb_member_status_to_string (ZbMemberStatus status);
gboolean zb_member_status_from_string (const char *text, ZbMemberStatus *status);

/* Translated labels for the UI: 男/女, 正式党员/预备党员, 正常/停止党籍,
 * 在册/已转出/已出党/已去世. */
const char *zb_gender_get_label (ZbGender gender);
const char *zb_member_category_get_label (ZbMemberCategory category);
const char *zb_standing_get_label (ZbStanding standing);
const char *zb_member_status_get_label (ZbMemberStatus status);

/* The record as a JSON object (every field, stable key names as in the
 * database columns; the audit log stores exactly this). */
char *zb_member_record_to_json (const ZbMemberRecord *record);

#define ZB_TYPE_MEMBER (zb_member_get_type ())

G_DECLARE_FINAL_TYPE (ZbMember, zb_member, ZB, MEMBER, GObject)

/* An immutable snapshot of a record, for GListModels and widgets.
 * Read-only properties for GtkExpressions: "uuid", "name", "branch-name",
 * "group-name". */
ZbMember *zb_member_new (const ZbMemberRecord *record);
/* The same, with the names of the member's branch and group (as
 * zb_member_repo_fetch() fills them; NULL when none). */
ZbMember *zb_member_new_with_units (const ZbMemberRecord *record, const char *branch_name,
                                    const char *group_name);
const ZbMemberRecord *zb_member_get_record (ZbMember *self);
const char *zb_member_get_uuid (ZbMember *self);
const char *zb_member_get_name (ZbMember *self);
const char *zb_member_get_branch_name (ZbMember *self);
const char *zb_member_get_group_name (ZbMember *self);

G_END_DECLS
