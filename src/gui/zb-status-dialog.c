/* zb-status-dialog.c — recording one status change of a member: 转正, 转接, 流动, 失联, 出党 …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "zb-codes.h"
#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-member-rules.h"
#include "zb-status-dialog.h"
#include "zb-window-private.h"

/* What each change asks for. */
enum
{
  ASK_COUNTERPART = 1 << 0,
  ASK_LETTER = 1 << 1,
  ASK_DUES = 1 << 2,
  ASK_LOST_REASON = 1 << 3,
  ASK_LEFT_KIND = 1 << 4,
  /* Takes the member off the roster or out of Party life: confirm first. */
  CONFIRM = 1 << 5,
};

static const struct
{
  const char *nick;
  const char *label;
  guint asks;
  const char *counterpart;
  const char *letter;
  const char *description;
} kinds[] = {
  [ZB_EVENT_FULL_MEMBERSHIP] = { "full-membership", N_ ("Full Membership"), 0, NULL, NULL,
                                 N_ ("The probationary period is over and the branch meeting "
                                     "has admitted the member as a full member. Enter the date "
                                     "of full membership.") },
  [ZB_EVENT_TRANSFER_IN]
  = { "transfer-in", N_ ("Membership Transferred In"), ASK_COUNTERPART | ASK_LETTER | ASK_DUES,
      N_ ("_Transferred from"), N_ ("_Letter number"),
      N_ ("The member's organisational relationship has come to this "
          "branch with an introduction letter.") },
  [ZB_EVENT_TRANSFER_OUT] = { "transfer-out", N_ ("Membership Transferred Out"),
                              ASK_COUNTERPART | ASK_LETTER | ASK_DUES | CONFIRM,
                              N_ ("_Transferred to"), N_ ("_Letter number"),
                              N_ ("The member's organisational relationship leaves this branch. "
                                  "Afterwards the member is kept in the archive.") },
  [ZB_EVENT_FLOW_START] = { "flow-start", N_ ("Flowing Member"), ASK_COUNTERPART | ASK_LETTER,
                            N_ ("_Going to"), N_ ("Flowing member _card no."),
                            N_ ("The member goes away for a while without transferring the "
                                "relationship, with a flowing member card.") },
  [ZB_EVENT_FLOW_END] = { "flow-end", N_ ("Flowing Ended"), 0, NULL, NULL,
                          N_ ("The member is back and takes part in the branch's life again.") },
  [ZB_EVENT_LOST_CONTACT] = { "lost-contact", N_ ("Out of Contact"), ASK_LOST_REASON, NULL, NULL,
                              N_ ("The branch cannot reach the member. Enter since when, and "
                                  "the circumstance.") },
  [ZB_EVENT_CONTACT_RESTORED] = { "contact-restored", N_ ("Contact Restored"), 0, NULL, NULL,
                                  N_ ("The branch is in touch with the member again.") },
  [ZB_EVENT_SUSPEND] = { "suspend", N_ ("Membership Suspended"), CONFIRM, NULL, NULL,
                         N_ ("The member's Party membership is suspended, for example "
                             "after six months out of contact.") },
  [ZB_EVENT_RESTORE] = { "restore", N_ ("Membership Restored"), 0, NULL, NULL,
                         N_ ("The suspension ends and the member's Party membership is "
                             "restored.") },
  [ZB_EVENT_LEAVE] = { "leave", N_ ("Leaving the Party"), ASK_LEFT_KIND | CONFIRM, NULL, NULL,
                       N_ ("The member leaves the Party in one of the forms the regulations "
                           "name. Afterwards the member is kept in the archive.") },
  [ZB_EVENT_DEATH] = { "death", N_ ("Death"), CONFIRM, NULL, NULL,
                       N_ ("The member has died. Afterwards the member is kept in the "
                           "archive.") },
};

struct _ZbStatusDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *record_button;
  GtkBox *form_box;
  GtkLabel *description_label;
  GtkLabel *error_label;

  ZbMemberRepo *repo;
  ZbMemberRecord *member;
  ZbMemberEventKind kind;

  GtkWidget *date_entry;
  GtkWidget *counterpart_entry;
  GtkWidget *letter_entry;
  GtkWidget *dues_entry;
  GtkWidget *reason_drop_down;
  GtkWidget *notes_entry;
};

G_DEFINE_FINAL_TYPE (ZbStatusDialog, zb_status_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
zb_status_dialog_kind_to_nick (ZbMemberEventKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].nick;
}

