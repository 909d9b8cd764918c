/* zb-meeting-register-document.c — the 年度三会一课台账: every meeting of a
 * year by kind, with attendance rates and the year's required against held
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-meeting-docs-private.h"
#include "zb-meeting-register-document.h"

#define or_empty _zb_doc_or_empty
#define is_set _zb_doc_is_set

static const struct
{
  const char *title;
  double weight; /* 0: as wide as the widest entry */
  PangoAlignment align;
} columns[] = {
  { "序号", 0, PANGO_ALIGN_CENTER },   { "日期", 0, PANGO_ALIGN_CENTER },
  { "类别", 0, PANGO_ALIGN_CENTER },   { "主题/议题", 3.0, PANGO_ALIGN_LEFT },
  { "主持人", 0, PANGO_ALIGN_CENTER }, { "应到", 0, PANGO_ALIGN_CENTER },
  { "实到", 0, PANGO_ALIGN_CENTER },   { "请假", 0, PANGO_ALIGN_CENTER },
  { "缺席", 0, PANGO_ALIGN_CENTER },   { "出席率", 0, PANGO_ALIGN_CENTER },
};

/* The subtotal's label runs over 序号 … 主持人. */
#define LABEL_SPAN 5

typedef struct
{
  guint n;
  guint expected;       /* of every meeting */
  guint taken_expected; /* of those whose attendance was taken: the rate's base */
  guint present;
  guint leave;
  guint absent;
} Tally;

/* present / expected as a percentage with one decimal, "93.8%"; "—" when
 * there is nothing to divide. Integer arithmetic, rounded half up. */
static char *
rate_text (guint present, guint expected)
{
  guint64 permille;

  if (expected == 0)
    return g_strdup ("—");
  permille = ((guint64)present * 1000 + expected / 2) / expected;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%%", permille / 10,
                          permille % 10);
}

static void
tally_add (Tally *t, const ZbAttendanceCounts *c)
{
  t->n++;
  t->expected += c->expected;
  if (!c->taken)
    return;
  t->taken_expected += c->expected;
  t->present += c->present;
  t->leave += c->leave;
  t->absent += c->absent;
}

