/* zb-review-dialog.c — grading the members at a 民主评议党员
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per member who may be graded (the meeting's attendance as frozen
 * from the roster), a grade chooser on each and a remark inside it; the count
 * of each grade and the one-third cap on 优秀 follow every change. The cap is
 * a guide in the regulation ("一般", DOMAIN.md §2.2), so it is stated calmly
 * with this meeting's figures and never stops the secretary from saving.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-print-dialog.h"
#include "zb-review-dialog-private.h"
#include "zb-review-document.h"

typedef struct
{
  gint64 member_id;
  char *name;
  AdwExpanderRow *row;
  GtkDropDown *grade;
  AdwEntryRow *remark;
} GradeRow;

struct _ZbReviewDialog
{
  AdwWindow parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *heading_label;
  GtkLabel *error_label;
  GtkLabel *counts_label;
  GtkWidget *cap_box;
  GtkLabel *cap_label;
  AdwPreferencesGroup *members_group;
  AdwStatusPage *status_page;

  ZbMeetingRepo *meetings;
  ZbOrgRepo *org;
  char *meeting_uuid;
  GPtrArray *rows; /* of GradeRow */
  gboolean available;
  gboolean loading;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (ZbReviewDialog, zb_review_dialog, ADW_TYPE_WINDOW)

static void
grade_row_free (GradeRow *r)
{
  g_free (r->name);
  g_free (r);
}

static void
zb_review_dialog_update_actions (ZbReviewDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", self->available);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print", self->available);
}

static void
zb_review_dialog_show_error (ZbReviewDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  /* The sentence sits above the list: bring it into view. */
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The grades as the rows show them now: a GPtrArray of ZbMeetingGrade. */
static GPtrArray *
zb_review_dialog_collect (ZbReviewDialog *self)
{
  GPtrArray *grades = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GradeRow *r = g_ptr_array_index (self->rows, i);
      guint selected = gtk_drop_down_get_selected (r->grade);
      ZbReviewGrade grade
          = selected < ZB_REVIEW_N_GRADES ? (ZbReviewGrade)selected : ZB_REVIEW_GRADE_NONE;

      g_ptr_array_add (grades,
                       zb_meeting_grade_new (r->member_id, r->name, grade,
                                             gtk_editable_get_text (GTK_EDITABLE (r->remark))));
    }
  return grades;
}

/* The counts of each grade and, when 优秀 is over one third, the rule with
 * this meeting's figures. */
static void
zb_review_dialog_update_summary (ZbReviewDialog *self)
{
  g_autoptr (GPtrArray) grades = zb_review_dialog_collect (self);
  g_autoptr (ZbRuleCheck) check = zb_meeting_grades_check (grades);
  g_autofree char *counts_text = NULL;
  guint counts[ZB_APPRAISAL_N_GRADES];
  guint not_graded = grades->len - check->total;

  zb_meeting_grades_count (grades, counts);
  /* Translators: the number of members of each grade, and of those still
   * without one. zh_CN: "参评 %u 人：优秀 %u 人，合格 %u 人，基本合格 %u 人，不合格 %u 人；未评定
   * %u 人。" */
  counts_text = g_strdup_printf (_ ("%1$u rated: excellent %2$u, qualified %3$u, basically "
                                    "qualified %4$u, unqualified %5$u; not graded %6$u."),
                                 check->total, counts[ZB_GRADE_EXCELLENT],
                                 counts[ZB_GRADE_QUALIFIED], counts[ZB_GRADE_BASICALLY_QUALIFIED],
                                 counts[ZB_GRADE_UNQUALIFIED], not_graded);
  gtk_label_set_label (self->counts_label, counts_text);

  if (!check->ok)
    {
      g_autofree char *cap = zb_meeting_grades_describe_cap (check);

      gtk_label_set_label (self->cap_label, cap);
    }
  gtk_widget_set_visible (self->cap_box, !check->ok);
}

static void
on_row_changed (ZbReviewDialog *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  zb_review_dialog_update_summary (self);
}

