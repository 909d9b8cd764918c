/* zb-member-detail.c — one member's record and history, beside the roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-codes.h"
#include "zb-gui-format.h"
#include "zb-member-detail.h"
#include "zb-status-dialog.h"

struct _ZbMemberDetail
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkMenuButton *status_button;
  AdwViewStack *pages;
  AdwPreferencesGroup *basic_group;
  AdwPreferencesGroup *party_group;
  AdwPreferencesGroup *history_group;

  ZbMemberRepo *members;
  ZbOrgRepo *org;
  char *uuid;
  ZbMemberRecord *record;
  gboolean reveal;

  /* Rows added to each group, to take them out again. */
  GPtrArray *rows;    /* (group, row) pairs */
  GHashTable *values; /* field → value shown (for tests) */
  GPtrArray *history; /* row titles */
  GtkLabel *id_label;
  GtkLabel *phone_label;
};

G_DEFINE_FINAL_TYPE (ZbMemberDetail, zb_member_detail, ADW_TYPE_BIN)

enum
{
  SIGNAL_CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
zb_member_detail_clear_rows (ZbMemberDetail *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->values);
  g_ptr_array_set_size (self->history, 0);
  self->id_label = NULL;
  self->phone_label = NULL;
}

static void
zb_member_detail_add_row (ZbMemberDetail *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static int
display_width (const char *text)
{
  int width = 0;

  if (text == NULL)
    return 6;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* A row "title … value"; an empty value reads 未填写. Returns the value's
 * label. */
static GtkLabel *
zb_member_detail_add_field (ZbMemberDetail *self, AdwPreferencesGroup *group, const char *field,
                            const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  gboolean empty = value == NULL || value[0] == '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  label = gtk_label_new (empty ? _ ("Not filled in") : value);
  /* Numbers and short values stay on one line; addresses and the like wrap. */
  gtk_label_set_wrap (GTK_LABEL (label), display_width (empty ? NULL : value) > 24);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), !empty);
  /* A suffix gets only its minimum width: long values wrap within about 12
   * Chinese characters. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (display_width (empty ? NULL : value), 24));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* The row reads "title: value" to a screen reader. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row,
                                  NULL, -1);

  zb_member_detail_add_row (self, group, row);
  g_hash_table_insert (self->values, g_strdup (field), g_strdup (empty ? "" : value));

  return GTK_LABEL (label);
}

static void
zb_member_detail_update_masked (ZbMemberDetail *self)
{
  g_autofree char *id = NULL;
  g_autofree char *phone = NULL;

  if (self->record == NULL)
    return;

  if (self->id_label != NULL && self->record->id_number != NULL)
    {
      id = self->reveal ? g_strdup (self->record->id_number)
                        : zb_format_mask_id (self->record->id_number);
      gtk_label_set_label (self->id_label, id);
      g_hash_table_insert (self->values, g_strdup ("id_number"), g_strdup (id));
    }
  if (self->phone_label != NULL && self->record->phone != NULL)
    {
      phone = self->reveal ? g_strdup (self->record->phone)
                           : zb_format_mask_phone (self->record->phone);
      gtk_label_set_label (self->phone_label, phone);
      g_hash_table_insert (self->values, g_strdup ("phone"), g_strdup (phone));
    }
}

static void
zb_member_detail_add_date (ZbMemberDetail *self, AdwPreferencesGroup *group, const char *field,
                           const char *title, const char *iso)
{
  g_autofree char *text = iso ? zb_format_date (iso) : NULL;

  zb_member_detail_add_field (self, group, field, title, text);
}

static char *
zb_member_detail_dup_unit_name (ZbMemberDetail *self, gint64 id)
{
  g_autoptr (ZbOrgUnit) unit = NULL;

  if (id == 0 || self->org == NULL)
    return NULL;
  unit = zb_org_repo_get_unit (self->org, id, NULL);
  return unit ? g_strdup (unit->name) : NULL;
}

static char *
zb_member_detail_dup_posts (ZbMemberDetail *self)
{
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (self->org == NULL
      || (posts = zb_org_repo_list_member_posts (self->org, self->record->id, NULL)) == NULL)
    return NULL;

  for (guint i = 0; i < posts->len; i++)
    {
      ZbPartyPost *post = g_ptr_array_index (posts, i);

      if (post->end_date != NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, _ ("; "));
      g_string_append (text, zb_party_post_role_get_label (post->role));
    }

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static void
zb_member_detail_fill_history (ZbMemberDetail *self)
{
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;

  events = zb_member_repo_list_events (self->members, self->uuid, &error);
  if (events == NULL || events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? _ ("The history could not be read.")
                                           : _ ("No changes recorded yet."));
      gtk_widget_add_css_class (row, "dim-label");
      zb_member_detail_add_row (self, self->history_group, row);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      ZbMemberEvent *event = g_ptr_array_index (events, i);
      g_autofree char *date = zb_format_date (event->date);
      g_autofree char *details = zb_status_dialog_describe_event (event);
      /* Translators: a history entry: %1$s is the date, %2$s what happened.
       * Chinese: "%1$s　%2$s" (with an ideographic space). */
      g_autofree char *title
          = g_strdup_printf (_ ("%1$s, %2$s"), date, zb_status_dialog_kind_get_label (event->kind));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (details != NULL && details[0] != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      zb_member_detail_add_row (self, self->history_group, row);
      g_ptr_array_add (self->history, g_steal_pointer (&title));
    }
}

