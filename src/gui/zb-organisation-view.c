/* zb-organisation-view.c — the 组织 area: branches, Party groups, committees, posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-organisation"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-member-list-model.h"
#include "zb-member-rules.h"
#include "zb-org-rules.h"
#include "zb-organisation-view.h"
#include "zb-window-private.h"

struct _ZbOrganisationView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkBox *units_box;

  ZbOrgRepo *org;
  ZbMemberRepo *members;
  GHashTable *warnings; /* unit id → GStrv "message|source" */
  gboolean stale;       /* changed while not on screen */
};

G_DEFINE_FINAL_TYPE (ZbOrganisationView, zb_organisation_view, ADW_TYPE_BIN)

/* Where each warning comes from (DOMAIN.md §2.1). Only 第四条 is sourced to
 * its article; the others name the regulation and what it says. */
static const char *
warning_source (ZbOrgWarningKind kind)
{
  switch (kind)
    {
    case ZB_ORG_WARNING_TOO_FEW_FULL:
    case ZB_ORG_WARNING_TOO_LARGE:
      return _ ("Regulations on the Work of Party Branches (Trial), Article 4");
    case ZB_ORG_WARNING_COMMITTEE_NEEDED:
      return _ ("Regulations on the Work of Party Branches (Trial): a branch with seven or more "
                "full members sets up a branch committee");
    case ZB_ORG_WARNING_TERM_ENDING:
    case ZB_ORG_WARNING_TERM_ENDED:
    default:
      return _ ("Regulations on the Work of Party Branches (Trial): a committee serves three "
                "years (five in villages and communities) and is re-elected on time");
    }
}

/* Active members of a branch (@group_id 0) or of one of its groups, by
 * category: a range of the roster's (branch, group) index. */
static void
zb_organisation_view_count (ZbOrganisationView *self, gint64 branch_id, gint64 group_id,
                            guint *n_full, guint *n_probationary)
{
  *n_full = *n_probationary = 0;
  if (self->org != NULL)
    zb_org_repo_count_members (self->org, group_id != 0 ? group_id : branch_id, n_full,
                               n_probationary, NULL);
}

/* Rows */

static GtkWidget *
new_icon_button (const char *icon, const char *tooltip, const char *action, gint64 target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (target));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static GtkWidget *
new_text_button (const char *label, const char *action, gint64 target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (target));
  return button;
}

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
zb_organisation_view_add_warnings (ZbOrganisationView *self, AdwPreferencesGroup *group,
                                   gint64 unit_id, GPtrArray *warnings)
{
  g_autoptr (GStrvBuilder) shown = g_strv_builder_new ();

  for (guint i = 0; i < warnings->len; i++)
    {
      ZbOrgWarning *warning = g_ptr_array_index (warnings, i);
      const char *source = warning_source (warning->kind);
      GtkWidget *row = new_row (warning->message, source);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "zb-warning-row");
      adw_preferences_group_add (group, row);
      g_autofree char *entry = g_strdup_printf ("%s|%s", warning->message, source);

      g_strv_builder_add (shown, entry);
    }

  g_hash_table_insert (self->warnings, g_memdup2 (&unit_id, sizeof unit_id),
                       g_strv_builder_end (shown));
}

/* The committee's current term and the posts held now. */
static void
zb_organisation_view_add_committee (ZbOrganisationView *self, AdwPreferencesGroup *group,
                                    const ZbOrgUnit *unit, const ZbCommitteeTerm *term,
                                    const char *today)
{
  g_autoptr (GPtrArray) posts = zb_org_repo_list_posts (self->org, unit->id, today, NULL);
  GtkWidget *row;

  if (term != NULL)
    {
      g_autofree char *start = zb_format_date (term->start_date);
      g_autofree char *end = zb_format_date (term->end_date);
      /* Translators: a committee's term, from … to …. */
      g_autofree char *span = g_strdup_printf (_ ("%s to %s"), start, end);

      row = new_row (_ ("Current committee term"), span);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_text_button (_ ("New _Term…"), "org.set-term", unit->id));
      adw_preferences_group_add (group, row);
    }
  else
    {
      row = new_row (_ ("Committee term"), _ ("No term recorded"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_text_button (_ ("Set _Term…"), "org.set-term", unit->id));
      adw_preferences_group_add (group, row);
    }

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      ZbPartyPost *post = g_ptr_array_index (posts, i);
      g_autofree char *since = zb_format_date (post->start_date);
      /* Translators: who holds a post, and since when. */
      g_autofree char *subtitle = g_strdup_printf (_ ("%s, since %s"), post->member_name, since);

      if (post->role == ZB_POST_GROUP_LEADER)
        continue;
      row = new_row (zb_party_post_role_get_label (post->role), subtitle);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          new_icon_button ("list-remove-symbolic", _ ("End This Post"), "org.end-post", post->id));
      adw_preferences_group_add (group, row);
    }

  row = new_row (_ ("Posts"), _ ("Secretary, deputy secretary and committee members"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_text_button (_ ("A_ppoint…"), "org.appoint", unit->id));
  adw_preferences_group_add (group, row);
}

