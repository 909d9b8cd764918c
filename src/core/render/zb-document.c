/* zb-document.c — a printable document as a small tree of blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-document-private.h"

struct _ZbDocument
{
  GObject parent_instance;

  ZbPageSetup setup;
  ZbPageGeometry geometry;
  char *number;
  char *title;
  char *org_name;
  char *marking;
  GDateTime *print_date;
  gboolean page_count;

  GArray *blocks; /* ZbBlock */
};

G_DEFINE_FINAL_TYPE (ZbDocument, zb_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PAGE_SETUP,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_ORG_NAME,
  PROP_MARKING,
  PROP_PRINT_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Bumped only if the serialisation hashed below changes. */
#define ZB_CONTENT_SCHEME "zhibu-document-v1"

static void
wipe_string (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

static void
block_clear (gpointer data)
{
  ZbBlock *block = data;

  if (block->sensitive)
    wipe_string (block->text);
  else
    g_free (block->text);
  g_clear_object (&block->table);
  g_strfreev (block->labels);
}

static void
zb_document_finalize (GObject *object)
{
  ZbDocument *self = (ZbDocument *)object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->org_name, g_free);
  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->print_date, g_date_time_unref);
  g_array_unref (self->blocks);

  G_OBJECT_CLASS (zb_document_parent_class)->finalize (object);
}

static void
zb_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbDocument *self = ZB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PAGE_SETUP:
      g_value_set_int (value, self->setup);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ORG_NAME:
      g_value_set_string (value, self->org_name);
      break;
    case PROP_MARKING:
      g_value_set_string (value, self->marking);
      break;
    case PROP_PRINT_DATE:
      g_value_set_boxed (value, self->print_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ZbDocument *self = ZB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PAGE_SETUP:
      self->setup = g_value_get_int (value);
      zb_page_setup_get_geometry (self->setup, &self->geometry);
      break;
    case PROP_NUMBER:
      zb_document_set_number (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      zb_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORG_NAME:
      zb_document_set_org_name (self, g_value_get_string (value));
      break;
    case PROP_MARKING:
      zb_document_set_marking (self, g_value_get_string (value));
      break;
    case PROP_PRINT_DATE:
      zb_document_set_print_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_document_class_init (ZbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_document_finalize;
  object_class->get_property = zb_document_get_property;
  object_class->set_property = zb_document_set_property;

  properties[PROP_PAGE_SETUP] = g_param_spec_int (
      "page-setup", NULL, NULL, ZB_PAGE_SETUP_OFFICIAL, ZB_PAGE_SETUP_REGISTER,
      ZB_PAGE_SETUP_OFFICIAL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER]
      = g_param_spec_string ("number", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORG_NAME]
      = g_param_spec_string ("org-name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKING]
      = g_param_spec_string ("marking", NULL, NULL, ZB_DOCUMENT_DEFAULT_MARKING,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRINT_DATE]
      = g_param_spec_boxed ("print-date", NULL, NULL, G_TYPE_DATE_TIME,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_document_init (ZbDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (ZbBlock));
  g_array_set_clear_func (self->blocks, block_clear);
  self->marking = g_strdup (ZB_DOCUMENT_DEFAULT_MARKING);
  self->print_date = g_date_time_new_now_local ();
  zb_page_setup_get_geometry (ZB_PAGE_SETUP_OFFICIAL, &self->geometry);
}

ZbDocument *
zb_document_new (ZbPageSetup setup)
{
  return g_object_new (ZB_TYPE_DOCUMENT, "page-setup", setup, NULL);
}

ZbPageSetup
zb_document_get_page_setup (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), ZB_PAGE_SETUP_OFFICIAL);

  return self->setup;
}

static void
set_string (ZbDocument *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
zb_document_get_number (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  return self->number;
}

void
zb_document_set_number (ZbDocument *self, const char *number)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  set_string (self, &self->number, number, PROP_NUMBER);
}

const char *
zb_document_get_title (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
zb_document_set_title (ZbDocument *self, const char *title)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
zb_document_get_org_name (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  return self->org_name;
}

void
zb_document_set_org_name (ZbDocument *self, const char *org_name)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  set_string (self, &self->org_name, org_name, PROP_ORG_NAME);
}

const char *
zb_document_get_marking (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  return self->marking;
}

void
zb_document_set_marking (ZbDocument *self, const char *marking)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  set_string (self, &self->marking, marking, PROP_MARKING);
}

gboolean
zb_document_get_page_count_shown (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);

  return self->page_count;
}

