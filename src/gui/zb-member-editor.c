/* zb-member-editor.c — adding a member or correcting one's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "zb-codes.h"
#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-id-number.h"
#include "zb-member-editor.h"
#include "zb-member-rules.h"
#include "zb-window-private.h"

/* The text fields, by the record's column names. */
typedef enum
{
  TEXT_NAME,
  TEXT_ID_NUMBER,
  TEXT_BIRTH_DATE,
  TEXT_NATIVE_PLACE,
  TEXT_WORK_START_DATE,
  TEXT_PHONE,
  TEXT_ADDRESS,
  TEXT_JOINED_DATE,
  TEXT_FULL_DATE,
  TEXT_WORK_UNIT,
  TEXT_FLOW_DESTINATION,
  TEXT_FLOW_CARD_NUMBER,
  TEXT_LOST_CONTACT_DATE,
  TEXT_REMARKS,
  N_TEXTS
} TextField;

static const char *const text_names[N_TEXTS] = {
  "name",
  "id_number",
  "birth_date",
  "native_place",
  "work_start_date",
  "phone",
  "address",
  "joined_date",
  "full_date",
  "work_unit",
  "flow_destination",
  "flow_card_number",
  "lost_contact_date",
  "remarks",
};

static gboolean
is_date_field (TextField field)
{
  return field == TEXT_BIRTH_DATE || field == TEXT_WORK_START_DATE || field == TEXT_JOINED_DATE
         || field == TEXT_FULL_DATE || field == TEXT_LOST_CONTACT_DATE;
}

struct _ZbMemberEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkBox *form_box;
  GtkLabel *status_label;

  ZbMemberRepo *members;
  ZbOrgRepo *org;
  ZbMemberRecord *original; /* as read, or an empty record for a new member */
  char *original_json;

  GtkWidget *texts[N_TEXTS];
  GtkWidget *gender;
  GtkWidget *ethnicity;
  GtkWidget *education;
  GtkWidget *category;
  GtkWidget *branch;
  GtkWidget *group;
  GtkWidget *lost_reason;
  GArray *branch_ids; /* gint64, index 0 = none */
  GArray *group_ids;
  GArray *education_codes;

  /* The last ID number looked up on the roster, and who has it. */
  char *dup_checked_id;
  char *dup_name;

  /* What the ID number filled in by itself, to follow when it changes. */
  char *derived_birth;
  gboolean derived_gender;

  gboolean valid;
  gboolean modified;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (ZbMemberEditor, zb_member_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reading the form */

static char *
entry_text (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return text[0] ? g_steal_pointer (&text) : NULL;
}

static gint64
selected_id (GtkWidget *drop_down, GArray *ids)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

/* The record as the form says, with dates that do not read as dates left as
 * typed (and @bad_dates set for them). */
static ZbMemberRecord *
zb_member_editor_read (ZbMemberEditor *self, GHashTable *bad_dates)
{
  ZbMemberRecord *r = zb_member_record_copy (self->original);
  char **slots[N_TEXTS] = {
    &r->name,
    &r->id_number,
    &r->birth_date,
    &r->native_place,
    &r->work_start_date,
    &r->phone,
    &r->address,
    &r->joined_date,
    &r->full_date,
    &r->work_unit,
    &r->flow_destination,
    &r->flow_card_number,
    &r->lost_contact_date,
    &r->remarks,
  };
  guint selected;

  for (TextField f = 0; f < N_TEXTS; f++)
    {
      g_autofree char *text = NULL;

      /* A hidden field keeps the value it had (copied with the record). */
      if (!gtk_widget_get_visible (self->texts[f]) && f != TEXT_FULL_DATE)
        continue;

      text = entry_text (self->texts[f]);
      g_free (*slots[f]);
      *slots[f] = NULL;
      if (text != NULL && is_date_field (f))
        {
          char *iso = zb_parse_typed_date (text, NULL);

          if (iso == NULL && bad_dates != NULL)
            g_hash_table_add (bad_dates, (gpointer)text_names[f]);
          *slots[f] = iso ? iso : g_steal_pointer (&text);
        }
      else
        *slots[f] = g_steal_pointer (&text);
    }

  r->gender = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->gender));
  r->ethnicity = (int)gtk_drop_down_get_selected (GTK_DROP_DOWN (self->ethnicity));
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->education));
  r->education = selected < self->education_codes->len
                     ? g_array_index (self->education_codes, int, selected)
                     : 0;
  r->category = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->category));
  r->branch_id = selected_id (self->branch, self->branch_ids);
  r->group_id = selected_id (self->group, self->group_ids);
  if (r->lost_contact)
    r->lost_contact_reason
        = (int)gtk_drop_down_get_selected (GTK_DROP_DOWN (self->lost_reason)) + 1;
  /* A probationary member has no date of full membership yet. */
  if (r->category == ZB_CATEGORY_PROBATIONARY)
    g_clear_pointer (&r->full_date, g_free);

  return r;
}