static void
zb_organisation_view_add_unit (ZbOrganisationView *self, const ZbOrgUnit *unit, GPtrArray *all,
                               const char *today)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr (GPtrArray) warnings
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_org_warning_free);
  g_autofree char *description = NULL;
  g_autoptr (ZbCommitteeTerm) term = NULL;
  guint n_full = 0, n_probationary = 0;
  GDate end_date, today_date;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), unit->name);
  if (unit->kind == ZB_ORG_UNIT_BRANCH)
    {
      zb_organisation_view_count (self, unit->id, 0, &n_full, &n_probationary);
      /* Translators: the members of a branch, by category. */
      description
          = g_strdup_printf (_ ("%s · %u full members, %u probationary members"),
                             zb_org_unit_kind_get_label (unit->kind), n_full, n_probationary);
    }
  else
    description = g_strdup (zb_org_unit_kind_get_label (unit->kind));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  if (unit->kind == ZB_ORG_UNIT_BRANCH)
    gtk_box_append (GTK_BOX (buttons), new_icon_button ("list-add-symbolic", _ ("Add Party Group"),
                                                        "org.add-group", unit->id));
  gtk_box_append (GTK_BOX (buttons),
                  new_icon_button ("document-edit-symbolic", _ ("Rename"), "org.rename", unit->id));
  gtk_box_append (GTK_BOX (buttons),
                  new_icon_button ("folder-symbolic", _ ("Archive"), "org.archive", unit->id));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  /* What needs doing comes first: the warnings, then the committee and the
   * groups. */
  term = zb_org_repo_get_current_term (self->org, unit->id, today, NULL);
  if (term != NULL && zb_parse_iso_date (term->end_date, &end_date)
      && zb_parse_iso_date (today, &today_date))
    {
      ZbOrgWarning *warning
          = zb_org_check_term (&end_date, &today_date, ZB_TERM_WARN_MONTHS_DEFAULT);

      if (warning != NULL)
        g_ptr_array_add (warnings, warning);
    }
  if (unit->kind == ZB_ORG_UNIT_BRANCH)
    {
      g_autoptr (GPtrArray) size = zb_org_check_branch_size (n_full, n_probationary, term != NULL);

      for (guint i = 0; i < size->len; i++)
        g_ptr_array_add (warnings, g_steal_pointer (&g_ptr_array_index (size, i)));
      g_ptr_array_set_free_func (size, NULL);
    }
  zb_organisation_view_add_warnings (self, ADW_PREFERENCES_GROUP (group), unit->id, warnings);

  zb_organisation_view_add_committee (self, ADW_PREFERENCES_GROUP (group), unit, term, today);

  if (unit->kind == ZB_ORG_UNIT_BRANCH)
    {
      for (guint i = 0; i < all->len; i++)
        {
          ZbOrgUnit *child = g_ptr_array_index (all, i);
          g_autoptr (GPtrArray) posts = NULL;
          g_autofree char *subtitle = NULL;
          const char *leader = NULL;
          GtkWidget *row, *suffix;
          guint g_full = 0, g_probationary = 0;

          if (child->kind != ZB_ORG_UNIT_GROUP || child->parent_id != unit->id)
            continue;

          zb_organisation_view_count (self, unit->id, child->id, &g_full, &g_probationary);
          posts = zb_org_repo_list_posts (self->org, child->id, today, NULL);
          for (guint p = 0; posts != NULL && p < posts->len; p++)
            if (((ZbPartyPost *)g_ptr_array_index (posts, p))->role == ZB_POST_GROUP_LEADER)
              leader = ((ZbPartyPost *)g_ptr_array_index (posts, p))->member_name;

          /* Translators: a Party group: its members and its leader. */
          subtitle = g_strdup_printf (_ ("%u members · leader: %s"), g_full + g_probationary,
                                      leader ? leader : _ ("none"));
          row = new_row (child->name, subtitle);
          suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          gtk_box_append (GTK_BOX (suffix),
                          new_icon_button ("avatar-default-symbolic", _ ("Appoint Group Leader"),
                                           "org.appoint", child->id));
          gtk_box_append (GTK_BOX (suffix), new_icon_button ("document-edit-symbolic", _ ("Rename"),
                                                             "org.rename", child->id));
          gtk_box_append (GTK_BOX (suffix), new_icon_button ("folder-symbolic", _ ("Archive"),
                                                             "org.archive", child->id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }

  gtk_box_append (self->units_box, group);
}

static void zb_organisation_view_reload (ZbOrganisationView *self);

/* Read only while on screen: counting every branch's members at each change
 * of the roster is work for when the area is looked at. */
static void
zb_organisation_view_changed_cb (ZbOrganisationView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    zb_organisation_view_reload (self);
  else
    self->stale = TRUE;
}

static void
zb_organisation_view_map (GtkWidget *widget)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);

  GTK_WIDGET_CLASS (zb_organisation_view_parent_class)->map (widget);

  if (self->stale)
    zb_organisation_view_reload (self);
}

