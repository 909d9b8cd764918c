/* test-member-events.c — status changes recorded as dated events and applied
 * to the member in the same transaction (DOMAIN.md §1.4, §4.6, §4.7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roster-test-util.h"

static ZbMemberRecord *
probationary (RosterFixture *f, const char *name, int seq)
{
  ZbMemberRecord *r = roster_record (name, "19900101", seq);

  r->category = ZB_CATEGORY_PROBATIONARY;
  g_free (r->joined_date);
  r->joined_date = g_strdup ("2025-07-01");
  g_clear_pointer (&r->full_date, g_free);
  return roster_insert (f, r);
}

static gboolean
record (RosterFixture *f, const char *uuid, ZbMemberEventKind kind, const char *date,
        const char *counterpart, const char *letter, const char *reason, GError **error)
{
  g_autoptr (ZbMemberEvent) e = zb_member_event_new (kind, date);

  e->counterpart = g_strdup (counterpart);
  e->letter_number = g_strdup (letter);
  e->reason = g_strdup (reason);
  return zb_member_repo_record_event (f->repo, uuid, e, error);
}

static ZbMemberRecord *
reload (RosterFixture *f, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  ZbMemberRecord *r = zb_member_repo_get (f->repo, uuid, &error);

  g_assert_no_error (error);
  return r;
}

static gint64
count_query (RosterFixture *f, gboolean archive)
{
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  gint64 n;

  q.archive = archive;
  n = zb_member_repo_count (f->repo, &q, &error);
  g_assert_no_error (error);
  return n;
}

/* 转正 (§1.4, §1.6): only a probationary member, not before 入党. */
static void
test_full_membership (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) p = probationary (f, "预备甲", 11);
  g_autoptr (ZbMemberRecord) after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (
      record (f, p->uuid, ZB_EVENT_FULL_MEMBERSHIP, "2025-06-30", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);

  g_assert_true (
      record (f, p->uuid, ZB_EVENT_FULL_MEMBERSHIP, "2026-07-01", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = reload (f, p->uuid);
  g_assert_cmpint (after->category, ==, ZB_CATEGORY_FULL);
  g_assert_cmpstr (after->full_date, ==, "2026-07-01");

  /* already full */
  g_assert_false (
      record (f, p->uuid, ZB_EVENT_FULL_MEMBERSHIP, "2026-08-01", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
}

/* §4.6/§4.7: a transfer out takes the member off the active roster into the
 * archive (not an exit); a transfer in brings them back. */
static void
test_transfer (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) m = roster_insert (f, roster_record ("张三", "19800101", 11));
  g_autoptr (ZbMemberRecord) after = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (ZbMemberEvent) out = zb_member_event_new (ZB_EVENT_TRANSFER_OUT, "2024-03-01");

  out->counterpart = g_strdup ("中共某某公司支部委员会");
  out->letter_number = g_strdup ("第0012号");
  out->dues_paid_until = g_strdup ("2024-02");
  g_assert_true (zb_member_repo_record_event (f->repo, m->uuid, out, &error));
  g_assert_no_error (error);

  after = reload (f, m->uuid);
  g_assert_cmpint (after->status, ==, ZB_STATUS_TRANSFERRED_OUT);
  g_assert_cmpint (count_query (f, FALSE), ==, 0);
  g_assert_cmpint (count_query (f, TRUE), ==, 1);

  /* not found by the active roster's search any more, but in the archive */
  q.search = "张三";
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 0);
  q.archive = TRUE;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 1);

  /* nothing else can happen to someone who is not on the roster */
  g_assert_false (record (f, m->uuid, ZB_EVENT_SUSPEND, "2024-05-01", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);

  /* back again, but not dated before the transfer out */
  g_assert_false (
      record (f, m->uuid, ZB_EVENT_TRANSFER_IN, "2024-02-01", "某某", NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);
  g_assert_true (
      record (f, m->uuid, ZB_EVENT_TRANSFER_IN, "2025-01-10", "某某", "第9号", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, zb_member_record_free);
  after = reload (f, m->uuid);
  g_assert_cmpint (after->status, ==, ZB_STATUS_ACTIVE);
  q.archive = FALSE;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 1);

  events = zb_member_repo_list_events (f->repo, m->uuid, &error);
  g_assert_cmpuint (events->len, ==, 2);
  {
    const ZbMemberEvent *e = g_ptr_array_index (events, 0);

    g_assert_cmpint (e->kind, ==, ZB_EVENT_TRANSFER_OUT);
    g_assert_cmpstr (e->counterpart, ==, "中共某某公司支部委员会");
    g_assert_cmpstr (e->letter_number, ==, "第0012号");
    g_assert_cmpstr (e->dues_paid_until, ==, "2024-02");
    g_assert_nonnull (e->uuid);
    g_assert_nonnull (e->created_at);
  }
}

/* 流动党员 (§4.6), 失联 with its 情形 (§4.2), 停止/恢复党籍 (§4.6). */
static void
test_flow_lost_suspend (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) m = roster_insert (f, roster_record ("李四", "19800101", 13));
  g_autoptr (GError) error = NULL;
  ZbMemberRecord *r;

  g_assert_true (record (f, m->uuid, ZB_EVENT_FLOW_START, "2022-03-01", "广东省深圳市", "粤流001",
                         NULL, &error));
  r = reload (f, m->uuid);
  g_assert_true (r->flowing);
  g_assert_cmpstr (r->flow_destination, ==, "广东省深圳市");
  g_assert_cmpstr (r->flow_card_number, ==, "粤流001");
  zb_member_record_free (r);

  g_assert_false (record (f, m->uuid, ZB_EVENT_FLOW_START, "2022-04-01", "x", NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);

  g_assert_true (record (f, m->uuid, ZB_EVENT_FLOW_END, "2023-01-01", NULL, NULL, NULL, &error));
  r = reload (f, m->uuid);
  g_assert_false (r->flowing);
  g_assert_null (r->flow_destination);
  zb_member_record_free (r);

  /* 失联 needs one of the seven 情形 */
  g_assert_false (
      record (f, m->uuid, ZB_EVENT_LOST_CONTACT, "2023-05-01", NULL, NULL, "9", &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);
  /* the situation by its name: stored as its code (§4.2) */
  g_assert_true (record (f, m->uuid, ZB_EVENT_LOST_CONTACT, "2023-05-01", NULL, NULL,
                         "毕业后去向不明", &error));
  g_assert_no_error (error);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member_event"
                                         " WHERE kind = 'lost_contact' AND reason = '3'"),
                   ==, 1);
  r = reload (f, m->uuid);
  g_assert_true (r->lost_contact);
  g_assert_cmpstr (r->lost_contact_date, ==, "2023-05-01");
  g_assert_cmpint (r->lost_contact_reason, ==, 3);
  zb_member_record_free (r);

  /* lost ≥ 6 months → 停止党籍 (§4.6 (b)) */
  g_assert_true (record (f, m->uuid, ZB_EVENT_SUSPEND, "2024-01-10", NULL, NULL, NULL, &error));
  r = reload (f, m->uuid);
  g_assert_cmpint (r->standing, ==, ZB_STANDING_SUSPENDED);
  zb_member_record_free (r);

  g_assert_true (
      record (f, m->uuid, ZB_EVENT_CONTACT_RESTORED, "2024-06-01", NULL, NULL, NULL, &error));
  g_assert_true (record (f, m->uuid, ZB_EVENT_RESTORE, "2024-09-01", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  r = reload (f, m->uuid);
  g_assert_false (r->lost_contact);
  g_assert_cmpint (r->lost_contact_reason, ==, 0);
  g_assert_cmpint (r->standing, ==, ZB_STANDING_NORMAL);
  g_assert_cmpint (r->status, ==, ZB_STATUS_ACTIVE);
  zb_member_record_free (r);

  g_assert_false (record (f, m->uuid, ZB_EVENT_RESTORE, "2024-10-01", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
}

/* 出党 in each of its forms (§4.6), and 死亡. */
static void
test_leave_and_death (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = roster_insert (f, roster_record ("王五", "19600101", 15));
  g_autoptr (ZbMemberRecord) b = roster_insert (f, roster_record ("赵六", "19500101", 17));
  g_autoptr (ZbMemberRecord) p = probationary (f, "预备乙", 19);
  g_autoptr (GError) error = NULL;
  ZbMemberRecord *r;

  g_assert_false (
      record (f, a->uuid, ZB_EVENT_LEAVE, "2024-01-01", NULL, NULL, "went-away", &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);
  /* 取消预备党员资格 only for probationary members */
  g_assert_false (
      record (f, a->uuid, ZB_EVENT_LEAVE, "2024-01-01", NULL, NULL, "probation_cancelled", &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);

  g_assert_true (record (f, a->uuid, ZB_EVENT_LEAVE, "2024-01-01", NULL, NULL, "expelled", &error));
  g_assert_true (
      record (f, p->uuid, ZB_EVENT_LEAVE, "2026-01-01", NULL, NULL, "probation_cancelled", &error));
  g_assert_true (record (f, b->uuid, ZB_EVENT_DEATH, "2025-02-02", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  r = reload (f, a->uuid);
  g_assert_cmpint (r->status, ==, ZB_STATUS_LEFT);
  g_assert_cmpstr (r->left_kind, ==, "expelled");
  g_assert_cmpstr (r->left_date, ==, "2024-01-01");
  zb_member_record_free (r);
  r = reload (f, b->uuid);
  g_assert_cmpint (r->status, ==, ZB_STATUS_DECEASED);
  g_assert_cmpstr (r->left_date, ==, "2025-02-02");
  zb_member_record_free (r);

  /* all three in the archive, none on the roster */
  g_assert_cmpint (count_query (f, FALSE), ==, 0);
  g_assert_cmpint (count_query (f, TRUE), ==, 3);

  /* no transfer in after 出党 or death */
  g_assert_false (
      record (f, b->uuid, ZB_EVENT_TRANSFER_IN, "2026-01-01", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
}

/* The history lists events in date order, whatever order they were typed in;
 * each event has its audit row; a refused event writes nothing. */
static void
test_history_order (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) m = probationary (f, "孙七", 21);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audit_before;
  gint64 n_rows;

  audit_before = roster_count_rows (f, "SELECT count(*) FROM audit_log");
  g_assert_true (
      record (f, m->uuid, ZB_EVENT_FLOW_START, "2026-03-01", "外地", NULL, NULL, &error));
  g_assert_true (
      record (f, m->uuid, ZB_EVENT_FULL_MEMBERSHIP, "2026-07-01", NULL, NULL, NULL, &error));
  g_assert_true (record (f, m->uuid, ZB_EVENT_LOST_CONTACT, "2025-12-01", NULL, NULL, "1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log"), ==, audit_before + 3);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log WHERE action = 'event'"),
                   ==, 3);

  /* in the future: refused, nothing written */
  g_assert_false (record (f, m->uuid, ZB_EVENT_SUSPEND, "2099-01-01", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);
  g_assert_false (record (f, m->uuid, ZB_EVENT_SUSPEND, "2026-02-30", NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_EVENT_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member_event"), ==, 3);

  events = zb_member_repo_list_events (f->repo, m->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((ZbMemberEvent *)g_ptr_array_index (events, 0))->date, ==, "2025-12-01");
  g_assert_cmpint (((ZbMemberEvent *)g_ptr_array_index (events, 0))->kind, ==,
                   ZB_EVENT_LOST_CONTACT);
  g_assert_cmpstr (((ZbMemberEvent *)g_ptr_array_index (events, 1))->date, ==, "2026-03-01");
  g_assert_cmpstr (((ZbMemberEvent *)g_ptr_array_index (events, 2))->date, ==, "2026-07-01");

  g_assert_true (zb_audit_verify (f->db, &n_rows, NULL, &error));

  /* an unknown member */
  g_assert_false (record (f, "00000000-0000-4000-8000-000000000000", ZB_EVENT_DEATH, "2026-01-01",
                          NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND);
}

static void
test_kind_names (void)
{
  for (int k = ZB_EVENT_FULL_MEMBERSHIP; k <= ZB_EVENT_DEATH; k++)
    {
      ZbMemberEventKind back;
      const char *name = zb_member_event_kind_to_string ((ZbMemberEventKind)k);

      g_assert_nonnull (name);
      g_assert_true (zb_member_event_kind_from_string (name, &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (zb_member_event_kind_get_label ((ZbMemberEventKind)k));
    }
  g_assert_cmpstr (zb_member_event_kind_to_string (ZB_EVENT_TRANSFER_OUT), ==, "transfer_out");
  g_assert_false (zb_member_event_kind_from_string ("vanish", NULL));
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, RosterFixture, NULL, roster_fixture_set_up, func, roster_fixture_tear_down)

  ADD ("/member-events/full-membership", test_full_membership);
  ADD ("/member-events/transfer", test_transfer);
  ADD ("/member-events/flow-lost-suspend", test_flow_lost_suspend);
  ADD ("/member-events/leave-and-death", test_leave_and_death);
  ADD ("/member-events/history-order", test_history_order);
  g_test_add_func ("/member-events/kind-names", test_kind_names);

  return g_test_run ();
}