/* The remark under the member's name while the row is closed. */
static void
on_remark_changed (ZbReviewDialog *self, GParamSpec *pspec, GtkEditable *remark)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GradeRow *r = g_ptr_array_index (self->rows, i);

      if (GTK_EDITABLE (r->remark) == remark)
        adw_expander_row_set_subtitle (r->row, gtk_editable_get_text (remark));
    }
  on_row_changed (self);
}

static GradeRow *
zb_review_dialog_add_row (ZbReviewDialog *self, const ZbMeetingGrade *grade)
{
  static const ZbReviewGrade order[]
      = { ZB_REVIEW_GRADE_NONE, ZB_REVIEW_GRADE_EXCELLENT, ZB_REVIEW_GRADE_QUALIFIED,
          ZB_REVIEW_GRADE_BASICALLY_QUALIFIED, ZB_REVIEW_GRADE_UNQUALIFIED };
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *accessible = NULL;
  GradeRow *r = g_new0 (GradeRow, 1);

  /* The chooser's positions are the ZbReviewGrade values. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    gtk_string_list_append (labels, zb_review_grade_get_label (order[i]));

  r->member_id = grade->member_id;
  r->name = g_strdup (grade->member_name);
  r->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), grade->member_name);
  adw_expander_row_set_subtitle (r->row, grade->remark != NULL ? grade->remark : "");

  r->grade = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (r->grade), GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (r->grade, grade->grade);
  /* Translators: the accessible name of a member's grade chooser */
  accessible = g_strdup_printf (_ ("Grade of %s"), grade->member_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->grade), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_signal_connect_object (r->grade, "notify::selected", G_CALLBACK (on_row_changed), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_action (r->row, GTK_WIDGET (r->grade));

  r->remark = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->remark), _ ("Remark"));
  gtk_editable_set_text (GTK_EDITABLE (r->remark), grade->remark != NULL ? grade->remark : "");
  g_signal_connect_object (r->remark, "notify::text", G_CALLBACK (on_remark_changed), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->remark));

  adw_preferences_group_add (self->members_group, GTK_WIDGET (r->row));
  g_ptr_array_add (self->rows, r);
  return r;
}

static void
zb_review_dialog_load (ZbReviewDialog *self)
{
  g_autoptr (ZbMeetingRecord) meeting = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;

  meeting = zb_meeting_repo_get (self->meetings, self->meeting_uuid, &error);
  if (meeting != NULL)
    candidates
        = zb_meeting_repo_list_review_candidates (self->meetings, self->meeting_uuid, &error);
  if (candidates == NULL)
    {
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
      self->available = FALSE;
      zb_review_dialog_update_actions (self);
      return;
    }

  date = zb_format_date (meeting->date);
  heading = meeting->title != NULL && meeting->title[0] != '\0'
                /* Translators: a meeting's title and date */
                ? g_strdup_printf (C_ ("meeting title and date", "%s, %s"), meeting->title, date)
                : g_strdup_printf (C_ ("meeting title and date", "%s, %s"),
                                   zb_meeting_kind_get_label (meeting->kind), date);
  gtk_label_set_label (self->heading_label, heading);

  self->loading = TRUE;
  for (guint i = 0; i < candidates->len; i++)
    zb_review_dialog_add_row (self, g_ptr_array_index (candidates, i));
  self->loading = FALSE;
  if (candidates->len == 0)
    adw_preferences_group_set_description (
        self->members_group, _ ("No member was on the branch's roster on the meeting date."));

  self->available = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "list");
  zb_review_dialog_update_summary (self);
  zb_review_dialog_update_actions (self);
}