/* Checking */

static GtkWidget *
zb_member_editor_widget_for (ZbMemberEditor *self, const char *field)
{
  for (TextField f = 0; f < N_TEXTS; f++)
    if (g_strcmp0 (field, text_names[f]) == 0)
      return self->texts[f];

  if (g_strcmp0 (field, "gender") == 0)
    return self->gender;
  if (g_strcmp0 (field, "ethnicity") == 0)
    return self->ethnicity;
  if (g_strcmp0 (field, "education") == 0)
    return self->education;
  if (g_strcmp0 (field, "category") == 0)
    return self->category;
  if (g_strcmp0 (field, "lost_contact_reason") == 0)
    return self->lost_reason;
  if (g_strcmp0 (field, "branch_id") == 0)
    return self->branch;
  if (g_strcmp0 (field, "group_id") == 0)
    return self->group;
  return NULL;
}

/* Another member on the roster with the same ID number, as "name", or NULL. */
static char *
zb_member_editor_find_duplicate (ZbMemberEditor *self, const char *id_number)
{
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) found = NULL;

  /* Asked once per number, not at every key typed in another field. */
  if (g_strcmp0 (id_number, self->dup_checked_id) == 0)
    return g_strdup (self->dup_name);

  g_free (self->dup_checked_id);
  self->dup_checked_id = g_strdup (id_number);
  g_clear_pointer (&self->dup_name, g_free);

  query.search = id_number;
  if ((found = zb_member_repo_fetch (self->members, &query, 0, 8, NULL)) == NULL)
    return NULL;

  for (guint i = 0; i < found->len; i++)
    {
      const ZbMemberRecord *other = zb_member_get_record (g_ptr_array_index (found, i));

      if (g_strcmp0 (other->id_number, id_number) == 0
          && g_strcmp0 (other->uuid, self->original->uuid) != 0)
        {
          self->dup_name = g_strdup (other->name);
          break;
        }
    }

  return g_strdup (self->dup_name);
}

/* Fills the birth date and gender from a valid ID number where they are empty
 * or were filled from it before. */
static void
zb_member_editor_derive (ZbMemberEditor *self)
{
  g_autofree char *id = entry_text (self->texts[TEXT_ID_NUMBER]);
  g_autofree char *birth_text = entry_text (self->texts[TEXT_BIRTH_DATE]);
  g_autofree char *birth = NULL;
  ZbIdNumberInfo info;
  GDate today;

  zb_format_today (&today);
  if (id == NULL || zb_id_number_parse (id, &today, &info) != ZB_RULE_OK)
    return;

  self->filling = TRUE;
  birth = zb_format_iso_date (&info.birth_date);
  if (birth_text == NULL || g_strcmp0 (birth_text, self->derived_birth) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->texts[TEXT_BIRTH_DATE]), birth);
      g_free (self->derived_birth);
      self->derived_birth = g_strdup (birth);
    }
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->gender)) == ZB_GENDER_UNKNOWN
      || self->derived_gender)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->gender), info.gender);
      self->derived_gender = TRUE;
    }
  self->filling = FALSE;
}

