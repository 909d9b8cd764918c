/* zb-meeting-register-document.h — the 年度三会一课台账
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"
#include "zb-meeting-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* What print_record.kind says of the register. */
#define ZB_MEETING_REGISTER_KIND "meeting_register"

/* The register of every meeting of @year of the branch @branch_id (0: all),
 * landscape A4, kind by kind: 序号, 日期, 类别, 主题/议题, 主持人, 应到, 实到,
 * 请假, 缺席, 出席率 (a percentage), a subtotal per kind, and the year's
 * required against held count of each kind (zb_meeting_rhythm_for_year()).
 * @org (NULL: not looked up) names the branch, else @org_name. @print_date
 * (NULL: now). */
ZbDocument *zb_meeting_register_document_new (ZbMeetingRepo *meetings, ZbOrgRepo *org,
                                              gint64 branch_id, guint year, const char *org_name,
                                              GDateTime *print_date, GError **error);

G_END_DECLS
