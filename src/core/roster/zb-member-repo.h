/* zb-member-repo.h — the members of a workspace: the only SQL that touches them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-database.h"
#include "zb-member.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEMBER_REPO (zb_member_repo_get_type ())

G_DECLARE_FINAL_TYPE (ZbMemberRepo, zb_member_repo, ZB, MEMBER_REPO, GObject)

#define ZB_MEMBER_ERROR (zb_member_error_quark ())

/* Why a write was refused. Messages are translated sentences for the user. */
typedef enum
{
  ZB_MEMBER_ERROR_FAILED,
  ZB_MEMBER_ERROR_INVALID,       /* the record breaks a rule (zb_member_validate); the message
                                    names the first problem */
  ZB_MEMBER_ERROR_DUPLICATE_ID,  /* another active member has this ID number */
  ZB_MEMBER_ERROR_NOT_FOUND,     /* no member (or event) with this UUID */
  ZB_MEMBER_ERROR_EVENT_INVALID, /* the event does not fit the member's state or dates */
} ZbMemberError;

GQuark zb_member_error_quark (void);

typedef enum
{
  ZB_MEMBER_ORDER_STROKES, /* 姓氏笔画, the official order for name lists */
  ZB_MEMBER_ORDER_PINYIN,
  ZB_MEMBER_ORDER_JOINED, /* 入党日期, then strokes */
} ZbMemberOrder;

/* What a list shows. Tri-state filters: -1 any, 0 no, 1 yes.
 *
 * @search matches, case-insensitively and after trimming spaces:
 *  - a substring of the name (张, 三丰);
 *  - a prefix of the pinyin initials (zs → 张三) or of the full pinyin without
 *    tones and spaces (zhangs, zhangsan) when it is all ASCII letters;
 *  - a substring of the ID number or of the phone number's digits when it is
 *    3 or more digits (spaces and dashes ignored; a final x/X allowed for ID
 *    numbers). One or two digits, found in nearly every number, filter
 *    nothing yet.
 * Rows are always in the order asked for, whatever matched. */
typedef struct
{
  const char *search;
  ZbMemberOrder order;
  gboolean descending;
  gint64 branch_id; /* 0: all */
  gint64 group_id;  /* 0: all */
  int category;     /* -1, or a ZbMemberCategory */
  int flowing;      /* -1, 0, 1 */
  int lost_contact; /* -1, 0, 1 */
  gboolean archive; /* FALSE: the active roster; TRUE: those who left */
} ZbMemberQuery;

#define ZB_MEMBER_QUERY_INIT                                                                       \
  {                                                                                                \
    NULL, ZB_MEMBER_ORDER_STROKES, FALSE, 0, 0, -1, -1, -1, FALSE                                  \
  }

/* A status change (DOMAIN.md §4.6, §4.7): recorded as an event with its date and
 * applied to the member in the same transaction:
 *  - FULL_MEMBERSHIP: only for a probationary member, date ≥ joined_date →
 *    category full, full_date = date;
 *  - TRANSFER_OUT: status transferred_out (into the archive); TRANSFER_IN: status
 *    active again (refused if another active member has the ID number);
 *  - FLOW_START / FLOW_END: flowing, flow_destination = counterpart,
 *    flow_card_number = letter_number / cleared;
 *  - LOST_CONTACT (reason "1"–"7") / CONTACT_RESTORED: lost_contact, its date and
 *    reason / cleared;
 *  - SUSPEND / RESTORE: standing suspended / normal;
 *  - LEAVE (reason = a ZbLeftKind code, zb-codes.h): status left, left_kind,
 *    left_date; DEATH: status deceased, left_date.
 * Events other than TRANSFER_IN need an active member; an event dated before the
 * member's latest event is refused for the events that change the status. */