static void
zb_member_editor_validate (ZbMemberEditor *self)
{
  g_autoptr (GHashTable) bad_dates = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (ZbMemberRecord) record = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *json = NULL;
  g_autofree char *duplicate = NULL;
  g_autoptr (GString) others = g_string_new (NULL);
  GDate today;
  guint n_problems = 0;

  zb_format_today (&today);
  record = zb_member_editor_read (self, bad_dates);
  json = zb_member_record_to_json (record);
  self->modified = g_strcmp0 (json, self->original_json) != 0;

  /* The forgiving reading first (spaces, lower-case x, phone punctuation),
   * as saving will store it. */
  zb_member_normalize (record, &today);
  problems = zb_member_validate (record, &today);

  for (TextField f = 0; f < N_TEXTS; f++)
    zb_form_set_error (self->texts[f], NULL);
  zb_form_set_error (self->gender, NULL);
  zb_form_set_error (self->ethnicity, NULL);
  zb_form_set_error (self->education, NULL);
  zb_form_set_error (self->lost_reason, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ZbRuleProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *widget = zb_member_editor_widget_for (self, problem->field);
      const char *message = problem->message;

      if (g_hash_table_contains (bad_dates, problem->field ? problem->field : ""))
        message = _ ("This is not a date. Write it like 2010-07-01.");

      n_problems++;
      /* The first problem of a field is the one to fix first. */
      if (widget != NULL && gtk_widget_get_visible (widget))
        {
          if (zb_form_get_error (widget) == NULL)
            zb_form_set_error (widget, message);
        }
      else if (!strstr (others->str, message))
        g_string_append_printf (others, "%s%s", others->len ? "\n" : "", message);
    }

  if (record->id_number != NULL && zb_form_get_error (self->texts[TEXT_ID_NUMBER]) == NULL
      && (duplicate = zb_member_editor_find_duplicate (self, record->id_number)) != NULL)
    {
      g_autofree char *message = g_strdup_printf (
          /* Translators: %s is the name of the member who has this ID number. */
          _ ("%s on the roster already has this ID number."), duplicate);

      zb_form_set_error (self->texts[TEXT_ID_NUMBER], message);
      n_problems++;
    }

  gtk_label_set_label (self->error_label, others->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), others->len > 0);

  self->valid = n_problems == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid && self->modified);

  if (!self->valid)
    gtk_label_set_label (self->status_label,
                         _ ("Correct the fields marked in red to save the record."));
  else if (self->modified)
    gtk_label_set_label (self->status_label, _ ("Not saved yet."));
  else
    gtk_label_set_label (self->status_label, _ ("No changes."));
}

static void
on_changed_cb (ZbMemberEditor *self)
{
  if (self->filling)
    return;

  zb_member_editor_validate (self);
}

static void
on_id_number_changed_cb (ZbMemberEditor *self)
{
  if (self->filling)
    return;

  zb_member_editor_derive (self);
  zb_member_editor_validate (self);
}

static void
on_gender_changed_cb (ZbMemberEditor *self)
{
  if (self->filling)
    return;

  /* Chosen by hand: no longer follows the ID number. */
  self->derived_gender = FALSE;
  zb_member_editor_validate (self);
}

static void
on_category_changed_cb (ZbMemberEditor *self)
{
  gboolean full = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->category)) == ZB_CATEGORY_FULL;

  zb_form_set_field_visible (self->texts[TEXT_FULL_DATE], full);
  on_changed_cb (self);
}

/* Branches and groups */

static void
zb_member_editor_fill_groups (ZbMemberEditor *self, gint64 select)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 branch_id = selected_id (self->branch, self->branch_ids);
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _ ("None"));
  g_array_set_size (self->group_ids, 0);
  g_array_append_val (self->group_ids, none);

  if (self->org != NULL && branch_id != 0
      && (units = zb_org_repo_list_children (self->org, branch_id, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_GROUP)
          continue;
        if (unit->id == select)
          selected = self->group_ids->len;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->group_ids, unit->id);
      }

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->group), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group), selected);
  gtk_widget_set_sensitive (self->group, self->group_ids->len > 1);
}

