/* zb-review-dialog-private.h — what the UI tests look at in ZbReviewDialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-review-dialog.h"

G_BEGIN_DECLS

/* Whether the list of members is shown (FALSE: the reason it cannot be). */
gboolean _zb_review_dialog_is_available (ZbReviewDialog *self);
/* The number of member rows, and the grade chooser of row @i (its
 * positions are the ZbReviewGrade values). */
guint _zb_review_dialog_get_n_rows (ZbReviewDialog *self);
GtkDropDown *_zb_review_dialog_get_grade (ZbReviewDialog *self, guint i);
GtkEditable *_zb_review_dialog_get_remark (ZbReviewDialog *self, guint i);
/* The counts line; whether the one-third note is shown; the error shown
 * (NULL when none). */
const char *_zb_review_dialog_get_counts_text (ZbReviewDialog *self);
gboolean _zb_review_dialog_get_cap_shown (ZbReviewDialog *self);
const char *_zb_review_dialog_get_error_text (ZbReviewDialog *self);

G_END_DECLS
