/* zb-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-paths.h"

char *
zb_default_workspace_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "zhibu", "zhibu.db", NULL);
}
