/* zb-roster-columns.c — the columns of the roster list: cells, masking, header sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-codes.h"
#include "zb-gui-format.h"
#include "zb-roster-columns.h"

/* Widths in characters, so that they grow with large text. Text of a known
 * width (dates, numbers, the few words of a code) is shown in an inscription,
 * which takes the width it is given instead of measuring its text each time a
 * row is bound: measuring was a third of what the first screen of 200 rows ×
 * 13 cells costs. Names and units keep labels, which grow to what they hold
 * (乌孜别克族, 买买提·吐尔逊). */
static const struct
{
  const char *title;
  int width_chars;
  gboolean expand;
  gboolean fixed; /* text of a known width: an inscription */
} column_info[ZB_ROSTER_N_COLUMNS] = {
  [ZB_ROSTER_COLUMN_NAME] = { N_ ("Name"), 9, FALSE, FALSE },
  [ZB_ROSTER_COLUMN_GENDER] = { N_ ("Gender"), 3, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_ETHNICITY] = { N_ ("Ethnicity"), 10, FALSE, FALSE },
  [ZB_ROSTER_COLUMN_BIRTH] = { N_ ("Date of Birth"), 14, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_CATEGORY] = { N_ ("Category"), 8, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_JOINED] = { N_ ("Date Joined"), 14, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_FULL] = { N_ ("Date of Full Membership"), 14, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_YEARS] = { N_ ("Party Standing"), 8, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_UNIT] = { N_ ("Branch / Party Group"), 8, TRUE, FALSE },
  [ZB_ROSTER_COLUMN_WORK] = { N_ ("Work Unit and Post"), 8, TRUE, FALSE },
  [ZB_ROSTER_COLUMN_ID] = { N_ ("ID Number"), 19, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_PHONE] = { N_ ("Phone"), 11, FALSE, TRUE },
  [ZB_ROSTER_COLUMN_STATUS] = { N_ ("Status"), 8, FALSE, FALSE },
};

/* 状态 (流动, 失联 …) beside the category, where it is seen without scrolling
 * at 1366 px; the phone, which secretaries use every day, before the ID
 * number, which is the one to scroll to. */
static const ZbRosterColumn display_order[] = {
  ZB_ROSTER_COLUMN_NAME,   ZB_ROSTER_COLUMN_GENDER,   ZB_ROSTER_COLUMN_ETHNICITY,
  ZB_ROSTER_COLUMN_BIRTH,  ZB_ROSTER_COLUMN_CATEGORY, ZB_ROSTER_COLUMN_STATUS,
  ZB_ROSTER_COLUMN_JOINED, ZB_ROSTER_COLUMN_FULL,     ZB_ROSTER_COLUMN_YEARS,
  ZB_ROSTER_COLUMN_UNIT,   ZB_ROSTER_COLUMN_WORK,     ZB_ROSTER_COLUMN_PHONE,
  ZB_ROSTER_COLUMN_ID,
};

G_STATIC_ASSERT (G_N_ELEMENTS (display_order) == ZB_ROSTER_N_COLUMNS);

struct _ZbRosterColumns
{
  GObject parent_instance;

  GtkColumnView *view; /* weak: the view owns us through its data */
  GtkColumnViewColumn *columns[ZB_ROSTER_N_COLUMNS];
  /* Bound list items → their column, to unmask numbers in place. */
  GHashTable *bound;
  gboolean reveal;

  gboolean syncing;
  int probe_first; /* the column whose sorter the view asked first */
};

G_DEFINE_FINAL_TYPE (ZbRosterColumns, zb_roster_columns, G_TYPE_OBJECT)

