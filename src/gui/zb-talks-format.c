/* zb-talks-format.c — how the 谈心谈话 area writes people, times and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-talks-format.h"

char *
zb_talks_format_person (const char *name, const char *post)
{
  if (post == NULL || post[0] == '\0')
    return g_strdup (name ? name : "");
  /* Translators: a person and their post, e.g. 张三（书记）. */
  return g_strdup_printf (_ ("%s (%s)"), name ? name : "", post);
}

char *
zb_talks_format_people (const ZbTalkRecord *record, ZbTalkSide side)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < record->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (record->participants, i);
      g_autofree char *person = NULL;

      if (p->side != side)
        continue;
      person = zb_talks_format_person (p->name, p->post);
      if (text->len > 0)
        /* Translators: between the names of a list of people. */
        g_string_append (text, C_ ("list separator", ", "));
      g_string_append (text, person);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
zb_talks_format_when (const ZbTalkRecord *record)
{
  g_autofree char *date = zb_format_date (record->date);

  if (record->start_time == NULL)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %s", date, record->start_time);
}
