/* zb-roster-columns.h — the columns of the roster list: cells, masking, header sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-member-repo.h"

G_BEGIN_DECLS

typedef enum
{
  ZB_ROSTER_COLUMN_NAME,
  ZB_ROSTER_COLUMN_GENDER,
  ZB_ROSTER_COLUMN_ETHNICITY,
  ZB_ROSTER_COLUMN_BIRTH,
  ZB_ROSTER_COLUMN_CATEGORY,
  ZB_ROSTER_COLUMN_JOINED,
  ZB_ROSTER_COLUMN_FULL,
  ZB_ROSTER_COLUMN_YEARS,
  ZB_ROSTER_COLUMN_UNIT,
  ZB_ROSTER_COLUMN_WORK,
  ZB_ROSTER_COLUMN_ID,
  ZB_ROSTER_COLUMN_PHONE,
  ZB_ROSTER_COLUMN_STATUS,
  ZB_ROSTER_N_COLUMNS
} ZbRosterColumn;

#define ZB_TYPE_ROSTER_COLUMNS (zb_roster_columns_get_type ())

G_DECLARE_FINAL_TYPE (ZbRosterColumns, zb_roster_columns, ZB, ROSTER_COLUMNS, GObject)

/* Adds the roster's columns to @view (whose model holds ZbMember). Only the
 * 姓名 and 入党日期 headers sort: the repository orders by an index for those
 * (姓名 by strokes or pinyin), and by nothing else. Signals: "sort-changed"
 * (ZbRosterColumn column, gboolean descending) when the user clicks a header. */
ZbRosterColumns *zb_roster_columns_new (GtkColumnView *view);
/* Shows the sorted column on the headers, without "sort-changed". */
void zb_roster_columns_show_sort (ZbRosterColumns *self, ZbRosterColumn column,
                                  gboolean descending);
/* Whether ID and phone numbers show in full (FALSE: 110105********002X). */
void zb_roster_columns_set_reveal (ZbRosterColumns *self, gboolean reveal);

/* The text @column shows for @member. */
char *zb_roster_columns_dup_text (ZbRosterColumns *self, ZbMember *member, ZbRosterColumn column);
/* The widget of row @position in @column, or NULL when the row has none, and
 * the text it shows (for tests). */
GtkWidget *zb_roster_columns_get_shown_cell (ZbRosterColumns *self, guint position,
                                             ZbRosterColumn column);
char *zb_roster_columns_dup_shown_text (ZbRosterColumns *self, guint position,
                                        ZbRosterColumn column);

G_END_DECLS