static void
zb_member_editor_fill_branches (ZbMemberEditor *self, gint64 select)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _ ("None"));
  g_array_set_size (self->branch_ids, 0);
  g_array_append_val (self->branch_ids, none);

  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_BRANCH)
          continue;
        if (unit->id == select)
          selected = self->branch_ids->len;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->branch_ids, unit->id);
      }

  /* With a single branch there is nothing to choose. */
  if (select == 0 && self->branch_ids->len == 2)
    selected = 1;

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->branch), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->branch), selected);
}

static void
on_branch_changed_cb (ZbMemberEditor *self)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  zb_member_editor_fill_groups (self, 0);
  self->filling = filling;
  on_changed_cb (self);
}

/* Building the form */

static GtkWidget *
zb_member_editor_add_text (ZbMemberEditor *self, GtkGrid *form, TextField field, const char *title,
                           int width_chars, const char *hint)
{
  GtkWidget *entry = zb_form_entry_new (width_chars, NULL);

  self->texts[field] = entry;
  g_signal_connect_object (entry, "changed",
                           field == TEXT_ID_NUMBER ? G_CALLBACK (on_id_number_changed_cb)
                                                   : G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return zb_form_add (form, title, entry, hint);
}

static GtkWidget *
zb_member_editor_add_choice (ZbMemberEditor *self, GtkGrid *form, const char *title,
                             GStrvBuilder *builder, gboolean searchable, GCallback changed)
{
  g_auto (GStrv) names = g_strv_builder_end (builder);
  GtkWidget *drop_down = zb_form_drop_down_new ((const char *const *)names, searchable);

  g_signal_connect_object (drop_down, "notify::selected",
                           changed ? changed : G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  return zb_form_add (form, title, drop_down, NULL);
}

static void
zb_member_editor_build (ZbMemberEditor *self)
{
  GtkGrid *form = zb_form_new ();
  g_autoptr (GStrvBuilder) genders = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) ethnicities = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) educations = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) reasons = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) empty = g_strv_builder_new ();
  const ZbCodeEntry *entries;
  const char *date_hint = _ ("For example 2010-07-01");
  guint n = 0;
  int none = 0;

  zb_form_add_heading (form, _ ("Personal Details"));
  zb_member_editor_add_text (self, form, TEXT_NAME, _ ("_Name"), 12, NULL);
  zb_member_editor_add_text (self, form, TEXT_ID_NUMBER, _ ("_ID number"), 20,
                             _ ("18 characters; the last may be X. Date of birth and gender are "
                                "filled in from it."));
  g_strv_builder_add_many (genders, _ ("Not filled in"), zb_gender_get_label (ZB_GENDER_MALE),
                           zb_gender_get_label (ZB_GENDER_FEMALE), NULL);
  self->gender = zb_member_editor_add_choice (self, form, _ ("_Gender"), genders, FALSE,
                                              G_CALLBACK (on_gender_changed_cb));
  zb_member_editor_add_text (self, form, TEXT_BIRTH_DATE, _ ("Date of _birth"), 12, date_hint);

  g_strv_builder_add (ethnicities, _ ("Not filled in"));
  entries = zb_ethnicity_get_entries (&n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (ethnicities, entries[i].name);
  self->ethnicity
      = zb_member_editor_add_choice (self, form, _ ("_Ethnicity"), ethnicities, TRUE, NULL);
  zb_member_editor_add_text (self, form, TEXT_NATIVE_PLACE, _ ("Nati_ve place"), 0, NULL);

  g_strv_builder_add (educations, _ ("Not filled in"));
  g_array_append_val (self->education_codes, none);
  entries = zb_education_get_entries (&n);
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (educations, entries[i].name);
      g_array_append_val (self->education_codes, entries[i].code);
    }
  self->education
      = zb_member_editor_add_choice (self, form, _ ("E_ducation"), educations, FALSE, NULL);
  zb_member_editor_add_text (self, form, TEXT_WORK_START_DATE, _ ("Started _work"), 12, date_hint);
  zb_member_editor_add_text (self, form, TEXT_WORK_UNIT, _ ("Work _unit and post"), 0, NULL);
  zb_member_editor_add_text (self, form, TEXT_PHONE, _ ("_Phone"), 16,
                             _ ("A mobile number, or a landline with its area code"));
  zb_member_editor_add_text (self, form, TEXT_ADDRESS, _ ("Home _address"), 0, NULL);

  zb_form_add_heading (form, _ ("Party Membership"));
  g_strv_builder_add_many (categories, zb_member_category_get_label (ZB_CATEGORY_FULL),
                           zb_member_category_get_label (ZB_CATEGORY_PROBATIONARY), NULL);
  self->category = zb_member_editor_add_choice (self, form, _ ("_Category"), categories, FALSE,
                                                G_CALLBACK (on_category_changed_cb));
  zb_member_editor_add_text (self, form, TEXT_JOINED_DATE, _ ("Date _joined"), 12,
                             _ ("The day the branch meeting admitted the member"));
  zb_member_editor_add_text (self, form, TEXT_FULL_DATE, _ ("Date of _full membership"), 12,
                             date_hint);
  self->branch = zb_member_editor_add_choice (self, form, _ ("B_ranch"), empty, FALSE,
                                              G_CALLBACK (on_branch_changed_cb));
  self->group = zb_member_editor_add_choice (self, form, _ ("Party gr_oup"), empty, FALSE, NULL);

  zb_member_editor_add_text (self, form, TEXT_FLOW_DESTINATION, _ ("Flowing _to"), 0, NULL);
  zb_member_editor_add_text (self, form, TEXT_FLOW_CARD_NUMBER, _ ("Flowing Member Card No."), 16,
                             NULL);
  zb_member_editor_add_text (self, form, TEXT_LOST_CONTACT_DATE, _ ("Out of contact _since"), 12,
                             date_hint);
  entries = zb_lost_contact_reason_get_entries (&n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (reasons, entries[i].name);
  self->lost_reason
      = zb_member_editor_add_choice (self, form, _ ("Circumstance"), reasons, FALSE, NULL);
  zb_member_editor_add_text (self, form, TEXT_REMARKS, _ ("Re_marks"), 0, NULL);

  gtk_box_append (self->form_box, GTK_WIDGET (form));
}