enum
{
  SIGNAL_SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
zb_roster_columns_dup_text (ZbRosterColumns *self, ZbMember *member, ZbRosterColumn column)
{
  const ZbMemberRecord *r = zb_member_get_record (member);

  switch (column)
    {
    case ZB_ROSTER_COLUMN_NAME:
      return g_strdup (r->name);
    case ZB_ROSTER_COLUMN_GENDER:
      return g_strdup (r->gender == ZB_GENDER_UNKNOWN ? "" : zb_gender_get_label (r->gender));
    case ZB_ROSTER_COLUMN_ETHNICITY:
      return g_strdup (zb_ethnicity_get_name (r->ethnicity) ?: "");
    case ZB_ROSTER_COLUMN_BIRTH:
      return zb_format_date (r->birth_date);
    case ZB_ROSTER_COLUMN_CATEGORY:
      return g_strdup (zb_member_category_get_label (r->category));
    case ZB_ROSTER_COLUMN_JOINED:
      return zb_format_date (r->joined_date);
    case ZB_ROSTER_COLUMN_FULL:
      return zb_format_date (r->full_date);
    case ZB_ROSTER_COLUMN_YEARS:
      return r->category == ZB_CATEGORY_FULL ? zb_format_party_years (r->full_date) : g_strdup ("");
    case ZB_ROSTER_COLUMN_UNIT:
      {
        const char *branch = zb_member_get_branch_name (member);
        const char *group = zb_member_get_group_name (member);

        if (branch != NULL && group != NULL)
          return g_strdup_printf ("%s · %s", branch, group);
        return g_strdup (branch ?: group ?: "");
      }
    case ZB_ROSTER_COLUMN_WORK:
      return g_strdup (r->work_unit ?: "");
    case ZB_ROSTER_COLUMN_ID:
      return self->reveal ? g_strdup (r->id_number ?: "") : zb_format_mask_id (r->id_number);
    case ZB_ROSTER_COLUMN_PHONE:
      return self->reveal ? g_strdup (r->phone ?: "") : zb_format_mask_phone (r->phone);
    case ZB_ROSTER_COLUMN_STATUS:
      {
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
        g_auto (GStrv) parts = NULL;

        if (r->status != ZB_STATUS_ACTIVE)
          g_strv_builder_add (builder, zb_member_status_get_label (r->status));
        else
          {
            if (r->flowing)
              g_strv_builder_add (builder, _ ("Flowing"));
            if (r->lost_contact)
              g_strv_builder_add (builder, _ ("Out of Contact"));
            if (r->standing == ZB_STANDING_SUSPENDED)
              g_strv_builder_add (builder, zb_standing_get_label (r->standing));
          }
        parts = g_strv_builder_end (builder);
        return g_strjoinv (" ", parts);
      }
    case ZB_ROSTER_N_COLUMNS:
    default:
      break;
    }

  return g_strdup ("");
}

/* Cells */

/* The badges of the status cell, in the order they show: 流动, 失联, and
 * 停止党籍 or where a former member went. */
static const char *const badge_styles[] = { "accent", "warning", "error" };

/* Badges are made when a row first needs one: most rows have none, and a
 * first screen of 200 rows × 13 cells is what the roster costs to show. */
static void
set_badge (GtkWidget *box, guint rank, const char *text)
{
  GtkWidget *label, *before = NULL;

  for (label = gtk_widget_get_first_child (box); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    {
      guint label_rank = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "zb-rank"));

      if (label_rank == rank)
        break;
      if (label_rank < rank)
        before = label;
    }
  if (label == NULL)
    {
      if (text == NULL)
        return;
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "zb-badge");
      gtk_widget_add_css_class (label, badge_styles[rank]);
      g_object_set_data (G_OBJECT (label), "zb-rank", GUINT_TO_POINTER (rank));
      gtk_box_insert_child_after (GTK_BOX (box), label, before);
    }
  if (text != NULL)
    gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, text != NULL);
}

/* Long text is cut short in the cell; the whole is a hover away. Asked for
 * on hover rather than set on every bind. */