static gboolean
zb_review_dialog_save (ZbReviewDialog *self)
{
  g_autoptr (GPtrArray) grades = zb_review_dialog_collect (self);
  g_autoptr (GError) error = NULL;

  if (!zb_meeting_repo_set_review_grades (self->meetings, self->meeting_uuid, grades, &error))
    {
      zb_review_dialog_show_error (self, error->message);
      return FALSE;
    }
  zb_review_dialog_show_error (self, NULL);
  self->dirty = FALSE;
  return TRUE;
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbReviewDialog *self = ZB_REVIEW_DIALOG (widget);

  if (self->available && zb_review_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
action_cancel (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* A print dialog whose page is still being drawn lives on after it is closed
 * (the drawing holds it), and when it goes it lets go of the window it was
 * transient for: that window's object must still exist then, even when the
 * window itself was closed first. */
static void
on_print_dialog_gone (gpointer data, GObject *where_the_object_was)
{
  g_object_unref (data);
}

/* The result sheet of what is stored: unsaved choices are saved first, so
 * that the paper says what the workspace holds. */
static void
action_print (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbReviewDialog *self = ZB_REVIEW_DIALOG (widget);
  ZbDatabase *db = zb_meeting_repo_get_database (self->meetings);
  g_autoptr (ZbDocument) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  ZbPrintDialog *dialog;

  if (!self->available || (self->dirty && !zb_review_dialog_save (self)))
    return;

  org_name = zb_database_dup_org_name (db);
  sheet = zb_review_document_new_for_uuid (self->meetings, self->org, self->meeting_uuid, org_name,
                                           NULL, &error);
  if (sheet == NULL)
    {
      zb_review_dialog_show_error (self, error->message);
      return;
    }
  dialog = zb_print_dialog_new (GTK_WINDOW (self), db, ZB_REVIEW_KIND, sheet);
  g_object_weak_ref (G_OBJECT (dialog), on_print_dialog_gone, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zb_review_dialog_dispose (GObject *object)
{
  ZbReviewDialog *self = ZB_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ZB_TYPE_REVIEW_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->meetings);
  g_clear_object (&self->org);

  G_OBJECT_CLASS (zb_review_dialog_parent_class)->dispose (object);
}

static void
zb_review_dialog_finalize (GObject *object)
{
  ZbReviewDialog *self = ZB_REVIEW_DIALOG (object);

  g_free (self->meeting_uuid);

  G_OBJECT_CLASS (zb_review_dialog_parent_class)->finalize (object);
}

static void
zb_review_dialog_class_init (ZbReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_review_dialog_dispose;
  object_class->finalize = zb_review_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, cap_box);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, cap_label);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, ZbReviewDialog, status_page);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, action_cancel);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, action_print);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "review.print",
                                       NULL);
}

static void
zb_review_dialog_init (ZbReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)grade_row_free);
}

GtkWindow *
zb_review_dialog_new (GtkWindow *parent, ZbMeetingRepo *meetings, ZbOrgRepo *org,
                      const char *meeting_uuid)
{
  ZbReviewDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  self = g_object_new (ZB_TYPE_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->meetings = g_object_ref (meetings);
  self->org = org != NULL ? g_object_ref (org) : NULL;
  self->meeting_uuid = g_strdup (meeting_uuid);
  zb_review_dialog_load (self);
  return GTK_WINDOW (self);
}

/* For the UI tests (zb-review-dialog-private.h). */

gboolean
_zb_review_dialog_is_available (ZbReviewDialog *self)
{
  return self->available;
}

guint
_zb_review_dialog_get_n_rows (ZbReviewDialog *self)
{
  return self->rows->len;
}

GtkDropDown *
_zb_review_dialog_get_grade (ZbReviewDialog *self, guint i)
{
  g_return_val_if_fail (i < self->rows->len, NULL);
  return ((GradeRow *)g_ptr_array_index (self->rows, i))->grade;
}

GtkEditable *
_zb_review_dialog_get_remark (ZbReviewDialog *self, guint i)
{
  g_return_val_if_fail (i < self->rows->len, NULL);
  return GTK_EDITABLE (((GradeRow *)g_ptr_array_index (self->rows, i))->remark);
}

const char *
_zb_review_dialog_get_counts_text (ZbReviewDialog *self)
{
  return gtk_label_get_label (self->counts_label);
}

gboolean
_zb_review_dialog_get_cap_shown (ZbReviewDialog *self)
{
  return gtk_widget_get_visible (self->cap_box);
}

const char *
_zb_review_dialog_get_error_text (ZbReviewDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
             ? gtk_label_get_label (self->error_label)
             : NULL;
}
