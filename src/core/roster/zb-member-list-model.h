/* zb-member-list-model.h — the members of a query as a GListModel that pages from SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-member-repo.h"

G_BEGIN_DECLS

/* Rows are read from the repository a page at a time when a list asks for
 * them, and only a few pages are kept, so that a list of 100,000 members costs
 * what is on screen. */
#define ZB_MEMBER_LIST_MODEL_PAGE_SIZE 100
#define ZB_MEMBER_LIST_MODEL_MAX_PAGES 8

#define ZB_TYPE_MEMBER_LIST_MODEL (zb_member_list_model_get_type ())

G_DECLARE_FINAL_TYPE (ZbMemberListModel, zb_member_list_model, ZB, MEMBER_LIST_MODEL, GObject)

/* A GListModel of ZbMember over the members of @repo matching a query (the
 * active roster in stroke order until one is set). It follows the repository's
 * "changed" signal by itself. Properties: "repo" (construct-only), "n-items". */
ZbMemberListModel *zb_member_list_model_new (ZbMemberRepo *repo);
ZbMemberRepo *zb_member_list_model_get_repo (ZbMemberListModel *self);

/* Shows the members matching @query (copied): every row is replaced. */
void zb_member_list_model_set_query (ZbMemberListModel *self, const ZbMemberQuery *query);
const ZbMemberQuery *zb_member_list_model_get_query (ZbMemberListModel *self);

/* Reads the count and the pages in use again and emits one "items-changed"
 * that covers exactly the rows that differ among those in use, with the
 * unchanged rows keeping their objects (so that selections stay). Called on
 * the repository's "changed"; call it after writing through another repository
 * object. */
void zb_member_list_model_refresh (ZbMemberListModel *self);

/* While held, the model reads nothing — for a worker thread that writes through
 * the same database connection: rows not in memory read as NULL, and a refresh
 * waits for the last release. Holds nest. */
void zb_member_list_model_hold (ZbMemberListModel *self);
void zb_member_list_model_release (ZbMemberListModel *self);

/* The position of the member with @uuid among the pages in memory, or -1. */
int zb_member_list_model_find_cached (ZbMemberListModel *self, const char *uuid);

/* For tests and benchmarks: how many page reads the model made, and whether
 * page @page (rows page × PAGE_SIZE …) is in memory. */
guint zb_member_list_model_get_n_fetches (ZbMemberListModel *self);
gboolean zb_member_list_model_is_page_cached (ZbMemberListModel *self, guint page);

G_END_DECLS
