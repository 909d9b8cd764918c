/* zb-talk-export.h — 谈心谈话 as a CSV or XLSX file (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-talk-repo.h"

G_BEGIN_DECLS

/* Writes the talks @query selects (NULL: all, not archived) with the columns
 * 日期, 时间, 地点, 谈话类型, 谈话人, 谈话对象, 主题, 后续措施.
 *
 * CSV (UTF-8 with BOM) or XLSX by the file's extension; contents only when @with_contents
 * (then each talk's opening is audited like any other). Written to a temp file in the same
 * folder and renamed: never a half-written file. One audit row ("export", entity "talk")
 * records the export itself. */
gboolean zb_talk_export_to_file (ZbTalkRepo *talks, const ZbTalkQuery *query,
                                 gboolean with_contents, const char *path, GError **error);

G_END_DECLS
