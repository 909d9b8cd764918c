/* zb-member.c — one member of the roster: a plain record, and a GObject for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-member.h"
#include "zb-names.h"

ZbMemberRecord *
zb_member_record_new (void)
{
  ZbMemberRecord *record = g_new0 (ZbMemberRecord, 1);

  record->gender = ZB_GENDER_UNKNOWN;
  record->category = ZB_CATEGORY_FULL;
  record->standing = ZB_STANDING_NORMAL;
  record->status = ZB_STATUS_ACTIVE;
  return record;
}

ZbMemberRecord *
zb_member_record_copy (const ZbMemberRecord *record)
{
  ZbMemberRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->uuid = g_strdup (record->uuid);
  copy->name = g_strdup (record->name);
  copy->id_number = g_strdup (record->id_number);
  copy->birth_date = g_strdup (record->birth_date);
  copy->native_place = g_strdup (record->native_place);
  copy->work_start_date = g_strdup (record->work_start_date);
  copy->joined_date = g_strdup (record->joined_date);
  copy->full_date = g_strdup (record->full_date);
  copy->work_unit = g_strdup (record->work_unit);
  copy->phone = g_strdup (record->phone);
  copy->address = g_strdup (record->address);
  copy->flow_destination = g_strdup (record->flow_destination);
  copy->flow_card_number = g_strdup (record->flow_card_number);
  copy->lost_contact_date = g_strdup (record->lost_contact_date);
  copy->left_kind = g_strdup (record->left_kind);
  copy->left_date = g_strdup (record->left_date);
  copy->remarks = g_strdup (record->remarks);
  copy->created_at = g_strdup (record->created_at);
  copy->updated_at = g_strdup (record->updated_at);
  return copy;
}

void
zb_member_record_free (ZbMemberRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->uuid);
  g_free (record->name);
  g_free (record->id_number);
  g_free (record->birth_date);
  g_free (record->native_place);
  g_free (record->work_start_date);
  g_free (record->joined_date);
  g_free (record->full_date);
  g_free (record->work_unit);
  g_free (record->phone);
  g_free (record->address);
  g_free (record->flow_destination);
  g_free (record->flow_card_number);
  g_free (record->lost_contact_date);
  g_free (record->left_kind);
  g_free (record->left_date);
  g_free (record->remarks);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_free (record);
}

/* Stable names: the database's CHECK constraints and JSON use exactly these. */
static const char *const gender_names[] = { NULL, "male", "female" };
static const char *const category_names[] = { "full", "probationary" };
static const char *const standing_names[] = { "normal", "suspended" };
static const char *const status_names[] = { "active", "transferred_out", "left", "deceased" };

const char *
zb_gender_to_string (ZbGender gender)
{
  return (guint)gender < G_N_ELEMENTS (gender_names) ? gender_names[gender] : NULL;
}

gboolean
zb_gender_from_string (const char *text, ZbGender *gender)
{
  guint value;

  if (!zb_name_lookup (gender_names, G_N_ELEMENTS (gender_names), text, &value))
    return FALSE;
  *gender = (ZbGender)value;
  return TRUE;
}

const char *
zb_member_category_to_string (ZbMemberCategory category)
{
  return (guint)category < G_N_ELEMENTS (category_names) ? category_names[category] : NULL;
}

gboolean
zb_member_category_from_string (const char *text, ZbMemberCategory *category)
{
  guint value;

  if (!zb_name_lookup (category_names, G_N_ELEMENTS (category_names), text, &value))
    return FALSE;
  *category = (ZbMemberCategory)value;
  return TRUE;
}

const char *
zb_standing_to_string (ZbStanding standing)
{
  return (guint)standing < G_N_ELEMENTS (standing_names) ? standing_names[standing] : NULL;
}

gboolean
zb_standing_from_string (const char *text, ZbStanding *standing)
{
  guint value;

  if (!zb_name_lookup (standing_names, G_N_ELEMENTS (standing_names), text, &value))
    return FALSE;
  *standing = (ZbStanding)value;
  return TRUE;
}

const char *
zb_member_status_to_string (ZbMemberStatus status)
{
  return (guint)status < G_N_ELEMENTS (status_names) ? status_names[status] : NULL;
}

gboolean
zb_member_status_from_string (const char *text, ZbMemberStatus *status)
{
  guint value;

  if (!zb_name_lookup (status_names, G_N_ELEMENTS (status_names), text, &value))
    return FALSE;
  *status = (ZbMemberStatus)value;
  return TRUE;
}

const char *
zb_gender_get_label (ZbGender gender)
{
  switch (gender)
    {
    case ZB_GENDER_MALE:
      return C_ ("gender", "Male");
    case ZB_GENDER_FEMALE:
      return C_ ("gender", "Female");
    case ZB_GENDER_UNKNOWN:
    default:
      return C_ ("gender", "Unknown");
    }
}

const char *
zb_member_category_get_label (ZbMemberCategory category)
{
  switch (category)
    {
    case ZB_CATEGORY_PROBATIONARY:
      return _ ("Probationary member");
    case ZB_CATEGORY_FULL:
    default:
      return _ ("Full member");
    }
}

const char *
zb_standing_get_label (ZbStanding standing)
{
  switch (standing)
    {
    case ZB_STANDING_SUSPENDED:
      return _ ("Membership suspended");
    case ZB_STANDING_NORMAL:
    default:
      return C_ ("standing", "Normal");
    }
}

