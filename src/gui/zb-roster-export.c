/* zb-roster-export.c — saving the roster, all or as filtered, as Excel or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-export"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-exporter.h"
#include "zb-roster-export.h"

typedef struct
{
  ZbMemberListModel *model;
  AdwToastOverlay *toasts;
  char *search; /* owned copy for the query */
  ZbMemberQuery query;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->model);
  g_clear_weak_pointer (&data->toasts);
  g_free (data->search);
  g_free (data);
}

static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ExportData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_members = 0;

  if (zb_export_members_finish (result, &n_members, &error))
    text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u member exported", "%u members exported", n_members),
        n_members);
  if (data->toasts != NULL)
    /* The exchange's messages are sentences for the user. */
    adw_toast_overlay_add_toast (data->toasts, adw_toast_new (text ? text : error->message));

  export_data_free (data);
}

static gboolean
is_filtered (const ZbMemberQuery *q)
{
  return q->search != NULL || q->branch_id != 0 || q->group_id != 0 || q->category >= 0
         || q->flowing >= 0 || q->lost_contact >= 0 || q->archive;
}

void
zb_roster_export_to_file (ZbMemberListModel *model, GFile *file, gboolean filtered,
                          AdwToastOverlay *toasts)
{
  ExportData *data;
  g_autofree char *path = NULL;
  ZbExportFormat format = ZB_EXPORT_XLSX;

  g_return_if_fail (ZB_IS_MEMBER_LIST_MODEL (model));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = g_file_get_path (file)) == NULL)
    return;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    format = ZB_EXPORT_CSV;

  data = g_new0 (ExportData, 1);
  data->model = g_object_ref (model);
  g_set_weak_pointer (&data->toasts, toasts);
  if (filtered)
    {
      data->query = *zb_member_list_model_get_query (model);
      data->search = g_strdup (data->query.search);
      data->query.search = data->search;
    }
  else
    data->query = (ZbMemberQuery)ZB_MEMBER_QUERY_INIT;

  /* The export opens a connection of its own: the roster stays usable. */
  zb_export_members_async (zb_member_list_model_get_repo (model), &data->query, format, path, NULL,
                           NULL, NULL, NULL, on_export_done_cb, data);
}

typedef struct
{
  ZbMemberListModel *model;
  AdwToastOverlay *toasts;
} ChooseData;

static void
on_file_chosen_cb (GtkNativeDialog *native, int response, ChooseData *choose)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
      const char *scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "scope");
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      /* The ending says the format; without one, the filter chosen does. */
      if (path != NULL && !g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".xlsx"))
        {
          gboolean csv
              = filter != NULL
                && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "zb-format"), "csv") == 0;
          g_autofree char *named = g_strconcat (path, csv ? ".csv" : ".xlsx", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (named);
        }

      if (file != NULL)
        zb_roster_export_to_file (choose->model, file, g_strcmp0 (scope, "filtered") == 0,
                                  choose->toasts);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_clear_object (&choose->model);
  g_clear_weak_pointer (&choose->toasts);
  g_free (choose);
}

static GtkFileFilter *
new_filter (const char *name, const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data_full (G_OBJECT (filter), "zb-format", g_strdup (suffix), g_free);
  return filter;
}

void
zb_roster_export_run (GtkWindow *parent, ZbMemberListModel *model, AdwToastOverlay *toasts)
{
  g_autoptr (GtkFileFilter) xlsx = new_filter (_ ("Excel Workbook (.xlsx)"), "xlsx");
  g_autoptr (GtkFileFilter) csv = new_filter (_ ("CSV Text (.csv)"), "csv");
  GtkFileChooserNative *native;
  ChooseData *choose;

  g_return_if_fail (ZB_IS_MEMBER_LIST_MODEL (model));

  native = gtk_file_chooser_native_new (_ ("Export Roster"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  /* Translators: the suggested file name of an exported roster. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _ ("Member Roster.xlsx"));

  if (is_filtered (zb_member_list_model_get_query (model)))
    {
      const char *ids[] = { "filtered", "all", NULL };
      const char *labels[] = { _ ("The members shown"), _ ("Everyone on the roster"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "scope", _ ("Export"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "scope", "filtered");
    }

  choose = g_new0 (ChooseData, 1);
  choose->model = g_object_ref (model);
  g_set_weak_pointer (&choose->toasts, toasts);
  g_signal_connect (native, "response", G_CALLBACK (on_file_chosen_cb), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