/* Filling from the record */

static void
zb_member_editor_fill (ZbMemberEditor *self)
{
  const ZbMemberRecord *r = self->original;
  const char *values[N_TEXTS] = {
    r->name,
    r->id_number,
    r->birth_date,
    r->native_place,
    r->work_start_date,
    r->phone,
    r->address,
    r->joined_date,
    r->full_date,
    r->work_unit,
    r->flow_destination,
    r->flow_card_number,
    r->lost_contact_date,
    r->remarks,
  };

  self->filling = TRUE;
  for (TextField f = 0; f < N_TEXTS; f++)
    gtk_editable_set_text (GTK_EDITABLE (self->texts[f]), values[f] ? values[f] : "");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->gender), r->gender);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->ethnicity),
                              r->ethnicity >= 0 && r->ethnicity <= ZB_ETHNICITY_COUNT ? r->ethnicity
                                                                                      : 0);
  for (guint i = 0; i < self->education_codes->len; i++)
    if (g_array_index (self->education_codes, int, i) == r->education)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->education), i);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->category), r->category);
  zb_member_editor_fill_branches (self, r->branch_id);
  zb_member_editor_fill_groups (self, r->group_id);
  if (r->lost_contact_reason >= 1)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->lost_reason),
                                (guint)r->lost_contact_reason - 1);

  /* Flowing and contact are changed through 变更状态; here only corrected. */
  zb_form_set_field_visible (self->texts[TEXT_FLOW_DESTINATION], r->flowing);
  zb_form_set_field_visible (self->texts[TEXT_FLOW_CARD_NUMBER], r->flowing);
  zb_form_set_field_visible (self->texts[TEXT_LOST_CONTACT_DATE], r->lost_contact);
  zb_form_set_field_visible (self->lost_reason, r->lost_contact);
  zb_form_set_field_visible (self->texts[TEXT_FULL_DATE], r->category == ZB_CATEGORY_FULL);
  self->filling = FALSE;

  /* What counts as "changed" is measured against the form as filled. */
  {
    g_autoptr (ZbMemberRecord) as_filled = zb_member_editor_read (self, NULL);

    self->original_json = zb_member_record_to_json (as_filled);
  }
  zb_member_editor_validate (self);
}