typedef enum
{
  ZB_EVENT_FULL_MEMBERSHIP, /* 转正 */
  ZB_EVENT_TRANSFER_IN,     /* 组织关系转入: counterpart, letter_number, dues_paid_until */
  ZB_EVENT_TRANSFER_OUT,    /* 组织关系转出: counterpart, letter_number, dues_paid_until */
  ZB_EVENT_FLOW_START, /* 外出流动: counterpart = destination, letter_number = 活动证号 */
  ZB_EVENT_FLOW_END,
  ZB_EVENT_LOST_CONTACT, /* 失联: reason = 失联情形 code "1"–"7" */
  ZB_EVENT_CONTACT_RESTORED,
  ZB_EVENT_SUSPEND, /* 停止党籍 */
  ZB_EVENT_RESTORE, /* 恢复党籍 */
  ZB_EVENT_LEAVE,   /* 出党: reason = left kind (persuaded, removed, lapsed,
                       withdrew, expelled, probation_cancelled) */
  ZB_EVENT_DEATH,
} ZbMemberEventKind;

typedef struct
{
  char *uuid;
  ZbMemberEventKind kind;
  char *date;
  char *counterpart;
  char *letter_number;
  char *dues_paid_until; /* "YYYY-MM" */
  char *reason;
  char *notes;
  char *created_at;
} ZbMemberEvent;

ZbMemberEvent *zb_member_event_new (ZbMemberEventKind kind, const char *date);
ZbMemberEvent *zb_member_event_copy (const ZbMemberEvent *event);
void zb_member_event_free (ZbMemberEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMemberEvent, zb_member_event_free)

/* Stable names ("full_membership", "transfer_in", "transfer_out", "flow_start",
 * "flow_end", "lost_contact", "contact_restored", "suspend", "restore", "leave",
 * "death") for the database, JSON and the CLI; a translated label for the UI. */
const char *zb_member_event_kind_to_string (ZbMemberEventKind kind);
gboolean zb_member_event_kind_from_string (const char *text, ZbMemberEventKind *kind);
const char *zb_member_event_kind_get_label (ZbMemberEventKind kind);

ZbMemberRepo *zb_member_repo_new (ZbDatabase *db);
ZbDatabase *zb_member_repo_get_database (ZbMemberRepo *self);

/* Validates (rules, as of today), fills uuid/id/created_at/updated_at, computes
 * the sort and search columns, inserts, and writes the audit row — all in one
 * transaction — then emits "changed". The name is trimmed, a lower-case x in
 * the ID number upper-cased, the phone stored as digits; an unknown gender or
 * birth date is taken from the ID number. */
gboolean zb_member_repo_insert (ZbMemberRepo *self, ZbMemberRecord *record, GError **error);

/* Writes the record's fields over the stored member with the same uuid (audit
 * row with before and after). The fields that events govern — status, standing,
 * flowing and flow_*, lost_contact and lost_contact_*, left_* — keep their
 * stored values: change them with zb_member_repo_record_event(). */
gboolean zb_member_repo_update (ZbMemberRepo *self, ZbMemberRecord *record, GError **error);
ZbMemberRecord *zb_member_repo_get (ZbMemberRepo *self, const char *uuid, GError **error);

/* For bulk writes (import, demo data) inside a transaction the caller opened
 * with _zb_database_begin() and commits itself.
 *
 * NO_AUDIT: no audit row per member — the caller appends one row for the whole
 *   batch (e.g. action "import", entity "import_batch") in the same transaction.
 * NO_VALIDATE: the caller has already run zb_member_validate() on the record
 *   (the normalisation — trimming, upper-case X, phone digits, derived gender
 *   and birth date — is still applied).
 * NORMALIZED: the caller has already run zb_member_normalize() on the record
 *   with today's date (the importer, which checks what it writes). */
typedef enum
{
  ZB_MEMBER_WRITE_DEFAULT = 0,
  ZB_MEMBER_WRITE_NO_AUDIT = 1 << 0,
  ZB_MEMBER_WRITE_NO_VALIDATE = 1 << 1,
  ZB_MEMBER_WRITE_NORMALIZED = 1 << 2,
} ZbMemberWriteFlags;

/* The keys a member's name is ordered and searched by (姓氏笔画 and pinyin
 * sort keys, reading, initials, search tokens). Making them takes a few
 * microseconds of ICU a name: a bulk writer may make them on another thread,
 * ahead of the writes, and hand them to
 * zb_member_repo_insert_keyed_in_transaction(). */
typedef struct _ZbMemberNameKeys ZbMemberNameKeys;

