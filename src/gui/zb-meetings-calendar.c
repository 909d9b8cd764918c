/* zb-meetings-calendar.c — the year's required meetings against those held
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (zb_meeting_rhythm_for_year()) decide every status and write
 * every reason; this widget only lays the periods out as a table a secretary
 * reads at a glance: kinds down, months across.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-meetings-calendar.h"

struct _ZbMeetingsCalendar
{
  AdwBin parent_instance;

  GtkGrid *grid;
  GPtrArray *periods;
  /* The cell of each period, in the order of @periods. */
  GPtrArray *cells;
  /* The day the workspace began; invalid: unknown. */
  GDate records_since;
};

G_DEFINE_FINAL_TYPE (ZbMeetingsCalendar, zb_meetings_calendar, ADW_TYPE_BIN)

static gboolean
period_is_late (const ZbMeetingPeriod *period)
{
  return period->status == ZB_PERIOD_OVERDUE && g_date_valid (&period->next_held);
}

const char *
zb_meetings_calendar_status_text (const ZbMeetingPeriod *period)
{
  g_return_val_if_fail (period != NULL, "");

  switch (period->status)
    {
    case ZB_PERIOD_HELD:
      return C_ ("meeting period", "✓ Held");
    case ZB_PERIOD_DUE:
      return C_ ("meeting period", "Due");
    case ZB_PERIOD_OVERDUE:
      return period_is_late (period) ? C_ ("meeting period", "Held late")
                                     : C_ ("meeting period", "Not held");
    case ZB_PERIOD_NOT_YET:
    default:
      return "";
    }
}

static const char *
status_class (const ZbMeetingPeriod *period)
{
  switch (period->status)
    {
    case ZB_PERIOD_HELD:
      return "zb-period-held";
    case ZB_PERIOD_DUE:
      return "zb-period-due";
    case ZB_PERIOD_OVERDUE:
      return period_is_late (period) ? "zb-period-late" : "zb-period-overdue";
    case ZB_PERIOD_NOT_YET:
    default:
      return "zb-period-not-yet";
    }
}

/* A period that ended before the workspace began and shows no meeting says
 * nothing about the branch, only that its meetings were kept on paper then:
 * it reads 无记录, calmly, rather than 未开 in red. */
gboolean
zb_meetings_calendar_period_unrecorded (ZbMeetingsCalendar *self, const ZbMeetingPeriod *period)
{
  g_return_val_if_fail (ZB_IS_MEETINGS_CALENDAR (self), FALSE);

  return period->status == ZB_PERIOD_OVERDUE && !period_is_late (period)
         && g_date_valid (&self->records_since)
         && g_date_compare (&period->end, &self->records_since) < 0;
}

static void
zb_meetings_calendar_clear (ZbMeetingsCalendar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
}

static GtkWidget *
make_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
group_name (const GArray *groups, gint64 group_id)
{
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const ZbMeetingGroup *group = &g_array_index (groups, ZbMeetingGroup, i);

      if (group->id == group_id)
        return group->name;
    }
  return NULL;
}