static void
zb_member_detail_fill (ZbMemberDetail *self)
{
  const ZbMemberRecord *r = self->record;
  g_autofree char *branch = zb_member_detail_dup_unit_name (self, r->branch_id);
  g_autofree char *group = zb_member_detail_dup_unit_name (self, r->group_id);
  g_autofree char *posts = zb_member_detail_dup_posts (self);
  g_autofree char *years = zb_format_party_years (r->full_date);
  g_autofree char *summary = NULL;
  const char *status = NULL;

  gtk_label_set_label (self->name_label, r->name);
  if (r->status != ZB_STATUS_ACTIVE)
    status = zb_member_status_get_label (r->status);
  else if (r->standing != ZB_STANDING_NORMAL)
    status = zb_standing_get_label (r->standing);
  /* Under the name: category · branch · status, each when known. */
  {
    g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
    g_auto (GStrv) strv = NULL;

    g_strv_builder_add (parts, zb_member_category_get_label (r->category));
    if (branch != NULL)
      g_strv_builder_add (parts, branch);
    if (status != NULL)
      g_strv_builder_add (parts, status);
    strv = g_strv_builder_end (parts);
    summary = g_strjoinv (" · ", strv);
  }
  gtk_label_set_label (self->summary_label, summary);

  zb_member_detail_add_field (self, self->basic_group, "gender", _ ("Gender"),
                              r->gender == ZB_GENDER_UNKNOWN ? NULL
                                                             : zb_gender_get_label (r->gender));
  zb_member_detail_add_field (self, self->basic_group, "ethnicity", _ ("Ethnicity"),
                              zb_ethnicity_get_name (r->ethnicity));
  self->id_label = zb_member_detail_add_field (self, self->basic_group, "id_number",
                                               _ ("ID Number"), r->id_number);
  zb_member_detail_add_date (self, self->basic_group, "birth_date", _ ("Date of Birth"),
                             r->birth_date);
  zb_member_detail_add_field (self, self->basic_group, "native_place", _ ("Native Place"),
                              r->native_place);
  zb_member_detail_add_field (self, self->basic_group, "education", _ ("Education"),
                              zb_education_get_name (r->education));
  zb_member_detail_add_date (self, self->basic_group, "work_start_date", _ ("Started Work"),
                             r->work_start_date);
  zb_member_detail_add_field (self, self->basic_group, "work_unit", _ ("Work Unit and Post"),
                              r->work_unit);
  self->phone_label
      = zb_member_detail_add_field (self, self->basic_group, "phone", _ ("Phone"), r->phone);
  zb_member_detail_add_field (self, self->basic_group, "address", _ ("Home Address"), r->address);

  zb_member_detail_add_field (self, self->party_group, "category", _ ("Category"),
                              zb_member_category_get_label (r->category));
  zb_member_detail_add_date (self, self->party_group, "joined_date", _ ("Date Joined"),
                             r->joined_date);
  zb_member_detail_add_date (self, self->party_group, "full_date", _ ("Date of Full Membership"),
                             r->full_date);
  zb_member_detail_add_field (self, self->party_group, "party_years", _ ("Party Standing"),
                              r->category == ZB_CATEGORY_FULL ? years : NULL);
  zb_member_detail_add_field (self, self->party_group, "branch", _ ("Branch"), branch);
  zb_member_detail_add_field (self, self->party_group, "group", _ ("Party Group"), group);
  zb_member_detail_add_field (self, self->party_group, "posts", _ ("Party Posts"), posts);
  zb_member_detail_add_field (self, self->party_group, "standing", _ ("Membership Standing"),
                              zb_standing_get_label (r->standing));

  if (r->flowing)
    {
      zb_member_detail_add_field (self, self->party_group, "flow_destination", _ ("Flowing To"),
                                  r->flow_destination);
      zb_member_detail_add_field (self, self->party_group, "flow_card_number",
                                  _ ("Flowing Member Card No."), r->flow_card_number);
    }
  if (r->lost_contact)
    {
      zb_member_detail_add_date (self, self->party_group, "lost_contact_date",
                                 _ ("Out of Contact Since"), r->lost_contact_date);
      zb_member_detail_add_field (self, self->party_group, "lost_contact_reason",
                                  _ ("Circumstance"),
                                  zb_lost_contact_reason_get_name (r->lost_contact_reason));
    }
  if (r->status == ZB_STATUS_LEFT || r->status == ZB_STATUS_DECEASED)
    {
      ZbLeftKind kind;

      zb_member_detail_add_date (self, self->party_group, "left_date",
                                 r->status == ZB_STATUS_DECEASED ? _ ("Date of Death")
                                                                 : _ ("Date of Leaving"),
                                 r->left_date);
      if (r->status == ZB_STATUS_LEFT && zb_left_kind_from_string (r->left_kind, &kind))
        zb_member_detail_add_field (self, self->party_group, "left_kind", _ ("Form of Leaving"),
                                    zb_left_kind_get_name (kind));
    }
  zb_member_detail_add_field (self, self->party_group, "remarks", _ ("Remarks"), r->remarks);

  zb_member_detail_update_masked (self);
  zb_member_detail_fill_history (self);
}