static void
zb_organisation_view_reload (ZbOrganisationView *self)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *today = zb_format_today_iso ();
  GtkWidget *child;
  gboolean any = FALSE;

  self->stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->units_box))) != NULL)
    gtk_box_remove (self->units_box, child);
  g_hash_table_remove_all (self->warnings);

  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind == ZB_ORG_UNIT_GROUP)
          continue;
        zb_organisation_view_add_unit (self, unit, units, today);
        any = TRUE;
      }

  gtk_stack_set_visible_child_name (self->stack, any ? "units" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.add-branch", self->org != NULL);
}

/* Dialogs */

typedef struct
{
  ZbOrganisationView *self;
  char *action;
  gint64 id;
  GtkWidget *entry;
  GtkWidget *entry2;
  GtkWidget *choice;
  GtkWidget *choice2;
  ZbMemberListModel *members;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_free (data->action);
  g_clear_object (&data->members);
  g_free (data);
}

static void
dialog_data_closure_free (gpointer data, GClosure *closure)
{
  dialog_data_free (data);
}

static void
zb_organisation_view_report (ZbOrganisationView *self, GError *error, const char *done)
{
  /* The core's messages are sentences for the user. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error ? error->message : done));
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog, const char *response, DialogData *data)
{
  ZbOrganisationView *self = data->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "ok") != 0 || self->org == NULL)
    return;

  text = data->entry ? entry_text (data->entry) : NULL;

  if (g_str_equal (data->action, "add-branch") || g_str_equal (data->action, "add-group"))
    {
      g_autoptr (ZbOrgUnit) unit = zb_org_repo_create_unit (
          self->org,
          g_str_equal (data->action, "add-group") ? ZB_ORG_UNIT_GROUP : ZB_ORG_UNIT_BRANCH,
          data->id, text, &error);

      zb_organisation_view_report (self, error, _ ("Added"));
    }
  else if (g_str_equal (data->action, "rename"))
    {
      zb_org_repo_rename_unit (self->org, data->id, text, &error);
      zb_organisation_view_report (self, error, _ ("Renamed"));
    }
  else if (g_str_equal (data->action, "archive"))
    {
      zb_org_repo_set_unit_archived (self->org, data->id, TRUE, &error);
      zb_organisation_view_report (self, error, _ ("Archived"));
    }
  else if (g_str_equal (data->action, "set-term"))
    {
      guint years = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->choice)) == 1 ? 5 : 3;
      g_autofree char *end = NULL;
      g_autoptr (ZbCommitteeTerm) term = NULL;
      GDate start_date, end_date;

      date = zb_parse_typed_date (text, NULL);
      zb_parse_iso_date (date, &start_date);
      zb_committee_term_end_for (&start_date, years, &end_date);
      end = zb_format_iso_date (&end_date);
      term = zb_org_repo_add_term (self->org, data->id, date, end, &error);
      zb_organisation_view_report (self, error, _ ("Term recorded"));
    }
  else if (g_str_equal (data->action, "appoint"))
    {
      ZbMember *member = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (data->choice2));
      g_autoptr (ZbCommitteeTerm) term = NULL;
      g_autoptr (ZbPartyPost) post = NULL;
      g_autoptr (ZbOrgUnit) unit = zb_org_repo_get_unit (self->org, data->id, NULL);
      ZbPartyPostRole role = ZB_POST_GROUP_LEADER;

      date = zb_parse_typed_date (text, NULL);
      if (unit != NULL && unit->kind != ZB_ORG_UNIT_GROUP)
        {
          role = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->choice));
          term = zb_org_repo_get_current_term (self->org, data->id, date, NULL);
        }
      if (member != NULL)
        post = zb_org_repo_add_post (self->org, zb_member_get_record (member)->id, data->id,
                                     term ? term->id : 0, role, date, NULL, &error);
      zb_organisation_view_report (self, error, _ ("Appointed"));
    }
  else if (g_str_equal (data->action, "end-post"))
    {
      date = zb_parse_typed_date (text, NULL);
      zb_org_repo_end_post (self->org, data->id, date, &error);
      zb_organisation_view_report (self, error, _ ("Post ended"));
    }
}

/* Turns 确定 on only while the entry holds what the dialog needs. */
static void
on_dialog_entry_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  gboolean date = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "zb-date"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *parsed = date ? zb_parse_typed_date (text, NULL) : NULL;
  gboolean ok = date ? parsed != NULL : text[0] != '\0';

  adw_message_dialog_set_response_enabled (dialog, "ok", ok);
  if (date)
    zb_form_set_error (GTK_WIDGET (entry),
                       ok || text[0] == '\0' ? NULL
                                             : _ ("This is not a date. Write it like 2024-03-01."));
}