gboolean
zb_status_dialog_kind_from_nick (const char *nick, ZbMemberEventKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].nick, nick) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
zb_status_dialog_kind_get_label (ZbMemberEventKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), "");

  return _ (kinds[kind].label);
}

gboolean
zb_status_dialog_kind_applies (ZbMemberEventKind kind, const ZbMemberRecord *r)
{
  if (r->status != ZB_STATUS_ACTIVE)
    return FALSE;

  switch (kind)
    {
    case ZB_EVENT_FULL_MEMBERSHIP:
      return r->category == ZB_CATEGORY_PROBATIONARY;
    case ZB_EVENT_FLOW_START:
      return !r->flowing;
    case ZB_EVENT_FLOW_END:
      return r->flowing;
    case ZB_EVENT_LOST_CONTACT:
      return !r->lost_contact;
    case ZB_EVENT_CONTACT_RESTORED:
      return r->lost_contact;
    case ZB_EVENT_SUSPEND:
      return r->standing == ZB_STANDING_NORMAL;
    case ZB_EVENT_RESTORE:
      return r->standing == ZB_STANDING_SUSPENDED;
    case ZB_EVENT_TRANSFER_IN:
    case ZB_EVENT_TRANSFER_OUT:
    case ZB_EVENT_LEAVE:
    case ZB_EVENT_DEATH:
    default:
      return TRUE;
    }
}

static void
append_detail (GString *text, const char *label, const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, _ ("; "));
  /* Translators: one detail of a history entry, "label: value". */
  g_string_append_printf (text, _ ("%s: %s"), label, value);
}

char *
zb_status_dialog_describe_event (const ZbMemberEvent *event)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *dues = NULL;

  switch (event->kind)
    {
    case ZB_EVENT_TRANSFER_IN:
      append_detail (text, _ ("From"), event->counterpart);
      break;
    case ZB_EVENT_TRANSFER_OUT:
      append_detail (text, _ ("To"), event->counterpart);
      break;
    case ZB_EVENT_FLOW_START:
      append_detail (text, _ ("Going to"), event->counterpart);
      break;
    default:
      append_detail (text, _ ("Counterpart"), event->counterpart);
      break;
    }

  append_detail (text, event->kind == ZB_EVENT_FLOW_START ? _ ("Card no.") : _ ("Letter no."),
                 event->letter_number);
  if (event->dues_paid_until != NULL)
    {
      dues = zb_format_year_month (event->dues_paid_until);
      append_detail (text, _ ("Dues paid up to"), dues);
    }

  if (event->reason != NULL)
    {
      ZbLeftKind left;

      if (event->kind == ZB_EVENT_LOST_CONTACT)
        append_detail (text, _ ("Circumstance"),
                       zb_lost_contact_reason_get_name (atoi (event->reason)));
      else if (event->kind == ZB_EVENT_LEAVE && zb_left_kind_from_string (event->reason, &left))
        append_detail (text, _ ("Form"), zb_left_kind_get_name (left));
    }
  append_detail (text, _ ("Notes"), event->notes);

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* Checking and recording */

static char *
text_of (GtkWidget *entry)
{
  g_autofree char *text = NULL;

  if (entry == NULL || !gtk_widget_get_visible (entry))
    return NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  return text[0] ? g_steal_pointer (&text) : NULL;
}

/* Checks the fields, says what is wrong beside each, and fills @event when
 * all is well. */