static GtkWidget *
make_cell (ZbMeetingsCalendar *self, const ZbMeetingPeriod *period, guint year)
{
  g_autofree char *when = zb_meeting_period_format (period->unit, year, period->index);
  g_autofree char *description = NULL;
  gboolean unrecorded = zb_meetings_calendar_period_unrecorded (self, period);
  const char *text
      = unrecorded ? C_ ("meeting period", "No record") : zb_meetings_calendar_status_text (period);
  const char *reason = unrecorded ? _ ("This period ended before the workspace was set up. "
                                       "Meetings held then can still be recorded.")
                                  : period->reason;
  GtkWidget *cell;

  /* A count shows when a period needs more than one meeting. */
  if (period->n_required > 1 && period->status != ZB_PERIOD_NOT_YET)
    {
      g_autofree char *count
          = g_strdup_printf ("%s %u/%u", text, period->n_held, period->n_required);

      cell = make_label (count, "zb-period");
    }
  else
    cell = make_label (text, "zb-period");

  gtk_widget_add_css_class (cell, unrecorded ? "zb-period-not-yet" : status_class (period));
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_label_set_justify (GTK_LABEL (cell), GTK_JUSTIFY_CENTER);
  if (reason != NULL)
    gtk_widget_set_tooltip_text (cell, reason);

  description = g_strdup_printf ("%s %s %s", when, text, reason ? reason : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return cell;
}

void
zb_meetings_calendar_set_periods (ZbMeetingsCalendar *self, guint year, GPtrArray *periods,
                                  const GArray *groups)
{
  static const char *const months[12] = {
    NC_ ("calendar month", "Jan"), NC_ ("calendar month", "Feb"), NC_ ("calendar month", "Mar"),
    NC_ ("calendar month", "Apr"), NC_ ("calendar month", "May"), NC_ ("calendar month", "Jun"),
    NC_ ("calendar month", "Jul"), NC_ ("calendar month", "Aug"), NC_ ("calendar month", "Sep"),
    NC_ ("calendar month", "Oct"), NC_ ("calendar month", "Nov"), NC_ ("calendar month", "Dec"),
  };
  int row = 0;
  int kind = -1;
  gint64 group_id = -1;

  g_return_if_fail (ZB_IS_MEETINGS_CALENDAR (self));

  zb_meetings_calendar_clear (self);
  if (periods == NULL)
    return;

  self->periods = g_ptr_array_ref (periods);

  for (guint m = 0; m < 12; m++)
    {
      GtkWidget *label = make_label (g_dpgettext2 (GETTEXT_PACKAGE, "calendar month", months[m]),
                                     "zb-calendar-month");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, 2 + (int)m, 0, 1, 1);
    }

  for (guint i = 0; i < periods->len; i++)
    {
      const ZbMeetingPeriod *period = g_ptr_array_index (periods, i);
      guint start_month = g_date_get_month (&period->start);
      GtkWidget *cell;

      /* A new row for each kind, and for each group of 党小组会. */
      if ((int)period->kind != kind || period->group_id != group_id)
        {
          const char *name = group_name (groups, period->group_id);
          g_autofree char *title = NULL;
          GtkWidget *label;

          kind = (int)period->kind;
          group_id = period->group_id;
          row++;
          if (period->kind == ZB_MEETING_GROUP && name != NULL)
            title = g_strdup_printf ("%s\n%s", zb_meeting_kind_get_label (period->kind), name);
          else
            title = g_strdup (zb_meeting_kind_get_label (period->kind));
          label = make_label (title, "zb-calendar-kind");
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_grid_attach (self->grid, label, 0, row, 2, 1);
        }

      cell = make_cell (self, period, g_date_get_year (&period->start));
      gtk_grid_attach (self->grid, cell, 1 + (int)start_month, row,
                       (int)zb_period_unit_get_months (period->unit), 1);
      g_ptr_array_add (self->cells, cell);
    }
}

static int
find_period (ZbMeetingsCalendar *self, ZbMeetingKind kind, gint64 group_id, guint month)
{
  for (guint i = 0; self->periods != NULL && i < self->periods->len; i++)
    {
      const ZbMeetingPeriod *period = g_ptr_array_index (self->periods, i);
      guint start = g_date_get_month (&period->start);
      guint end = g_date_get_month (&period->end);

      if (period->kind == kind && period->group_id == group_id && month >= start && month <= end)
        return (int)i;
    }
  return -1;
}

const ZbMeetingPeriod *
zb_meetings_calendar_get_period (ZbMeetingsCalendar *self, ZbMeetingKind kind, gint64 group_id,
                                 guint month)
{
  int i;

  g_return_val_if_fail (ZB_IS_MEETINGS_CALENDAR (self), NULL);

  i = find_period (self, kind, group_id, month);
  return i >= 0 ? g_ptr_array_index (self->periods, i) : NULL;
}

GtkWidget *
zb_meetings_calendar_get_cell (ZbMeetingsCalendar *self, ZbMeetingKind kind, gint64 group_id,
                               guint month)
{
  int i;

  g_return_val_if_fail (ZB_IS_MEETINGS_CALENDAR (self), NULL);

  i = find_period (self, kind, group_id, month);
  return i >= 0 ? g_ptr_array_index (self->cells, i) : NULL;
}

GtkWidget *
zb_meetings_calendar_new (void)
{
  return g_object_new (ZB_TYPE_MEETINGS_CALENDAR, NULL);
}

static void
zb_meetings_calendar_dispose (GObject *object)
{
  ZbMeetingsCalendar *self = ZB_MEETINGS_CALENDAR (object);

  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (zb_meetings_calendar_parent_class)->dispose (object);
}

static void
zb_meetings_calendar_class_init (ZbMeetingsCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_meetings_calendar_dispose;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "zb-meetings-calendar");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GRID);
}

static void
zb_meetings_calendar_init (ZbMeetingsCalendar *self)
{
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 2);
  gtk_grid_set_row_spacing (self->grid, 2);
  /* Months of equal width, so that a quarter looks three months long; the
   * kind's name takes two of them. */
  gtk_grid_set_column_homogeneous (self->grid, TRUE);
  self->cells = g_ptr_array_new ();
  g_date_clear (&self->records_since, 1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->grid));
}

void
zb_meetings_calendar_set_records_since (ZbMeetingsCalendar *self, const GDate *date)
{
  g_return_if_fail (ZB_IS_MEETINGS_CALENDAR (self));

  if (date != NULL && g_date_valid (date))
    self->records_since = *date;
  else
    g_date_clear (&self->records_since, 1);
}