static AdwMessageDialog *
zb_organisation_view_new_dialog (ZbOrganisationView *self, const char *heading, const char *body,
                                 const char *ok_label, gboolean destructive, DialogData *data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body));

  data->self = self;
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (
      dialog, "ok", destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_dialog_response_cb), data,
                         dialog_data_closure_free, 0);
  return dialog;
}

static GtkWidget *
add_dialog_entry (AdwMessageDialog *dialog, GtkGrid *form, const char *title, const char *text,
                  gboolean is_date)
{
  GtkWidget *entry = zb_form_entry_new (is_date ? 12 : 24, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  g_object_set_data (G_OBJECT (entry), "zb-date", GINT_TO_POINTER (is_date));
  g_signal_connect (entry, "changed", G_CALLBACK (on_dialog_entry_changed_cb), dialog);
  zb_form_add (form, title, entry, is_date ? _ ("For example 2024-03-01") : NULL);
  on_dialog_entry_changed_cb (GTK_EDITABLE (entry), dialog);
  return entry;
}

static void
zb_organisation_view_present (ZbOrganisationView *self, AdwMessageDialog *dialog, GtkGrid *form)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (form != NULL)
    adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (form));
  if (ZB_IS_WINDOW (root))
    _zb_window_watch_input (ZB_WINDOW (root), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_add_branch (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  AdwMessageDialog *dialog;
  GtkGrid *form = zb_form_new ();
  g_autoptr (GPtrArray) top = self->org ? zb_org_repo_list_children (self->org, 0, NULL) : NULL;

  data->action = g_strdup ("add-branch");
  /* Under the 党委 or 党总支 the workspace holds, if any. */
  for (guint i = 0; top != NULL && i < top->len; i++)
    {
      ZbOrgUnit *unit = g_ptr_array_index (top, i);

      if (unit->kind == ZB_ORG_UNIT_COMMITTEE || unit->kind == ZB_ORG_UNIT_GENERAL_BRANCH)
        data->id = unit->id;
    }

  dialog = zb_organisation_view_new_dialog (
      self, _ ("Add Branch"),
      _ ("Write the branch's name as on its seal, for example “First Party Branch”."), _ ("_Add"),
      FALSE, data);
  data->entry = add_dialog_entry (dialog, form, _ ("N_ame"), NULL, FALSE);
  zb_organisation_view_present (self, dialog, form);
}

static void
action_add_group (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  GtkGrid *form = zb_form_new ();
  AdwMessageDialog *dialog;

  data->action = g_strdup ("add-group");
  data->id = g_variant_get_int64 (param);
  dialog = zb_organisation_view_new_dialog (self, _ ("Add Party Group"), NULL, _ ("_Add"), FALSE,
                                            data);
  data->entry = add_dialog_entry (dialog, form, _ ("N_ame"), NULL, FALSE);
  zb_organisation_view_present (self, dialog, form);
}

static void
action_rename (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  g_autoptr (ZbOrgUnit) unit = zb_org_repo_get_unit (self->org, g_variant_get_int64 (param), NULL);
  GtkGrid *form = zb_form_new ();
  AdwMessageDialog *dialog;

  if (unit == NULL)
    {
      dialog_data_free (data);
      return;
    }
  data->action = g_strdup ("rename");
  data->id = unit->id;
  dialog = zb_organisation_view_new_dialog (self, _ ("Rename"), NULL, _ ("_Rename"), FALSE, data);
  data->entry = add_dialog_entry (dialog, form, _ ("N_ame"), unit->name, FALSE);
  zb_organisation_view_present (self, dialog, form);
}

static void
action_archive (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  g_autoptr (ZbOrgUnit) unit = zb_org_repo_get_unit (self->org, g_variant_get_int64 (param), NULL);
  g_autofree char *heading = NULL;

  if (unit == NULL)
    {
      dialog_data_free (data);
      return;
    }
  data->action = g_strdup ("archive");
  data->id = unit->id;
  /* Translators: %s is the name of a branch or Party group. */
  heading = g_strdup_printf (_ ("Archive “%s”?"), unit->name);
  zb_organisation_view_present (
      self,
      zb_organisation_view_new_dialog (self, heading,
                                       _ ("It will no longer be listed. Its members' records "
                                          "stay as they are."),
                                       _ ("_Archive"), TRUE, data),
      NULL);
}

static void
action_set_term (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  const char *names[] = { _ ("3 years"), _ ("5 years (villages and communities)"), NULL };
  g_autofree char *today = zb_format_today_iso ();
  GtkGrid *form = zb_form_new ();
  AdwMessageDialog *dialog;

  data->action = g_strdup ("set-term");
  data->id = g_variant_get_int64 (param);
  dialog = zb_organisation_view_new_dialog (
      self, _ ("Committee Term"),
      _ ("The date of the election, and how long the term lasts. The end of the term is "
         "worked out from them."),
      _ ("_Record"), FALSE, data);
  data->entry = add_dialog_entry (dialog, form, _ ("_Elected on"), today, TRUE);
  data->choice = zb_form_add (form, _ ("_Term"), zb_form_drop_down_new (names, FALSE), NULL);
  zb_organisation_view_present (self, dialog, form);
}

static void
action_appoint (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  g_autoptr (ZbOrgUnit) unit = zb_org_repo_get_unit (self->org, g_variant_get_int64 (param), NULL);
  g_autoptr (GtkExpression) expression = NULL;
  g_autofree char *today = zb_format_today_iso ();
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  GtkGrid *form = zb_form_new ();
  AdwMessageDialog *dialog;
  GtkWidget *members;

  if (unit == NULL || self->members == NULL)
    {
      dialog_data_free (data);
      return;
    }
  data->action = g_strdup ("appoint");
  data->id = unit->id;
  dialog = zb_organisation_view_new_dialog (
      self, unit->kind == ZB_ORG_UNIT_GROUP ? _ ("Appoint Group Leader") : _ ("Appoint"),
      unit->name, _ ("A_ppoint"), FALSE, data);

  if (unit->kind != ZB_ORG_UNIT_GROUP)
    {
      const char *roles[ZB_POST_GROUP_LEADER + 1];

      for (int r = 0; r < ZB_POST_GROUP_LEADER; r++)
        roles[r] = zb_party_post_role_get_label (r);
      roles[ZB_POST_GROUP_LEADER] = NULL;
      data->choice = zb_form_add (form, _ ("_Post"), zb_form_drop_down_new (roles, FALSE), NULL);
    }

  /* The unit's members, read a page at a time like the roster. */
  data->members = zb_member_list_model_new (self->members);
  if (unit->kind == ZB_ORG_UNIT_GROUP)
    query.group_id = unit->id;
  else if (unit->kind == ZB_ORG_UNIT_BRANCH)
    query.branch_id = unit->id;
  zb_member_list_model_set_query (data->members, &query);
  expression = gtk_property_expression_new (ZB_TYPE_MEMBER, NULL, "name");
  members = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (data->members)),
                               g_steal_pointer (&expression));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (members), TRUE);
  gtk_widget_set_halign (members, GTK_ALIGN_START);
  data->choice2 = zb_form_add (form, _ ("_Member"), members, NULL);
  data->entry = add_dialog_entry (dialog, form, _ ("_From"), today, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (data->members)) == 0)
    adw_message_dialog_set_response_enabled (dialog, "ok", FALSE);

  zb_organisation_view_present (self, dialog, form);
}