static void
append_tally (ZbTable *table, const char *label, const Tally *t)
{
  g_autofree char *expected = g_strdup_printf ("%u", t->expected);
  g_autofree char *present = g_strdup_printf ("%u", t->present);
  g_autofree char *leave = g_strdup_printf ("%u", t->leave);
  g_autofree char *absent = g_strdup_printf ("%u", t->absent);
  g_autofree char *rate = rate_text (t->present, t->taken_expected);
  guint row
      = zb_table_append_row (table, (const char *const[]){ label, "", "", "", "", expected, present,
                                                           leave, absent, rate, NULL });

  zb_table_set_span (table, row, 0, 1, LABEL_SPAN);
  zb_table_set_cell_alignment (table, row, 0, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
}

/* The title, else the topics "1．…；2．…". */
static char *
subject_text (const ZbMeetingRecord *m)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (is_set (m->title))
    return g_strdup (m->title);
  for (guint i = 0; i < m->topics->len; i++)
    {
      const ZbMeetingTopic *t = g_ptr_array_index (m->topics, i);

      g_string_append_printf (out, "%s%u．%s", i > 0 ? "；" : "", i + 1, or_empty (t->title));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
kind_text (ZbOrgRepo *org, const ZbMeetingRecord *m)
{
  g_autofree char *group = NULL;

  if (m->kind == ZB_MEETING_GROUP && (group = _zb_meeting_doc_unit_name (org, m->group_id)) != NULL)
    return g_strdup_printf ("%s（%s）", _zb_meeting_doc_kind_name (m->kind), group);
  return g_strdup (_zb_meeting_doc_kind_name (m->kind));
}

static void
append_meeting (ZbTable *table, ZbOrgRepo *org, const ZbMeetingRecord *m, guint serial, Tally *t)
{
  ZbAttendanceCounts c;
  g_autofree char *number = g_strdup_printf ("%u", serial);
  g_autofree char *date = _zb_doc_short_date (m->date);
  g_autofree char *kind = kind_text (org, m);
  g_autofree char *subject = subject_text (m);
  g_autofree char *expected = NULL;
  g_autofree char *present = NULL;
  g_autofree char *leave = NULL;
  g_autofree char *absent = NULL;
  g_autofree char *rate = NULL;

  zb_meeting_count_attendance (m->attendees, &c);
  expected = g_strdup_printf ("%u", c.expected);
  /* Attendance not taken yet: the cells are left for it. */
  present = c.taken ? g_strdup_printf ("%u", c.present) : g_strdup ("");
  leave = c.taken ? g_strdup_printf ("%u", c.leave) : g_strdup ("");
  absent = c.taken ? g_strdup_printf ("%u", c.absent) : g_strdup ("");
  rate = c.taken ? rate_text (c.present, c.expected) : g_strdup ("");
  zb_table_append_row (
      table, (const char *const[]){ number, date, kind, subject,
                                    or_empty (_zb_meeting_doc_attendee_name (m, m->chair_id)),
                                    expected, present, leave, absent, rate, NULL });
  tally_add (t, &c);
}

/* ------------------------------------------------------------------------- */
/* The year's required against held (zb_meeting_rhythm_for_year()). */

static const char *
period_name (ZbPeriodUnit unit, guint index)
{
  static const char *const months[]
      = { "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" };
  static const char *const quarters[] = { "第一季度", "第二季度", "第三季度", "第四季度" };

  switch (unit)
    {
    case ZB_PERIOD_MONTH:
      return index >= 1 && index <= 12 ? months[index - 1] : "";
    case ZB_PERIOD_QUARTER:
      return index >= 1 && index <= 4 ? quarters[index - 1] : "";
    case ZB_PERIOD_HALF_YEAR:
      return index == 1 ? "上半年" : "下半年";
    case ZB_PERIOD_YEAR:
      return "全年";
    case ZB_PERIOD_NONE:
    default:
      return "";
    }
}

static char *
requirement_text (const ZbMeetingPlan *plan, ZbMeetingKind kind)
{
  const char *unit;
  guint times = MAX (plan->times[kind], 1);

  switch (plan->unit[kind])
    {
    case ZB_PERIOD_MONTH:
      unit = "每月";
      break;
    case ZB_PERIOD_QUARTER:
      unit = "每季度";
      break;
    case ZB_PERIOD_HALF_YEAR:
      unit = "每半年";
      break;
    case ZB_PERIOD_YEAR:
      unit = "每年";
      break;
    case ZB_PERIOD_NONE:
    default:
      return g_strdup ("不作要求");
    }
  return g_strdup_printf ("%s%s至少%u次", kind == ZB_MEETING_GROUP ? "每个党小组" : "", unit,
                          times);
}

static const char *
group_name (const GArray *groups, gint64 id)
{
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    if (g_array_index (groups, ZbMeetingGroup, i).id == id)
      return g_array_index (groups, ZbMeetingGroup, i).name;
  return NULL;
}

/* The groups of @branch_id (0: all), not archived, for the rhythm; the
 * names stay owned by @units. */
static GArray *
list_groups (ZbOrgRepo *org, gint64 branch_id, GPtrArray **units, GError **error)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (ZbMeetingGroup));

  *units = org != NULL ? zb_org_repo_list_units (org, FALSE, error) : NULL;
  if (org != NULL && *units == NULL)
    {
      g_array_unref (groups);
      return NULL;
    }
  for (guint i = 0; *units != NULL && i < (*units)->len; i++)
    {
      const ZbOrgUnit *u = g_ptr_array_index (*units, i);
      ZbMeetingGroup g = { .id = u->id, .name = u->name };

      if (u->kind != ZB_ORG_UNIT_GROUP || (branch_id != 0 && u->parent_id != branch_id))
        continue;
      /* When a group was set up is not recorded: it is taken as always. */
      g_date_clear (&g.since, 1);
      g_date_clear (&g.until, 1);
      g_array_append_val (groups, g);
    }
  return groups;
}

static void
add_rhythm (ZbDocument *doc, ZbMeetingRepo *meetings, ZbOrgRepo *org, gint64 branch_id, guint year,
            const GDate *today, const Tally *tallies, GError **error)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) held = NULL;
  g_autoptr (GArray) groups = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (ZbTable) table = zb_table_new ();
  static const char *const titles[]
      = { "类别",     "要求",     "全年应开", "按期召开",        "逾期未开",
          "本期待开", "尚未到期", "实际召开", "未按期召开的时段" };

  held = zb_meeting_repo_list_held (meetings, branch_id, year, error);
  if (held == NULL)
    return;
  groups = list_groups (org, branch_id, &units, error);
  if (groups == NULL)
    return;
  zb_meeting_plan_init_default (&plan);
  periods = zb_meeting_rhythm_for_year (&plan, held, groups, NULL, year, today);

  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    zb_table_add_column (table, titles[c], c == 8 ? 2.0 : 0,
                         c == 8 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_set_font_size (table, 9.0);

  for (guint k = 0; k < ZB_MEETING_N_KINDS; k++)
    {
      guint n[ZB_PERIOD_NOT_YET + 1] = { 0 };
      guint total = 0;
      g_autoptr (GString) missing = g_string_new (NULL);
      g_autofree char *requirement = NULL;
      char *cells[5] = { NULL };
      g_autofree char *actual = NULL;
      gint64 last_group = -1;

      if (plan.unit[k] == ZB_PERIOD_NONE)
        continue;
      for (guint i = 0; i < periods->len; i++)
        {
          const ZbMeetingPeriod *p = g_ptr_array_index (periods, i);

          if (p->kind != k)
            continue;
          total++;
          n[p->status]++;
          if (p->status != ZB_PERIOD_OVERDUE)
            continue;
          if (k == ZB_MEETING_GROUP && p->group_id != last_group)
            g_string_append_printf (missing, "%s%s：", missing->len > 0 ? "；" : "",
                                    or_empty (group_name (groups, p->group_id)));
          else if (missing->len > 0)
            g_string_append (missing, "、");
          g_string_append (missing, period_name (p->unit, p->index));
          last_group = p->group_id;
        }

      requirement = requirement_text (&plan, k);
      cells[0] = g_strdup_printf ("%u", total);
      cells[1] = g_strdup_printf ("%u", n[ZB_PERIOD_HELD]);
      cells[2] = g_strdup_printf ("%u", n[ZB_PERIOD_OVERDUE]);
      cells[3] = g_strdup_printf ("%u", n[ZB_PERIOD_DUE]);
      cells[4] = g_strdup_printf ("%u", n[ZB_PERIOD_NOT_YET]);
      actual = g_strdup_printf ("%u", tallies[k].n);
      zb_table_append_row (
          table, (const char *const[]){ _zb_meeting_doc_kind_name (k), requirement, cells[0],
                                        cells[1], cells[2], cells[3], cells[4], actual,
                                        missing->len > 0 ? missing->str : "无", NULL });
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        g_clear_pointer (&cells[i], g_free);
    }

  zb_document_add_spacer (doc, 0.5);
  zb_document_add_heading (doc, "全年应开与已开情况");
  zb_document_add_table (doc, table);
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "注：频次按《中国共产党支部工作条例（试行）》：支部委员会会议、党小组会、"
                        "主题党日每月一次，支部党员大会每季度一次，组织生活会、民主评议党员每年"
                        "一次；党课每季度一次（本地规定）。一次会议计入其日期所在的时段。");
}

