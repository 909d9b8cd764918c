/* zb-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-names.h"

gboolean
zb_name_lookup (const char *const *names, guint n_names, const char *text, guint *index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (names[i] != NULL && g_str_equal (names[i], text))
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}
