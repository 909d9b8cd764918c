/* zb-verify-print-dialog.c — is this paper copy what the workspace printed?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-print"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-verify-print-dialog.h"

#define HASH_DIGITS 64

struct _ZbVerifyPrintDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *number_row;
  AdwEntryRow *hash_row;
  GtkWidget *verify_button;
  GtkWidget *result_box;
  GtkImage *result_icon;
  GtkLabel *result_label;

  ZbPrintLog *log;
  int result;
  /* Set while a pasted ZB1|… text is split into the two fields. */
  gboolean splitting;
};

G_DEFINE_FINAL_TYPE (ZbVerifyPrintDialog, zb_verify_print_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_result (ZbVerifyPrintDialog *self, int result)
{
  if (self->result == result)
    return;

  self->result = result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

int
zb_verify_print_dialog_get_result (ZbVerifyPrintDialog *self)
{
  g_return_val_if_fail (ZB_IS_VERIFY_PRINT_DIALOG (self), -1);

  return self->result;
}

/* The digits of the check code, lower case, without the spaces a person
 * types between groups; NULL when it is not 64 hex digits. */
static char *
dup_hash (const char *text)
{
  GString *hash = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (hash, TRUE);
          return NULL;
        }
      g_string_append_c (hash, g_ascii_tolower (*p));
    }

  if (hash->len != HASH_DIGITS)
    {
      g_string_free (hash, TRUE);
      return NULL;
    }
  return g_string_free (hash, FALSE);
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_answer (ZbVerifyPrintDialog *self, const char *icon, const char *css, const char *text)
{
  gtk_image_set_from_icon_name (self->result_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), css);
  gtk_label_set_label (self->result_label, text);
  gtk_widget_set_visible (self->result_box, TRUE);
}

static char *
format_printed_at (const char *iso8601)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Translators: a date for g_date_time_format(); zh_CN: "%Y年%-m月%-d日" */
  return g_date_time_format (local, _ ("%b %-d, %Y"));
}

static void
zb_verify_print_dialog_verify (ZbVerifyPrintDialog *self)
{
  g_autofree char *number = dup_stripped (self->number_row);
  g_autofree char *typed_hash = dup_stripped (self->hash_row);
  g_autofree char *hash = dup_hash (typed_hash);
  g_autoptr (ZbPrintRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  ZbPrintVerifyResult result;

  if (number[0] == '\0' || typed_hash[0] == '\0')
    return;

  if (hash == NULL)
    {
      show_answer (self, "dialog-warning-symbolic", "warning",
                   _ ("The check code has 64 letters and digits; please check what was typed."));
      set_result (self, -1);
      return;
    }

  if (!zb_print_log_verify (self->log, number, hash, &result, &record, &error))
    {
      show_answer (self, "dialog-warning-symbolic", "warning", error->message);
      set_result (self, -1);
      return;
    }

  switch (result)
    {
    case ZB_PRINT_VERIFY_MATCHES:
      {
        g_autofree char *when = format_printed_at (record->printed_at);

        /* Translators: the copy is genuine. “%s” is the document's title, the
         * second %s the day it was printed. zh_CN: "与打印时一致：《%s》，%s打印。" */
        text = g_strdup_printf (_ ("Matches what was printed: “%s”, printed on %s."), record->title,
                                when);
        show_answer (self, "emblem-ok-symbolic", "success", text);
      }
      break;

    case ZB_PRINT_VERIFY_HASH_DIFFERS:
      show_answer (self, "dialog-error-symbolic", "error",
                   _ ("The content has been changed: it differs from what was printed under "
                      "this number."));
      break;

    case ZB_PRINT_VERIFY_UNKNOWN_NUMBER:
    default:
      /* Translators: %s is the number as typed */
      text = g_strdup_printf (
          _ ("There is no such number: this workspace never printed a document numbered %s."),
          number);
      show_answer (self, "dialog-question-symbolic", "warning", text);
      break;
    }

  set_result (self, result);
}

/* A QR scanner's "ZB1|number|hash" pasted into either field is split into
 * both. */
static gboolean
split_pasted (ZbVerifyPrintDialog *self, AdwEntryRow *row)
{
  g_autofree char *number = NULL;
  g_autofree char *hash = NULL;

  if (!zb_print_parse_verification_text (gtk_editable_get_text (GTK_EDITABLE (row)), &number,
                                         &hash))
    return FALSE;

  self->splitting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  gtk_editable_set_text (GTK_EDITABLE (self->hash_row), hash);
  self->splitting = FALSE;
  return TRUE;
}

static void
on_entry_changed (ZbVerifyPrintDialog *self, GtkEditable *editable)
{
  g_autofree char *number = NULL;
  g_autofree char *hash = NULL;

  if (self->splitting)
    return;

  if (split_pasted (self, ADW_ENTRY_ROW (editable)))
    {
      gtk_widget_set_sensitive (self->verify_button, TRUE);
      zb_verify_print_dialog_verify (self);
      return;
    }

  number = dup_stripped (self->number_row);
  hash = dup_stripped (self->hash_row);
  gtk_widget_set_sensitive (self->verify_button, number[0] != '\0' && hash[0] != '\0');
  gtk_widget_set_visible (self->result_box, FALSE);
  set_result (self, -1);
}

static void
on_entry_activated (ZbVerifyPrintDialog *self)
{
  if (gtk_widget_get_sensitive (self->verify_button))
    zb_verify_print_dialog_verify (self);
}

static void
on_verify_clicked (ZbVerifyPrintDialog *self)
{
  zb_verify_print_dialog_verify (self);
}

static void
zb_verify_print_dialog_finalize (GObject *object)
{
  ZbVerifyPrintDialog *self = ZB_VERIFY_PRINT_DIALOG (object);

  g_clear_object (&self->log);

  G_OBJECT_CLASS (zb_verify_print_dialog_parent_class)->finalize (object);
}

static void
zb_verify_print_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZB_TYPE_VERIFY_PRINT_DIALOG);

  G_OBJECT_CLASS (zb_verify_print_dialog_parent_class)->dispose (object);
}

static void
zb_verify_print_dialog_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  ZbVerifyPrintDialog *self = ZB_VERIFY_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_int (value, self->result);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_verify_print_dialog_class_init (ZbVerifyPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_verify_print_dialog_dispose;
  object_class->finalize = zb_verify_print_dialog_finalize;
  object_class->get_property = zb_verify_print_dialog_get_property;

  properties[PROP_RESULT]
      = g_param_spec_int ("result", NULL, NULL, -1, ZB_PRINT_VERIFY_HASH_DIFFERS, -1,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/zb-verify-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbVerifyPrintDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, ZbVerifyPrintDialog, hash_row);
  gtk_widget_class_bind_template_child (widget_class, ZbVerifyPrintDialog, verify_button);
  gtk_widget_class_bind_template_child (widget_class, ZbVerifyPrintDialog, result_box);
  gtk_widget_class_bind_template_child (widget_class, ZbVerifyPrintDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, ZbVerifyPrintDialog, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_verify_print_dialog_init (ZbVerifyPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->result = -1;
}

ZbVerifyPrintDialog *
zb_verify_print_dialog_new (GtkWindow *parent, ZbDatabase *db)
{
  ZbVerifyPrintDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  self = g_object_new (ZB_TYPE_VERIFY_PRINT_DIALOG, "transient-for", parent, NULL);
  self->log = zb_print_log_new (db);
  return self;
}