static gboolean
zb_status_dialog_check (ZbStatusDialog *self, ZbMemberEvent *event)
{
  g_autofree char *date = NULL;
  g_autofree char *dues = NULL;
  gboolean empty = FALSE, ok = TRUE;
  GDate today, parsed;

  zb_format_today (&today);
  date = zb_parse_typed_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &empty);
  if (date == NULL)
    {
      zb_form_set_error (self->date_entry, empty ? _ ("Please enter the date.")
                                                 : _ ("This is not a date. Write it like "
                                                      "2024-03-01."));
      ok = FALSE;
    }
  else if (zb_parse_iso_date (date, &parsed) && g_date_compare (&parsed, &today) > 0)
    {
      zb_form_set_error (self->date_entry, _ ("The date is in the future."));
      ok = FALSE;
    }
  else if (self->member->birth_date != NULL && g_strcmp0 (date, self->member->birth_date) < 0)
    {
      zb_form_set_error (self->date_entry, _ ("The date is before the member was born."));
      ok = FALSE;
    }
  else if (self->kind == ZB_EVENT_FULL_MEMBERSHIP && self->member->joined_date != NULL
           && g_strcmp0 (date, self->member->joined_date) <= 0)
    {
      zb_form_set_error (self->date_entry, _ ("Full membership comes after the date of joining."));
      ok = FALSE;
    }
  else
    zb_form_set_error (self->date_entry, NULL);

  if (self->dues_entry != NULL)
    {
      dues = zb_parse_typed_year_month (gtk_editable_get_text (GTK_EDITABLE (self->dues_entry)),
                                        &empty);
      if (dues == NULL && !empty)
        {
          zb_form_set_error (self->dues_entry, _ ("Write the month like 2024-03."));
          ok = FALSE;
        }
      else
        zb_form_set_error (self->dues_entry, NULL);
    }

  if (!ok || event == NULL)
    return ok;

  event->kind = self->kind;
  event->date = g_steal_pointer (&date);
  event->counterpart = text_of (self->counterpart_entry);
  event->letter_number = text_of (self->letter_entry);
  event->dues_paid_until = g_steal_pointer (&dues);
  event->notes = text_of (self->notes_entry);
  if (self->reason_drop_down != NULL)
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->reason_drop_down));

      if (kinds[self->kind].asks & ASK_LOST_REASON)
        event->reason = g_strdup_printf ("%u", selected + 1);
      else
        event->reason = g_strdup (zb_left_kind_to_string (selected));
    }

  return TRUE;
}

static void
zb_status_dialog_record (ZbStatusDialog *self)
{
  ZbMemberEvent event = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!zb_status_dialog_check (self, &event))
    return;

  if (!zb_member_repo_record_event (self->repo, self->member->uuid, &event, &error))
    {
      /* The core's messages are sentences meant for the user. */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  else
    {
      /* Translators: a toast: what was recorded, for whom. */
      message = g_strdup_printf (_ ("Recorded: %s, %s"), _ (kinds[self->kind].label),
                                 self->member->name);
      g_signal_emit (self, signals[SIGNAL_RECORDED], 0, message);
      zb_form_destroy_later (GTK_WINDOW (self));
    }

  g_free (event.date);
  g_free (event.counterpart);
  g_free (event.letter_number);
  g_free (event.dues_paid_until);
  g_free (event.reason);
  g_free (event.notes);
}

static void
on_confirm_response_cb (ZbStatusDialog *self, const char *response)
{
  if (g_strcmp0 (response, "record") == 0)
    zb_status_dialog_record (self);
}

