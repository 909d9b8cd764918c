/* zb-talks-view-private.h — internals of ZbTalksView, for its files and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-contents-guard.h"
#include "zb-talks-view.h"

G_BEGIN_DECLS

struct _ZbTalksView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel *year_label;
  GtkStack *stack;
  AdwPreferencesGroup *coverage_group;
  AdwPreferencesGroup *talks_group;
  AdwPreferencesGroup *actions_group;

  ZbTalkRepo *talks;
  ZbMemberRepo *members;
  ZbOrgRepo *org;
  ZbContentsGuard *guard;
  GtkWindow *dialog; /* weak: the editor or the contents over the window */
  GPtrArray *rows;   /* the rows added to the groups, to remove them again */

  /* What is shown, for the tests. */
  guint n_talks;
  guint n_open_actions;
  GStrv missing; /* names of those not yet talked with */
  guint year;    /* the year shown */
  gboolean stale;
};

/* zb-talks-view-actions.c */
void _zb_talks_view_class_add_actions (GtkWidgetClass *widget_class);
void _zb_talks_view_update_actions (ZbTalksView *self);
void _zb_talks_view_set_dialog (ZbTalksView *self, GtkWindow *dialog);
void _zb_talks_view_toast (ZbTalksView *self, const char *text);
/* What talks.export does once the file is chosen (tests call it directly). */
void _zb_talks_view_export_to (ZbTalksView *self, const char *path, gboolean with_contents);

/* zb-talks-coverage.c: fills @group with the coverage of the year; returns
 * the names of those not yet talked with (a GStrv) and adds the rows to
 * @rows. */
GStrv _zb_talks_coverage_fill (AdwPreferencesGroup *group, GPtrArray *coverage, GHashTable *names,
                               guint year, GPtrArray *rows);

/* zb-talks-view.c */
void _zb_talks_view_reload (ZbTalksView *self);
guint _zb_talks_view_get_year (ZbTalksView *self);
void _zb_talks_view_set_year (ZbTalksView *self, guint year);
ZbContentsGuard *_zb_talks_view_get_guard (ZbTalksView *self);
/* The editor or contents dialog open over the window, or NULL. */
GtkWindow *_zb_talks_view_get_dialog (ZbTalksView *self);
/* "empty" or "content". */
const char *_zb_talks_view_get_state (ZbTalksView *self);
guint _zb_talks_view_get_n_talks (ZbTalksView *self);
guint _zb_talks_view_get_n_open_actions (ZbTalksView *self);
/* Those the committee has not yet talked with this year. */
const char *const *_zb_talks_view_get_missing (ZbTalksView *self);

G_END_DECLS