void
zb_document_set_page_count_shown (ZbDocument *self, gboolean shown)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  self->page_count = !!shown;
}

GDateTime *
zb_document_get_print_date (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  return self->print_date;
}

void
zb_document_set_print_date (ZbDocument *self, GDateTime *date)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (date != NULL);

  if (self->print_date != NULL && g_date_time_equal (self->print_date, date))
    return;
  g_clear_pointer (&self->print_date, g_date_time_unref);
  self->print_date = g_date_time_ref (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINT_DATE]);
}

static ZbBlock *
append_block (ZbDocument *self, ZbBlockKind kind)
{
  ZbBlock block = { .kind = kind };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, ZbBlock, self->blocks->len - 1);
}

void
zb_document_add_text (ZbDocument *self, ZbTextStyle style, const char *text)
{
  ZbBlock *block;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (style <= ZB_TEXT_CODE);

  block = append_block (self, ZB_BLOCK_TEXT);
  block->style = style;
  block->text = g_strdup (text != NULL ? text : "");
}

void
zb_document_add_title (ZbDocument *self, const char *text)
{
  zb_document_add_text (self, ZB_TEXT_TITLE, text);
}

void
zb_document_add_subtitle (ZbDocument *self, const char *text)
{
  zb_document_add_text (self, ZB_TEXT_SUBTITLE, text);
}

void
zb_document_add_heading (ZbDocument *self, const char *text)
{
  zb_document_add_text (self, ZB_TEXT_HEADING, text);
}

void
zb_document_add_paragraph (ZbDocument *self, const char *text)
{
  zb_document_add_text (self, ZB_TEXT_BODY, text);
}

/* Fields are a borderless table whose label columns fit their widest label,
 * on the body text's line pitch so they line up with the paragraphs. */
static ZbTable *
new_fields_table (ZbDocument *self, guint columns)
{
  ZbTable *table = zb_table_new ();

  for (guint c = 0; c < columns; c++)
    {
      zb_table_add_column (table, NULL, 0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
      zb_table_add_column (table, NULL, 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
    }
  zb_table_set_borders (table, FALSE);
  _zb_table_set_font (table, ZB_FONT_BODY, self->geometry.body_size, self->geometry.body_advance);
  _zb_table_set_padding (table, 0, 0);
  return table;
}

void
zb_document_add_field (ZbDocument *self, const char *label, const char *value)
{
  ZbBlock *last = NULL;
  const char *cells[] = { label, value, NULL };

  g_return_if_fail (ZB_IS_DOCUMENT (self));

  if (self->blocks->len > 0)
    last = &g_array_index (self->blocks, ZbBlock, self->blocks->len - 1);
  if (last == NULL || last->kind != ZB_BLOCK_FIELDS || zb_table_get_n_columns (last->table) != 2)
    {
      last = append_block (self, ZB_BLOCK_FIELDS);
      last->table = new_fields_table (self, 1);
    }
  zb_table_append_row (last->table, cells);
}

void
zb_document_add_fields (ZbDocument *self, guint columns, const char *const *labels_and_values)
{
  ZbBlock *block;
  guint n;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (columns >= 1);
  g_return_if_fail (labels_and_values != NULL);

  block = append_block (self, ZB_BLOCK_FIELDS);
  block->table = new_fields_table (self, columns);
  n = g_strv_length ((char **)labels_and_values);
  for (guint i = 0; i < n; i += 2 * columns)
    {
      guint row = zb_table_append_row (block->table, NULL);

      for (guint j = 0; j < 2 * columns && i + j < n; j++)
        zb_table_set_cell (block->table, row, j, labels_and_values[i + j]);
    }
}

void
zb_document_add_table (ZbDocument *self, ZbTable *table)
{
  ZbBlock *block;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (ZB_IS_TABLE (table));
  g_return_if_fail (zb_table_get_n_columns (table) > 0);

  block = append_block (self, ZB_BLOCK_TABLE);
  block->table = g_object_ref (table);
}

void
zb_document_add_signatures (ZbDocument *self, const char *const *labels, const char *date)
{
  ZbBlock *block;

  g_return_if_fail (ZB_IS_DOCUMENT (self));

  block = append_block (self, ZB_BLOCK_SIGNATURES);
  block->labels = g_strdupv ((char **)labels);
  block->text = g_strdup (date);
}

void
zb_document_add_spacer (ZbDocument *self, double lines)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  append_block (self, ZB_BLOCK_SPACER)->amount = MAX (lines, 0);
}

void
zb_document_add_page_break (ZbDocument *self)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  append_block (self, ZB_BLOCK_PAGE_BREAK);
}