ZbMemberNameKeys *zb_member_name_keys_new (const char *name);
void zb_member_name_keys_free (ZbMemberNameKeys *keys);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMemberNameKeys, zb_member_name_keys_free)

/* As zb_member_repo_insert() but neither BEGINs nor COMMITs nor emits
 * "changed": call zb_member_repo_emit_changed() after your COMMIT. Fails with
 * ZB_MEMBER_ERROR_DUPLICATE_ID when an active member has the ID number, which
 * leaves the caller's transaction usable (the failed INSERT is undone alone).
 * @import_batch_id (0 for none) is stored so that the batch can be undone. */
gboolean zb_member_repo_insert_in_transaction (ZbMemberRepo *self, ZbMemberRecord *record,
                                               gint64 import_batch_id, ZbMemberWriteFlags flags,
                                               GError **error);
/* The same with the keys of the record's name made beforehand
 * (zb_member_name_keys_new() of record->name; NULL: made here). The record
 * must be NORMALIZED already, so that its name is the one stored. */
gboolean zb_member_repo_insert_keyed_in_transaction (ZbMemberRepo *self, ZbMemberRecord *record,
                                                     const ZbMemberNameKeys *keys,
                                                     gint64 import_batch_id,
                                                     ZbMemberWriteFlags flags, GError **error);

/* Many rows at once (an import of thousands): call zb_member_repo_bulk_begin()
 * after BEGIN and before the inserts, and zb_member_repo_bulk_end() after them
 * and before COMMIT. With @expected_rows at or above ZB_MEMBER_BULK_THRESHOLD
 * (and at least half the members already there) the order and search indexes
 * of the roster are set aside and built again at
 * the end, which is several times faster than keeping them up to date row by
 * row; the unique checks (ID number, uuid) still apply to each row. If you roll
 * back instead, the indexes come back with the rollback; call bulk_end() only
 * on the way to COMMIT, and on rollback just drop the repository's bulk state
 * with zb_member_repo_bulk_abandon(). Lists must not be read in between. */
#define ZB_MEMBER_BULK_THRESHOLD 5000
gboolean zb_member_repo_bulk_begin (ZbMemberRepo *self, guint expected_rows, GError **error);
gboolean zb_member_repo_bulk_end (ZbMemberRepo *self, GError **error);
void zb_member_repo_bulk_abandon (ZbMemberRepo *self);

/* Removes, inside the caller's transaction, every member inserted by import
 * batch @import_batch_id together with their events and posts (撤销本次导入).
 * Without NO_AUDIT, one audit row ("delete", "member") per member. Sets
 * *n_removed. */
gboolean zb_member_repo_delete_import_batch_in_transaction (ZbMemberRepo *self,
                                                            gint64 import_batch_id,
                                                            ZbMemberWriteFlags flags,
                                                            guint *n_removed, GError **error);

/* Emits "changed" (after a bulk write committed by the caller). */
void zb_member_repo_emit_changed (ZbMemberRepo *self);

/* The uuid of the active member with @id_number (upper-case X), in *uuid_out
 * (NULL when there is none). Returns FALSE only on a database error. */
gboolean zb_member_repo_lookup_id_number (ZbMemberRepo *self, const char *id_number,
                                          char **uuid_out, GError **error);

gboolean zb_member_repo_record_event (ZbMemberRepo *self, const char *member_uuid,
                                      const ZbMemberEvent *event, GError **error);
/* Events of a member in date order (then in the order recorded): a GPtrArray of
 * ZbMemberEvent. */
GPtrArray *zb_member_repo_list_events (ZbMemberRepo *self, const char *member_uuid, GError **error);

gint64 zb_member_repo_count (ZbMemberRepo *self, const ZbMemberQuery *query, GError **error);
/* Rows @offset … @offset + @limit - 1 of the query: a GPtrArray of ZbMember
 * (with branch and group names). */
GPtrArray *zb_member_repo_fetch (ZbMemberRepo *self, const ZbMemberQuery *query, guint offset,
                                 guint limit, GError **error);

/* The repository signals "changed" (no arguments) after every committed write,
 * so that list models can refresh. */

G_END_DECLS

/* API-READY */