static gboolean
query_cell_tooltip_cb (GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                       gpointer data)
{
  const char *text = gtk_label_get_label (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0'
      || !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  ZbRosterColumn column = GPOINTER_TO_INT (data);
  GtkWidget *child;

  if (column == ZB_ROSTER_COLUMN_STATUS)
    {
      /* 流动, 失联, and 停止党籍 or where a former member went. */
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      /* Room for two badges, so that the column does not change width as
       * rows with badges scroll by. */
      gtk_widget_set_size_request (child, 80, -1);
    }
  else if (column_info[column].fixed)
    {
      child = gtk_inscription_new (NULL);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (child), column_info[column].width_chars);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child), column_info[column].width_chars);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      /* Digits of equal width keep numbers and dates aligned. */
      if (column == ZB_ROSTER_COLUMN_ID || column == ZB_ROSTER_COLUMN_PHONE)
        gtk_widget_add_css_class (child, "numeric");
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (child), column_info[column].width_chars);
      /* Long names of units and posts are cut short rather than widening the
       * table; the cell's tooltip has them whole. */
      gtk_label_set_max_width_chars (GTK_LABEL (child), MAX (column_info[column].width_chars, 16));
      gtk_label_set_single_line_mode (GTK_LABEL (child), TRUE);
      if (column == ZB_ROSTER_COLUMN_UNIT || column == ZB_ROSTER_COLUMN_WORK)
        {
          gtk_widget_set_has_tooltip (child, TRUE);
          g_signal_connect (child, "query-tooltip", G_CALLBACK (query_cell_tooltip_cb), NULL);
        }
    }

  gtk_list_item_set_child (item, child);
}

static void
bind_status (GtkWidget *box, const ZbMemberRecord *r)
{
  const char *other_text = NULL;

  set_badge (box, 0, r->flowing && r->status == ZB_STATUS_ACTIVE ? _ ("Flowing") : NULL);
  set_badge (box, 1,
             r->lost_contact && r->status == ZB_STATUS_ACTIVE ? _ ("Out of Contact") : NULL);
  if (r->status != ZB_STATUS_ACTIVE)
    other_text = zb_member_status_get_label (r->status);
  else if (r->standing == ZB_STANDING_SUSPENDED)
    other_text = zb_standing_get_label (r->standing);
  set_badge (box, 2, other_text);
}

static void
zb_roster_columns_bind (ZbRosterColumns *self, GtkListItem *item, ZbRosterColumn column)
{
  ZbMember *member = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (member == NULL)
    return;

  g_hash_table_insert (self->bound, item, GINT_TO_POINTER (column));

  if (column == ZB_ROSTER_COLUMN_STATUS)
    {
      bind_status (child, zb_member_get_record (member));
      return;
    }

  text = zb_roster_columns_dup_text (self, member, column);
  if (GTK_IS_LABEL (child))
    gtk_label_set_label (GTK_LABEL (child), text);
  else
    /* (an inscription is also what a screen reader reads for the cell) */
    gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  ZbRosterColumns *self = g_object_get_data (G_OBJECT (factory), "zb-columns");

  if (self != NULL)
    zb_roster_columns_bind (self, item, GPOINTER_TO_INT (data));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  ZbRosterColumns *self = g_object_get_data (G_OBJECT (factory), "zb-columns");

  if (self != NULL)
    g_hash_table_remove (self->bound, item);
}

