/* zb-roster-export.h — saving the roster, all or as filtered, as Excel or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-list-model.h"

G_BEGIN_DECLS

/* Asks where to save and in which format (.xlsx or .csv, by the name's ending
 * or the filter chosen) and whether to save everyone on the roster or only the
 * members @model shows, then writes the file on a worker thread and says in
 * @toasts how many members it holds. */
void zb_roster_export_run (GtkWindow *parent, ZbMemberListModel *model, AdwToastOverlay *toasts);

/* The same without the file chooser (for tests): @filtered chooses the members
 * @model shows rather than the whole active roster. */
void zb_roster_export_to_file (ZbMemberListModel *model, GFile *file, gboolean filtered,
                               AdwToastOverlay *toasts);

G_END_DECLS
