/* zb-names.h — the stable names enums are stored and exchanged under
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The position of @text in @names (an enum's stable names, indexed by value;
 * NULL entries never match). FALSE when @text is NULL or not there, and then
 * *index is left alone. */
gboolean zb_name_lookup (const char *const *names, guint n_names, const char *text, guint *index);

G_END_DECLS
