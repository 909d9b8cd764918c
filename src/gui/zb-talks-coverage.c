/* zb-talks-coverage.c — the 谈心谈话 area's coverage: whom the committee has
 * talked with this year, and whom not yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is missing comes first — "before the annual 组织生活会, a secretary
 * sees exactly whom the committee has not yet talked with" (issue 6) — then
 * everyone on the roster, committee members first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-talks-view-private.h"

static const char *
name_of (GHashTable *names, const char *id)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, id) : NULL;

  return name != NULL ? name : id;
}

/* "张三、李四" */
static char *
join_names (GHashTable *names, GPtrArray *ids)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (text, C_ ("list separator", ", "));
      g_string_append (text, name_of (names, g_ptr_array_index (ids, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
status_icon (const char *icon_name, const char *css, const char *label)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (icon, css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return icon;
}

static void
add_row (AdwPreferencesGroup *group, GPtrArray *rows, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* The 支委-支委 pairs not yet talked, each once: "张三 — 李四". */
static GPtrArray *
missing_pairs (GPtrArray *coverage, GHashTable *names)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index (coverage, i);

      for (guint j = 0; c->missing_committee != NULL && j < c->missing_committee->len; j++)
        {
          const char *other = g_ptr_array_index (c->missing_committee, j);
          g_autofree char *key = g_strcmp0 (c->id, other) < 0
                                     ? g_strconcat (c->id, "|", other, NULL)
                                     : g_strconcat (other, "|", c->id, NULL);

          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));
          /* Translators: two committee members who have not yet talked. */
          g_ptr_array_add (pairs, g_strdup_printf (_ ("%s and %s"), name_of (names, c->id),
                                                   name_of (names, other)));
        }
    }
  return pairs;
}

GStrv
_zb_talks_coverage_fill (AdwPreferencesGroup *group, GPtrArray *coverage, GHashTable *names,
                         guint year, GPtrArray *rows)
{
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr (GPtrArray) not_talked = g_ptr_array_new ();
  g_autoptr (GPtrArray) pairs = NULL;
  g_autofree char *description = NULL;
  guint n_required = 0, n_covered = 0, n_committee = 0;

  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index (coverage, i);

      if (c->committee)
        n_committee++;
      if (c->status == ZB_TALK_NOT_REQUIRED)
        continue;
      n_required++;
      if (c->status == ZB_TALK_COVERED)
        n_covered++;
      else if (!c->committee || c->talked_by_committee->len == 0)
        {
          /* Nobody of the committee has talked with them at all. */
          g_ptr_array_add (not_talked, c->id);
          g_strv_builder_add (missing, name_of (names, c->id));
        }
    }

  /* Translators: the year's coverage: %u of %u people. */
  description = g_strdup_printf (
      _ ("In %u the committee has talked with %u of the %u people required. The regulations ask "
         "the committee to talk with every member, and its members with each other, at least "
         "once a year."),
      year, n_covered, n_required);
  adw_preferences_group_set_description (group, coverage->len > 0 ? description : NULL);

  if (coverage->len == 0)
    {
      add_row (group, rows,
               new_row (_ ("No members on the roster for this year"),
                        _ ("Add the branch's members in the Member Roster; then this shows whom "
                           "the committee has talked with.")));
      return g_strv_builder_end (missing);
    }

  if (n_committee == 0)
    add_row (group, rows,
             new_row (_ ("No committee members recorded"),
                      _ ("Appoint the secretary and committee members under Organisation: the "
                         "talks that count are those with a committee member.")));

  /* What is missing, in one place. */
  if (not_talked->len > 0)
    {
      g_autofree char *who = join_names (names, not_talked);
      GtkWidget *row = new_row (_ ("Not yet talked with"), who);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 status_icon ("dialog-warning-symbolic", "warning", _ ("Missing")));
      gtk_widget_add_css_class (row, "zb-warning-row");
      add_row (group, rows, row);
    }
  pairs = missing_pairs (coverage, names);
  if (pairs->len > 0)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      GtkWidget *row;

      for (guint i = 0; i < pairs->len; i++)
        {
          if (i > 0)
            g_string_append (text, _ ("; "));
          g_string_append (text, g_ptr_array_index (pairs, i));
        }
      row = new_row (_ ("Committee members who have not yet talked with each other"), text->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 status_icon ("dialog-warning-symbolic", "warning", _ ("Missing")));
      gtk_widget_add_css_class (row, "zb-warning-row");
      add_row (group, rows, row);
    }
  if (not_talked->len == 0 && pairs->len == 0 && n_required > 0 && n_covered == n_required)
    {
      GtkWidget *row = new_row (_ ("Everyone has been talked with this year"), NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 status_icon ("emblem-ok-symbolic", "success", _ ("Done")));
      add_row (group, rows, row);
    }

  /* Then each person. */
  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index (coverage, i);
      g_autofree char *by = join_names (names, c->talked_by_committee);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: a person of the roster and whether on the committee. */
      title = g_strdup_printf (_ ("%s · %s"), name_of (names, c->id),
                               c->committee ? _ ("Branch committee") : _ ("Party member"));
      if (c->status == ZB_TALK_NOT_REQUIRED)
        subtitle = g_strdup (_ ("Left the roster during the year"));
      else if (c->talked_by_committee->len > 0)
        {
          g_autofree char *last = NULL;

          if (g_date_valid (&c->last_talk))
            {
              char iso[16];

              g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &c->last_talk);
              last = zb_format_date (iso);
            }
          if (c->missing_committee != NULL && c->missing_committee->len > 0)
            {
              g_autofree char *still = join_names (names, c->missing_committee);

              /* Translators: talked with some committee members, not yet with others. */
              subtitle = g_strdup_printf (_ ("Talked with %s; not yet with %s"), by, still);
            }
          else if (last != NULL)
            /* Translators: who talked with the person, and when last. */
            subtitle = g_strdup_printf (_ ("Talked with %s, last on %s"), by, last);
          else
            subtitle = g_strdup_printf (_ ("Talked with %s"), by);
        }
      else
        subtitle = g_strdup (c->status == ZB_TALK_MISSED ? _ ("No talk with the committee in the "
                                                              "year")
                                                         : _ ("Not yet talked with"));

      row = new_row (title, subtitle);
      if (c->status == ZB_TALK_COVERED)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   status_icon ("emblem-ok-symbolic", "success", _ ("Done")));
      else if (c->status == ZB_TALK_NOT_REQUIRED)
        adw_action_row_add_prefix (
            ADW_ACTION_ROW (row),
            status_icon ("action-unavailable-symbolic", "dim-label", _ ("Not required")));
      else
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), status_icon ("dialog-warning-symbolic",
                                                                      "warning", _ ("Missing")));
      add_row (group, rows, row);
    }

  return g_strv_builder_end (missing);
}