ZbDocument *
zb_meeting_register_document_new (ZbMeetingRepo *meetings, ZbOrgRepo *org, gint64 branch_id,
                                  guint year, const char *org_name, GDateTime *print_date,
                                  GError **error)
{
  ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) records
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_record_free);
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbTable) table = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *title = NULL;
  g_autofree char *as_of = NULL;
  Tally tallies[ZB_MEETING_N_KINDS] = { { 0 } };
  Tally all = { 0 };
  GDate today;
  guint serial = 0;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  if (print_date == NULL)
    print_date = now = g_date_time_new_now_local ();

  query.year = year;
  query.branch_id = branch_id;
  list = zb_meeting_repo_list (meetings, &query, error);
  if (list == NULL)
    return NULL;
  /* A year is about a hundred meetings: each read whole for its topics and
   * the chair's name. */
  for (guint i = 0; i < list->len; i++)
    {
      ZbMeetingRecord *m = zb_meeting_repo_get (
          meetings, zb_meeting_get_uuid (g_ptr_array_index (list, i)), error);

      if (m == NULL)
        return NULL;
      g_ptr_array_add (records, m);
    }

  branch = branch_id != 0 ? _zb_meeting_doc_unit_name (org, branch_id) : NULL;
  if (!is_set (branch))
    {
      g_free (branch);
      branch = g_strdup (or_empty (org_name));
    }
  title = g_strdup_printf ("%u年度三会一课台账", year);
  as_of = g_date_time_format (print_date, "%Y年%-m月%-d日");

  doc = zb_document_new (ZB_PAGE_SETUP_REGISTER);
  zb_document_set_title (doc, title);
  zb_document_set_org_name (doc, branch);
  zb_document_set_print_date (doc, print_date);
  zb_document_add_title (doc, title);
  /* The year is in the title. */
  zb_document_add_fields (
      doc, 2, (const char *const[]){ "党组织名称：", branch, "统计截至：", as_of, NULL });

  table = zb_table_new ();
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    zb_table_add_column (table, columns[c].title, columns[c].weight, columns[c].align,
                         PANGO_WRAP_WORD_CHAR);
  zb_table_set_font_size (table, 9.0);

  /* Kind by kind, in the order of the regulation; by date within a kind. */
  for (guint k = 0; k < ZB_MEETING_N_KINDS; k++)
    {
      g_autofree char *label = NULL;

      for (guint i = 0; i < records->len; i++)
        {
          const ZbMeetingRecord *m = g_ptr_array_index (records, i);
          ZbAttendanceCounts c;

          if (m->kind != k)
            continue;
          append_meeting (table, org, m, ++serial, &tallies[k]);
          zb_meeting_count_attendance (m->attendees, &c);
          tally_add (&all, &c);
        }
      if (tallies[k].n == 0)
        continue;
      label = g_strdup_printf ("%s小计：%u次", _zb_meeting_doc_kind_name (k), tallies[k].n);
      append_tally (table, label, &tallies[k]);
    }
  {
    g_autofree char *label = g_strdup_printf ("合计：%u次", all.n);

    append_tally (table, label, &all);
  }
  zb_document_add_table (doc, table);
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "注：出席率＝实到人数÷应到人数（列席人员不计）；未记录出勤的会议不计入"
                        "出席率。");

  g_date_set_dmy (&today, g_date_time_get_day_of_month (print_date),
                  g_date_time_get_month (print_date), g_date_time_get_year (print_date));
  add_rhythm (doc, meetings, org, branch_id, year, &today, tallies, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&doc);
}