/* Only the changes that can happen to this member now. */
static void
zb_member_detail_update_menu (ZbMemberDetail *self)
{
  static const int sections[][3] = {
    { ZB_EVENT_FULL_MEMBERSHIP, -1, -1 },
    { ZB_EVENT_TRANSFER_IN, ZB_EVENT_TRANSFER_OUT, -1 },
    { ZB_EVENT_FLOW_START, ZB_EVENT_FLOW_END, -1 },
    { ZB_EVENT_LOST_CONTACT, ZB_EVENT_CONTACT_RESTORED, -1 },
    { ZB_EVENT_SUSPEND, ZB_EVENT_RESTORE, -1 },
    { ZB_EVENT_LEAVE, ZB_EVENT_DEATH, -1 },
  };
  g_autoptr (GMenu) menu = g_menu_new ();
  gboolean any = FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autoptr (GMenu) section = g_menu_new ();

      for (guint k = 0; k < 3 && sections[s][k] >= 0; k++)
        {
          ZbMemberEventKind kind = sections[s][k];
          g_autofree char *detailed = NULL;
          g_autofree char *label = NULL;

          if (self->record == NULL || !zb_status_dialog_kind_applies (kind, self->record))
            continue;
          detailed = g_strdup_printf ("roster.status::%s", zb_status_dialog_kind_to_nick (kind));
          /* Translators: a menu item that opens a dialog. */
          label = g_strdup_printf (_ ("%s…"), zb_status_dialog_kind_get_label (kind));
          g_menu_append (section, label, detailed);
          any = TRUE;
        }
      if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), any);
}

