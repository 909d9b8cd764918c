/* zb-member-demo.h — realistic fictitious members, for trying the app and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-database.h"

G_BEGIN_DECLS

/* Adds @n_members fictitious members, spread over @n_branches branches (made,
 * with two to four 党小组 each, when the workspace has fewer; at least 1) in one
 * transaction with one audit row ("demo", "member"). The members have valid ID
 * numbers consistent with their birth dates and genders, common Chinese names,
 * plausible dates (born 1940–2005, joined at 18 or later, full a year later for
 * most), some probationary, flowing or out of contact. The same @seed gives the
 * same people. */
gboolean zb_member_demo_fill (ZbDatabase *db, guint n_members, guint n_branches, guint32 seed,
                              GError **error);

G_END_DECLS