static void
on_record_clicked_cb (ZbStatusDialog *self)
{
  AdwMessageDialog *confirm;
  g_autofree char *heading = NULL;

  if (!zb_status_dialog_check (self, NULL))
    return;

  if (!(kinds[self->kind].asks & CONFIRM))
    {
      zb_status_dialog_record (self);
      return;
    }

  /* Translators: %1$s is a change such as 组织关系转出, %2$s a name. */
  heading = g_strdup_printf (_ ("Record “%1$s” for %2$s?"), _ (kinds[self->kind].label),
                             self->member->name);
  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), heading,
      _ ("Please check the date and details. A recorded change stays in the member's history "
         "and cannot be taken back.")));
  adw_message_dialog_add_responses (confirm, "cancel", _ ("_Cancel"), "record", _ ("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (confirm, "record", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_signal_connect_object (confirm, "response", G_CALLBACK (on_confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
on_field_changed_cb (ZbStatusDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* Only clear errors as they are fixed; new ones wait for 记录. */
  if (zb_form_get_error (self->date_entry) != NULL
      || (self->dues_entry && zb_form_get_error (self->dues_entry) != NULL))
    zb_status_dialog_check (self, NULL);
}

/* Building */

static GtkWidget *
zb_status_dialog_add_entry (ZbStatusDialog *self, GtkGrid *form, const char *title, int width_chars,
                            const char *placeholder, const char *hint)
{
  GtkWidget *entry = zb_form_entry_new (width_chars, placeholder);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return zb_form_add (form, title, entry, hint);
}

static void
zb_status_dialog_build (ZbStatusDialog *self)
{
  guint asks = kinds[self->kind].asks;
  GtkGrid *form = zb_form_new ();
  g_autofree char *today = zb_format_today_iso ();

  adw_window_title_set_title (self->window_title, _ (kinds[self->kind].label));
  adw_window_title_set_subtitle (self->window_title, self->member->name);
  gtk_window_set_title (GTK_WINDOW (self), _ (kinds[self->kind].label));
  gtk_label_set_label (self->description_label, _ (kinds[self->kind].description));
  gtk_widget_add_css_class (self->record_button,
                            asks & CONFIRM ? "destructive-action" : "suggested-action");

  self->date_entry = zb_status_dialog_add_entry (self, form, _ ("_Date"), 12, NULL,
                                                 _ ("For example 2024-03-01"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);

  if (asks & ASK_COUNTERPART)
    self->counterpart_entry
        = zb_status_dialog_add_entry (self, form, _ (kinds[self->kind].counterpart), 0, NULL, NULL);
  if (asks & ASK_LETTER)
    self->letter_entry
        = zb_status_dialog_add_entry (self, form, _ (kinds[self->kind].letter), 16, NULL, NULL);
  if (asks & ASK_DUES)
    self->dues_entry = zb_status_dialog_add_entry (self, form, _ ("_Dues paid up to"), 10, NULL,
                                                   _ ("Year and month, for example 2024-03"));

  if (asks & (ASK_LOST_REASON | ASK_LEFT_KIND))
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) names = NULL;

      if (asks & ASK_LOST_REASON)
        {
          guint n = 0;
          const ZbCodeEntry *entries = zb_lost_contact_reason_get_entries (&n);

          for (guint i = 0; i < n; i++)
            g_strv_builder_add (builder, entries[i].name);
        }
      else
        for (guint i = 0; i < ZB_LEFT_KIND_COUNT; i++)
          g_strv_builder_add (builder, zb_left_kind_get_name (i));

      names = g_strv_builder_end (builder);
      self->reason_drop_down = zb_form_add (
          form, asks & ASK_LOST_REASON ? _ ("C_ircumstance") : _ ("_Form of leaving"),
          zb_form_drop_down_new ((const char *const *)names, FALSE), NULL);
      /* 取消预备党员资格 is for probationary members only; offer the likelier
       * form first. */
      if ((asks & ASK_LEFT_KIND) && self->member->category == ZB_CATEGORY_PROBATIONARY)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->reason_drop_down),
                                    ZB_LEFT_PROBATION_CANCELLED);
    }

  self->notes_entry = zb_status_dialog_add_entry (self, form, _ ("_Notes"), 0, NULL, NULL);

  gtk_box_append (self->form_box, GTK_WIDGET (form));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->record_button);
}

ZbStatusDialog *
zb_status_dialog_new (GtkWindow *parent, ZbMemberRepo *repo, const ZbMemberRecord *member,
                      ZbMemberEventKind kind)
{
  ZbStatusDialog *self;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), NULL);
  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  self = g_object_new (ZB_TYPE_STATUS_DIALOG, "transient-for", parent, NULL);
  self->repo = g_object_ref (repo);
  self->member = zb_member_record_copy (member);
  self->kind = kind;
  zb_status_dialog_build (self);

  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (self));

  return self;
}

GtkWidget *
zb_status_dialog_get_field (ZbStatusDialog *self, const char *name)
{
  g_return_val_if_fail (ZB_IS_STATUS_DIALOG (self), NULL);

  if (g_str_equal (name, "date"))
    return self->date_entry;
  if (g_str_equal (name, "counterpart"))
    return self->counterpart_entry;
  if (g_str_equal (name, "letter_number"))
    return self->letter_entry;
  if (g_str_equal (name, "dues_paid_until"))
    return self->dues_entry;
  if (g_str_equal (name, "reason"))
    return self->reason_drop_down;
  if (g_str_equal (name, "notes"))
    return self->notes_entry;
  return NULL;
}

GtkWidget *
zb_status_dialog_get_record_button (ZbStatusDialog *self)
{
  g_return_val_if_fail (ZB_IS_STATUS_DIALOG (self), NULL);

  return self->record_button;
}

/* GObject */

static void
zb_status_dialog_finalize (GObject *object)
{
  ZbStatusDialog *self = ZB_STATUS_DIALOG (object);

  g_clear_object (&self->repo);
  g_clear_pointer (&self->member, zb_member_record_free);

  G_OBJECT_CLASS (zb_status_dialog_parent_class)->finalize (object);
}

static void
zb_status_dialog_class_init (ZbStatusDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = zb_status_dialog_finalize;

  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-status-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbStatusDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbStatusDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, ZbStatusDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, ZbStatusDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, ZbStatusDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_status_dialog_init (ZbStatusDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