static void
action_end_post (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (widget);
  DialogData *data = g_new0 (DialogData, 1);
  g_autofree char *today = zb_format_today_iso ();
  GtkGrid *form = zb_form_new ();
  AdwMessageDialog *dialog;

  data->action = g_strdup ("end-post");
  data->id = g_variant_get_int64 (param);
  dialog = zb_organisation_view_new_dialog (
      self, _ ("End This Post?"),
      _ ("The post stays in the member's history with the date it ended."), _ ("_End Post"), TRUE,
      data);
  data->entry = add_dialog_entry (dialog, form, _ ("_Ended on"), today, TRUE);
  zb_organisation_view_present (self, dialog, form);
}

/* Public */

void
zb_organisation_view_set_repos (ZbOrganisationView *self, ZbOrgRepo *org, ZbMemberRepo *members)
{
  g_return_if_fail (ZB_IS_ORGANISATION_VIEW (self));

  if (self->org != NULL)
    g_signal_handlers_disconnect_by_data (self->org, self);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);

  g_set_object (&self->org, org);
  g_set_object (&self->members, members);

  /* Member counts and posts change with the roster. */
  if (org != NULL)
    g_signal_connect_object (org, "changed", G_CALLBACK (zb_organisation_view_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (members != NULL)
    g_signal_connect_object (members, "changed", G_CALLBACK (zb_organisation_view_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* Locked: nothing of the workspace stays, at once. */
  if (org == NULL)
    zb_organisation_view_reload (self);
  else
    zb_organisation_view_changed_cb (self);
}

GStrv
zb_organisation_view_dup_warnings (ZbOrganisationView *self, gint64 unit_id)
{
  GStrv warnings;

  g_return_val_if_fail (ZB_IS_ORGANISATION_VIEW (self), NULL);

  warnings = g_hash_table_lookup (self->warnings, &unit_id);
  return warnings ? g_strdupv (warnings) : NULL;
}

/* GObject */

static void
zb_organisation_view_dispose (GObject *object)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (object);

  zb_organisation_view_set_repos (self, NULL, NULL);

  /* AdwBin disposes its child, the template's top widget; disposing the
   * template as well would leave AdwBin a freed child to unparent. */

  G_OBJECT_CLASS (zb_organisation_view_parent_class)->dispose (object);
}

static void
zb_organisation_view_finalize (GObject *object)
{
  ZbOrganisationView *self = ZB_ORGANISATION_VIEW (object);

  g_clear_pointer (&self->warnings, g_hash_table_unref);

  G_OBJECT_CLASS (zb_organisation_view_parent_class)->finalize (object);
}

static void
zb_organisation_view_class_init (ZbOrganisationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_organisation_view_dispose;
  object_class->finalize = zb_organisation_view_finalize;
  widget_class->map = zb_organisation_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/zb-organisation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbOrganisationView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZbOrganisationView, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbOrganisationView, units_box);

  gtk_widget_class_install_action (widget_class, "org.add-branch", NULL, action_add_branch);
  gtk_widget_class_install_action (widget_class, "org.add-group", "x", action_add_group);
  gtk_widget_class_install_action (widget_class, "org.rename", "x", action_rename);
  gtk_widget_class_install_action (widget_class, "org.archive", "x", action_archive);
  gtk_widget_class_install_action (widget_class, "org.set-term", "x", action_set_term);
  gtk_widget_class_install_action (widget_class, "org.appoint", "x", action_appoint);
  gtk_widget_class_install_action (widget_class, "org.end-post", "x", action_end_post);
}

static void
zb_organisation_view_init (ZbOrganisationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->warnings
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_strfreev);
  zb_organisation_view_reload (self);
}

ZbOrganisationView *
zb_organisation_view_new (void)
{
  return g_object_new (ZB_TYPE_ORGANISATION_VIEW, NULL);
}
