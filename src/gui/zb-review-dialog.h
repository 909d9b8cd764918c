/* zb-review-dialog.h — grading the members at a 民主评议党员
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-meeting-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_REVIEW_DIALOG (zb_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbReviewDialog, zb_review_dialog, ZB, REVIEW_DIALOG, AdwWindow)

/* A modal window over @parent listing everyone who may be graded at the
 * meeting @meeting_uuid (zb_meeting_repo_list_review_candidates()), each with
 * a grade chooser and a remark, the count of each grade, the one-third cap on
 * 优秀 shown calmly when exceeded, Save (zb_meeting_repo_set_review_grades())
 * and Cancel, and a button that prints the result sheet (ZB_REVIEW_KIND)
 * through ZbPrintDialog. A meeting that cannot hold grades opens the dialog
 * with the reason in place of the list. @org gives the branch's name on the
 * sheet. Present it with gtk_window_present(). */
GtkWindow *zb_review_dialog_new (GtkWindow *parent, ZbMeetingRepo *meetings, ZbOrgRepo *org,
                                 const char *meeting_uuid);

G_END_DECLS
