/* zb-roster-view-private.h — internals of ZbRosterView, for its actions and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-member-detail.h"
#include "zb-member-list-model.h"
#include "zb-roster-columns.h"
#include "zb-roster-view.h"

G_BEGIN_DECLS

struct _ZbRosterView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkDropDown *branch_filter;
  GtkDropDown *group_filter;
  GtkDropDown *category_filter;
  GtkDropDown *flowing_filter;
  GtkDropDown *lost_filter;
  GtkStack *content_stack;
  GtkColumnView *column_view;
  GtkLabel *count_label;
  AdwStatusPage *no_results_page;
  ZbMemberDetail *detail;

  ZbMemberRepo *members;
  ZbOrgRepo *org;
  ZbMemberListModel *model;
  GtkSingleSelection *selection;
  ZbRosterColumns *columns;
  GArray *branch_ids; /* gint64, index 0 = all */
  GArray *group_ids;
  GtkWindow *dialog; /* weak */

  gboolean reveal;
  gboolean archive;
  gboolean descending;
  ZbMemberOrder order;
  ZbMemberOrder name_order; /* what the 姓名 header sorts by */

  gboolean syncing;
};

/* Shared between zb-roster-view.c and zb-roster-view-actions.c. */
void _zb_roster_view_class_add_actions (GtkWidgetClass *widget_class);
/* The one place that decides which roster.* actions are enabled. */
void _zb_roster_view_update_actions (ZbRosterView *self);
void _zb_roster_view_show_member (ZbRosterView *self, const char *uuid, gboolean reveal);
void _zb_roster_view_clear_filters (ZbRosterView *self);
/* The editor or dialog open over the window (weak), closed on locking. */
void _zb_roster_view_set_dialog (ZbRosterView *self, GtkWindow *dialog);

ZbMemberListModel *_zb_roster_view_get_model (ZbRosterView *self);
GtkColumnView *_zb_roster_view_get_column_view (ZbRosterView *self);
GtkSearchEntry *_zb_roster_view_get_search_entry (ZbRosterView *self);
ZbMemberDetail *_zb_roster_view_get_detail (ZbRosterView *self);
GtkLabel *_zb_roster_view_get_count_label (ZbRosterView *self);
/* "list", "empty" or "no-results". */
const char *_zb_roster_view_get_state (ZbRosterView *self);
/* The text shown in row @position of @column, or
 * NULL when that row is not on screen. */
char *_zb_roster_view_dup_cell_text (ZbRosterView *self, guint position, ZbRosterColumn column);
GtkWidget *_zb_roster_view_get_cell (ZbRosterView *self, guint position, ZbRosterColumn column);
/* Selects row @position, as a click would. */
void _zb_roster_view_select (ZbRosterView *self, guint position);
/* The editor or status dialog open over the window, or NULL. */
GtkWindow *_zb_roster_view_get_dialog (ZbRosterView *self);

G_END_DECLS