const char *
zb_member_status_get_label (ZbMemberStatus status)
{
  switch (status)
    {
    case ZB_STATUS_TRANSFERRED_OUT:
      return _ ("Transferred out");
    case ZB_STATUS_LEFT:
      return _ ("Left the Party");
    case ZB_STATUS_DECEASED:
      return _ ("Deceased");
    case ZB_STATUS_ACTIVE:
    default:
      return _ ("On the roster");
    }
}

char *
zb_member_record_to_json (const ZbMemberRecord *record)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  json_builder_begin_object (builder);
  zb_audit_json_add_string (builder, "uuid", record->uuid);
  zb_audit_json_add_string (builder, "name", record->name);
  zb_audit_json_add_string (builder, "gender", zb_gender_to_string (record->gender));
  zb_audit_json_add_id (builder, "ethnicity", record->ethnicity);
  zb_audit_json_add_string (builder, "id_number", record->id_number);
  zb_audit_json_add_string (builder, "birth_date", record->birth_date);
  zb_audit_json_add_string (builder, "native_place", record->native_place);
  zb_audit_json_add_id (builder, "education", record->education);
  zb_audit_json_add_string (builder, "work_start_date", record->work_start_date);
  zb_audit_json_add_string (builder, "category", zb_member_category_to_string (record->category));
  zb_audit_json_add_string (builder, "joined_date", record->joined_date);
  zb_audit_json_add_string (builder, "full_date", record->full_date);
  zb_audit_json_add_id (builder, "branch_id", record->branch_id);
  zb_audit_json_add_id (builder, "group_id", record->group_id);
  zb_audit_json_add_string (builder, "work_unit", record->work_unit);
  zb_audit_json_add_string (builder, "phone", record->phone);
  zb_audit_json_add_string (builder, "address", record->address);
  zb_audit_json_add_int (builder, "flowing", record->flowing ? 1 : 0);
  zb_audit_json_add_string (builder, "flow_destination", record->flow_destination);
  zb_audit_json_add_string (builder, "flow_card_number", record->flow_card_number);
  zb_audit_json_add_int (builder, "lost_contact", record->lost_contact ? 1 : 0);
  zb_audit_json_add_string (builder, "lost_contact_date", record->lost_contact_date);
  zb_audit_json_add_id (builder, "lost_contact_reason", record->lost_contact_reason);
  zb_audit_json_add_string (builder, "standing", zb_standing_to_string (record->standing));
  zb_audit_json_add_string (builder, "status", zb_member_status_to_string (record->status));
  zb_audit_json_add_string (builder, "left_kind", record->left_kind);
  zb_audit_json_add_string (builder, "left_date", record->left_date);
  zb_audit_json_add_string (builder, "remarks", record->remarks);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------------------- */
/* ZbMember                                                                  */

struct _ZbMember
{
  GObject parent_instance;

  ZbMemberRecord *record;
  char *branch_name;
  char *group_name;
};

G_DEFINE_FINAL_TYPE (ZbMember, zb_member, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_BRANCH_NAME,
  PROP_GROUP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zb_member_finalize (GObject *object)
{
  ZbMember *self = (ZbMember *)object;

  g_clear_pointer (&self->record, zb_member_record_free);
  g_clear_pointer (&self->branch_name, g_free);
  g_clear_pointer (&self->group_name, g_free);

  G_OBJECT_CLASS (zb_member_parent_class)->finalize (object);
}

static void
zb_member_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbMember *self = ZB_MEMBER (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->record->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->record->name);
      break;
    case PROP_BRANCH_NAME:
      g_value_set_string (value, self->branch_name);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_member_class_init (ZbMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_member_finalize;
  object_class->get_property = zb_member_get_property;

  properties[PROP_UUID]
      = g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRANCH_NAME] = g_param_spec_string ("branch-name", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_member_init (ZbMember *self)
{
}

ZbMember *
zb_member_new_with_units (const ZbMemberRecord *record, const char *branch_name,
                          const char *group_name)
{
  ZbMember *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (ZB_TYPE_MEMBER, NULL);
  self->record = zb_member_record_copy (record);
  self->branch_name = g_strdup (branch_name);
  self->group_name = g_strdup (group_name);
  return self;
}

ZbMember *
zb_member_new (const ZbMemberRecord *record)
{
  return zb_member_new_with_units (record, NULL, NULL);
}

/* For the repository: takes @record without copying it. */
ZbMember *
_zb_member_new_take (ZbMemberRecord *record, char *branch_name, char *group_name)
{
  ZbMember *self = g_object_new (ZB_TYPE_MEMBER, NULL);

  self->record = record;
  self->branch_name = branch_name;
  self->group_name = group_name;
  return self;
}

const ZbMemberRecord *
zb_member_get_record (ZbMember *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER (self), NULL);
  return self->record;
}

const char *
zb_member_get_uuid (ZbMember *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER (self), NULL);
  return self->record->uuid;
}

const char *
zb_member_get_name (ZbMember *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER (self), NULL);
  return self->record->name;
}

const char *
zb_member_get_branch_name (ZbMember *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER (self), NULL);
  return self->branch_name;
}

const char *
zb_member_get_group_name (ZbMember *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER (self), NULL);
  return self->group_name;
}