void
zb_roster_columns_set_reveal (ZbRosterColumns *self, gboolean reveal)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (ZB_IS_ROSTER_COLUMNS (self));

  if (self->reveal == !!reveal)
    return;
  self->reveal = !!reveal;

  /* Only the cells on screen change; the others are bound when they come. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ZbRosterColumn column = GPOINTER_TO_INT (value);

      if (column == ZB_ROSTER_COLUMN_ID || column == ZB_ROSTER_COLUMN_PHONE)
        zb_roster_columns_bind (self, key, column);
    }
}

GtkWidget *
zb_roster_columns_get_shown_cell (ZbRosterColumns *self, guint position, ZbRosterColumn column)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ZB_IS_ROSTER_COLUMNS (self), NULL);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) == (int)column && gtk_list_item_get_position (key) == position)
      return gtk_list_item_get_child (key);

  return NULL;
}

char *
zb_roster_columns_dup_shown_text (ZbRosterColumns *self, guint position, ZbRosterColumn column)
{
  GtkWidget *child = zb_roster_columns_get_shown_cell (self, position, column);
  g_autoptr (GString) text = NULL;

  if (child == NULL)
    return NULL;
  if (GTK_IS_LABEL (child))
    return g_strdup (gtk_label_get_label (GTK_LABEL (child)));
  if (GTK_IS_INSCRIPTION (child))
    return g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (child)));

  text = g_string_new (NULL);
  for (GtkWidget *badge = gtk_widget_get_first_child (child); badge != NULL;
       badge = gtk_widget_get_next_sibling (badge))
    if (gtk_widget_get_visible (badge))
      g_string_append_printf (text, "%s%s", text->len ? " " : "",
                              gtk_label_get_label (GTK_LABEL (badge)));
  return g_strdup (text->str);
}

/* Sorting by the column headers.
 *
 * The list is ordered by the repository (by an index), never in memory; the
 * headers only say which order the user asked for. GTK 4.8 cannot tell which
 * column is sorted, so each sortable column has a sorter that notes when it is
 * asked: the view's sorter asks its primary column first, and inverts the
 * answer when that column is sorted descending. */

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  ZbRosterColumns *self = g_object_get_data (G_OBJECT (data), "zb-columns");
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "zb-column"));

  if (self != NULL && self->probe_first < 0)
    self->probe_first = column;

  return GTK_ORDERING_SMALLER;
}

static void
on_view_sorter_changed_cb (ZbRosterColumns *self, GtkSorterChange change, GtkSorter *sorter)
{
  g_autoptr (GObject) a = NULL;
  g_autoptr (GObject) b = NULL;
  GtkOrdering result;

  if (self->syncing)
    return;

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_first = -1;
  result = gtk_sorter_compare (sorter, a, b);

  if (self->probe_first >= 0)
    g_signal_emit (self, signals[SIGNAL_SORT_CHANGED], 0, self->probe_first,
                   result == GTK_ORDERING_LARGER);
}

void
zb_roster_columns_show_sort (ZbRosterColumns *self, ZbRosterColumn column, gboolean descending)
{
  g_return_if_fail (ZB_IS_ROSTER_COLUMNS (self));
  g_return_if_fail (column == ZB_ROSTER_COLUMN_NAME || column == ZB_ROSTER_COLUMN_JOINED);

  /* Cleared first: GTK marks every column the view has ever sorted by. */
  self->syncing = TRUE;
  gtk_column_view_sort_by_column (self->view, NULL, GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (self->view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->syncing = FALSE;
}

/* GObject */

static void
zb_roster_columns_finalize (GObject *object)
{
  ZbRosterColumns *self = ZB_ROSTER_COLUMNS (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (zb_roster_columns_parent_class)->finalize (object);
}

static void
zb_roster_columns_class_init (ZbRosterColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_roster_columns_finalize;

  signals[SIGNAL_SORT_CHANGED]
      = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);
}

static void
zb_roster_columns_init (ZbRosterColumns *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
}

ZbRosterColumns *
zb_roster_columns_new (GtkColumnView *view)
{
  ZbRosterColumns *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (ZB_TYPE_ROSTER_COLUMNS, NULL);
  self->view = view;

  for (guint i = 0; i < G_N_ELEMENTS (display_order); i++)
    {
      ZbRosterColumn c = display_order[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      /* The roster view keeps this object until its column view is gone. */
      g_object_set_data (G_OBJECT (factory), "zb-columns", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (c));

      column = gtk_column_view_column_new (_ (column_info[c].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, column_info[c].expand);

      if (c == ZB_ROSTER_COLUMN_NAME || c == ZB_ROSTER_COLUMN_JOINED)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));

          g_object_set_data (G_OBJECT (sorter), "zb-columns", self);
          g_object_set_data (G_OBJECT (sorter), "zb-column", GINT_TO_POINTER (c));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare, sorter, NULL);
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }

      gtk_column_view_append_column (view, column);
      self->columns[c] = column;
      g_object_unref (column);
    }

  zb_roster_columns_show_sort (self, ZB_ROSTER_COLUMN_NAME, FALSE);
  g_signal_connect_object (gtk_column_view_get_sorter (view), "changed",
                           G_CALLBACK (on_view_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