/* Saving and closing */

static gboolean
zb_member_editor_save (ZbMemberEditor *self)
{
  g_autoptr (ZbMemberRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  gboolean created = self->original->uuid == NULL;
  GDate today;
  gboolean ok;

  zb_member_editor_validate (self);
  if (!self->valid)
    return FALSE;

  zb_format_today (&today);
  record = zb_member_editor_read (self, NULL);
  zb_member_normalize (record, &today);

  ok = created ? zb_member_repo_insert (self->members, record, &error)
               : zb_member_repo_update (self->members, record, &error);
  if (!ok)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, record->uuid, created);
  self->modified = FALSE;
  zb_form_close (GTK_WINDOW (self));
  return TRUE;
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_member_editor_save (ZB_MEMBER_EDITOR (widget));
}

static gboolean
zb_member_editor_close_request (GtkWindow *window)
{
  ZbMemberEditor *self = ZB_MEMBER_EDITOR (window);

  return zb_form_ask_before_closing (window, self->modified, self->valid, NULL, NULL,
                                     (ZbFormSaveFunc)zb_member_editor_save)
         || GTK_WINDOW_CLASS (zb_member_editor_parent_class)->close_request (window);
}

/* Public */

ZbMemberEditor *
zb_member_editor_new (GtkWindow *parent, ZbMemberRepo *members, ZbOrgRepo *org, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  ZbMemberRecord *record;
  ZbMemberEditor *self;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (members), NULL);

  if (uuid != NULL)
    {
      if ((record = zb_member_repo_get (members, uuid, &error)) == NULL)
        {
          g_warning ("Could not read a member to edit: %s", error ? error->message : "?");
          return NULL;
        }
    }
  else
    record = zb_member_record_new ();

  self = g_object_new (ZB_TYPE_MEMBER_EDITOR, "transient-for", parent, NULL);
  self->members = g_object_ref (members);
  self->org = org ? g_object_ref (org) : NULL;
  self->original = record;

  adw_window_title_set_title (self->window_title, uuid ? _ ("Edit Member") : _ ("Add Member"));
  adw_window_title_set_subtitle (self->window_title, uuid ? record->name : NULL);
  gtk_window_set_title (GTK_WINDOW (self), uuid ? _ ("Edit Member") : _ ("Add Member"));

  zb_member_editor_build (self);
  zb_member_editor_fill (self);
  gtk_widget_grab_focus (self->texts[TEXT_NAME]);

  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (self));

  return self;
}

GtkWidget *
zb_member_editor_get_field (ZbMemberEditor *self, const char *name)
{
  g_return_val_if_fail (ZB_IS_MEMBER_EDITOR (self), NULL);

  return zb_member_editor_widget_for (self, name);
}

gboolean
zb_member_editor_get_can_save (ZbMemberEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_EDITOR (self), FALSE);

  return self->valid && self->modified;
}

gboolean
zb_member_editor_get_modified (ZbMemberEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_EDITOR (self), FALSE);

  return self->modified;
}

/* GObject */

static void
zb_member_editor_finalize (GObject *object)
{
  ZbMemberEditor *self = ZB_MEMBER_EDITOR (object);

  g_clear_object (&self->members);
  g_clear_object (&self->org);
  g_clear_pointer (&self->original, zb_member_record_free);
  g_clear_pointer (&self->original_json, g_free);
  g_clear_pointer (&self->derived_birth, g_free);
  g_clear_pointer (&self->dup_checked_id, g_free);
  g_clear_pointer (&self->dup_name, g_free);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->education_codes, g_array_unref);

  G_OBJECT_CLASS (zb_member_editor_parent_class)->finalize (object);
}

static void
zb_member_editor_class_init (ZbMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = zb_member_editor_finalize;
  window_class->close_request = zb_member_editor_close_request;

  signals[SIGNAL_SAVED]
      = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbMemberEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, ZbMemberEditor, status_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_member_editor_init (ZbMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->education_codes = g_array_new (FALSE, FALSE, sizeof (int));
}