void
zb_document_add_qr_code (ZbDocument *self, const char *data, double size_mm)
{
  ZbBlock *block;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (data != NULL);

  block = append_block (self, ZB_BLOCK_QR);
  block->text = g_strdup (data);
  block->amount = size_mm > 0 ? size_mm : 30.0;
}

void
zb_document_add_secret_key (ZbDocument *self, const char *grouped)
{
  g_auto (GStrv) groups = NULL;
  char *digits;
  gsize n_digits = 0;
  ZbBlock *block;
  ZbTable *grid;
  guint n;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (grouped != NULL);

  /* Four groups a row, like the sheet is read aloud and typed in. */
  groups = g_strsplit (grouped, " ", -1);
  n = g_strv_length (groups);
  grid = zb_table_new ();
  _zb_table_set_sensitive (grid, TRUE);
  for (guint c = 0; c < 4; c++)
    zb_table_add_column (grid, NULL, 1, PANGO_ALIGN_CENTER, PANGO_WRAP_CHAR);
  _zb_table_set_font (grid, ZB_FONT_MONO, 18.0, 24.0);
  _zb_table_set_padding (grid, 6.0, 4.0);
  _zb_table_set_width (grid, ZB_MM_TO_PT (92.0));
  for (guint i = 0; i < n; i += 4)
    {
      guint row = zb_table_append_row (grid, NULL);

      for (guint j = 0; j < 4 && i + j < n; j++)
        zb_table_set_cell (grid, row, j, groups[i + j]);
    }

  /* The QR code holds the digits alone, in the alphanumeric mode QR codes
   * encode most densely, and exactly what a key file may contain. */
  digits = g_malloc0 (strlen (grouped) + 1); /* no reallocation leaves copies behind */
  for (const char *p = grouped; *p != '\0'; p++)
    if (g_ascii_isxdigit (*p))
      digits[n_digits++] = g_ascii_toupper (*p);

  block = append_block (self, ZB_BLOCK_SECRET_KEY);
  block->sensitive = TRUE;
  block->table = grid;
  block->text = digits;
  block->amount = 42.0;

  for (guint i = 0; groups[i] != NULL; i++)
    explicit_bzero (groups[i], strlen (groups[i]));
}

guint
_zb_document_get_n_blocks (ZbDocument *self)
{
  return self->blocks->len;
}

const ZbBlock *
_zb_document_get_block (ZbDocument *self, guint index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, ZbBlock, index);
}

/* The canonical content: the scheme, the page set-up, the metadata title and
 * organisation, then every block in order, each field length-prefixed. */
static GString *
build_content (ZbDocument *self)
{
  GString *out = g_string_new (ZB_CONTENT_SCHEME);

  g_string_append_printf (out, ";setup%d;", self->setup);
  _zb_content_append (out, self->title);
  _zb_content_append (out, self->org_name);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const ZbBlock *block = &g_array_index (self->blocks, ZbBlock, i);

      switch (block->kind)
        {
        case ZB_BLOCK_TEXT:
          g_string_append_printf (out, ";text%d;", block->style);
          _zb_content_append (out, block->text);
          break;
        case ZB_BLOCK_TABLE:
          g_string_append (out, ";table;");
          _zb_table_append_content (block->table, out);
          break;
        case ZB_BLOCK_FIELDS:
          g_string_append (out, ";fields;");
          _zb_table_append_content (block->table, out);
          break;
        case ZB_BLOCK_SIGNATURES:
          g_string_append (out, ";signatures;");
          for (guint j = 0; block->labels != NULL && block->labels[j] != NULL; j++)
            _zb_content_append (out, block->labels[j]);
          g_string_append (out, ";date;");
          _zb_content_append (out, block->text);
          break;
        case ZB_BLOCK_QR:
          g_string_append (out, ";qr;");
          _zb_content_append (out, block->text);
          break;
        case ZB_BLOCK_SECRET_KEY:
          /* See _zb_table_append_content(): never a function of the key. */
          g_string_append (out, ";secret-key;");
          break;
        case ZB_BLOCK_SPACER:
        case ZB_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  return out;
}

char *
zb_document_dup_content_hash (ZbDocument *self)
{
  g_autoptr (GString) content = NULL;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  content = build_content (self);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)content->str,
                                      content->len);
}

char *
zb_document_dup_verification_text (ZbDocument *self)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  hash = zb_document_dup_content_hash (self);
  return g_strdup_printf (ZB_DOCUMENT_VERIFICATION_PREFIX "|%s|%s",
                          self->number != NULL ? self->number : "", hash);
}
