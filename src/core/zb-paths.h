/* zb-paths.h — where workspaces live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $XDG_DATA_HOME/zhibu/zhibu.db */
char *zb_default_workspace_path (void);

G_END_DECLS