void
zb_member_detail_reload (ZbMemberDetail *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (ZB_IS_MEMBER_DETAIL (self));

  zb_member_detail_clear_rows (self);
  g_clear_pointer (&self->record, zb_member_record_free);

  if (self->uuid != NULL && self->members != NULL)
    {
      self->record = zb_member_repo_get (self->members, self->uuid, &error);
      if (self->record == NULL)
        g_warning ("Could not read a member: %s", error ? error->message : "?");
    }

  if (self->record != NULL)
    {
      zb_member_detail_fill (self);
      gtk_stack_set_visible_child_name (self->stack, "member");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  zb_member_detail_update_menu (self);
}

static void
zb_member_detail_changed_cb (ZbMemberDetail *self)
{
  if (self->uuid != NULL)
    zb_member_detail_reload (self);
}

void
zb_member_detail_set_repos (ZbMemberDetail *self, ZbMemberRepo *members, ZbOrgRepo *org)
{
  g_return_if_fail (ZB_IS_MEMBER_DETAIL (self));

  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  if (self->org != NULL)
    g_signal_handlers_disconnect_by_data (self->org, self);

  g_set_object (&self->members, members);
  g_set_object (&self->org, org);

  if (members != NULL)
    g_signal_connect_object (members, "changed", G_CALLBACK (zb_member_detail_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (org != NULL)
    g_signal_connect_object (org, "changed", G_CALLBACK (zb_member_detail_changed_cb), self,
                             G_CONNECT_SWAPPED);

  zb_member_detail_show (self, NULL);
}

void
zb_member_detail_show (ZbMemberDetail *self, const char *uuid)
{
  g_return_if_fail (ZB_IS_MEMBER_DETAIL (self));

  if (uuid != self->uuid)
    {
      g_free (self->uuid);
      self->uuid = g_strdup (uuid);
    }
  zb_member_detail_reload (self);
}

const char *
zb_member_detail_get_uuid (ZbMemberDetail *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_DETAIL (self), NULL);

  return self->record ? self->uuid : NULL;
}

const ZbMemberRecord *
zb_member_detail_get_record (ZbMemberDetail *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_DETAIL (self), NULL);

  return self->record;
}

void
zb_member_detail_show_history (ZbMemberDetail *self)
{
  g_return_if_fail (ZB_IS_MEMBER_DETAIL (self));

  adw_view_stack_set_visible_child_name (self->pages, "history");
}

void
zb_member_detail_set_reveal (ZbMemberDetail *self, gboolean reveal)
{
  g_return_if_fail (ZB_IS_MEMBER_DETAIL (self));

  self->reveal = !!reveal;
  zb_member_detail_update_masked (self);
}

const char *
zb_member_detail_get_value (ZbMemberDetail *self, const char *field)
{
  g_return_val_if_fail (ZB_IS_MEMBER_DETAIL (self), NULL);

  return g_hash_table_lookup (self->values, field);
}

GStrv
zb_member_detail_dup_history (ZbMemberDetail *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ZB_IS_MEMBER_DETAIL (self), NULL);

  for (guint i = 0; i < self->history->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->history, i));
  return g_strv_builder_end (builder);
}

static void
on_close_clicked_cb (ZbMemberDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
}

/* GObject */

static void
zb_member_detail_dispose (GObject *object)
{
  ZbMemberDetail *self = ZB_MEMBER_DETAIL (object);

  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  if (self->org != NULL)
    g_signal_handlers_disconnect_by_data (self->org, self);
  g_clear_object (&self->members);
  g_clear_object (&self->org);

  /* AdwBin disposes its child, the template's top widget; disposing the
   * template as well would leave AdwBin a freed child to unparent. */

  G_OBJECT_CLASS (zb_member_detail_parent_class)->dispose (object);
}

static void
zb_member_detail_finalize (GObject *object)
{
  ZbMemberDetail *self = ZB_MEMBER_DETAIL (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->record, zb_member_record_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (zb_member_detail_parent_class)->finalize (object);
}

static void
zb_member_detail_class_init (ZbMemberDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_member_detail_dispose;
  object_class->finalize = zb_member_detail_finalize;

  signals[SIGNAL_CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-member-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, status_button);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, pages);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, basic_group);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, party_group);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberDetail, history_group);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
zb_member_detail_init (ZbMemberDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->history = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  zb_member_detail_update_menu (self);
}
