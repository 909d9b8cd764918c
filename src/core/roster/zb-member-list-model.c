/* zb-member-list-model.c — the members of a query as a GListModel that pages from SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include "zb-member-list-model.h"

/* Beyond this many rows added or removed at once (an import, its undo) the
 * rows are simply all replaced: nobody can follow such a change row by row. */
#define MAX_TRACKED_DELTA ZB_MEMBER_LIST_MODEL_PAGE_SIZE

typedef struct
{
  guint index;     /* rows index × PAGE_SIZE … */
  guint64 used;    /* the model's clock when last read, for the LRU */
  GPtrArray *rows; /* ZbMember */
} Page;

struct _ZbMemberListModel
{
  GObject parent_instance;

  ZbMemberRepo *repo;
  ZbMemberQuery query;
  char *search; /* owned; query.search points at it */

  guint n_items;
  GPtrArray *pages; /* Page, at most MAX_PAGES */
  guint64 clock;
  guint n_fetches;
  /* Set after a failed read so that a closed database is reported once, not
   * for every row a list asks for. */
  gboolean failed;

  guint holds;
  gboolean refresh_pending;
  gboolean constructed;
};

static void zb_member_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZbMemberListModel, zb_member_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      zb_member_list_model_iface_init))

enum
{
  PROP_0,
  PROP_REPO,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

/* Paging */

static GPtrArray *
zb_member_list_model_read (ZbMemberListModel *self, guint offset, guint limit)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows;

  self->n_fetches++;
  rows = zb_member_repo_fetch (self->repo, &self->query, offset, limit, &error);
  if (rows == NULL)
    {
      if (!self->failed)
        g_warning ("Could not read members %u–%u: %s", offset, offset + limit,
                   error ? error->message : "?");
      self->failed = TRUE;
      return NULL;
    }

  self->failed = FALSE;
  return rows;
}

static Page *
zb_member_list_model_lookup_page (ZbMemberListModel *self, guint index)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      if (page->index == index)
        return page;
    }

  return NULL;
}

static Page *
zb_member_list_model_load_page (ZbMemberListModel *self, guint index)
{
  GPtrArray *rows;
  Page *page;

  rows = zb_member_list_model_read (self, index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE,
                                    ZB_MEMBER_LIST_MODEL_PAGE_SIZE);
  if (rows == NULL)
    return NULL;

  /* Evict the page read least recently. */
  if (self->pages->len >= ZB_MEMBER_LIST_MODEL_MAX_PAGES)
    {
      guint oldest = 0;

      for (guint i = 1; i < self->pages->len; i++)
        if (((Page *)g_ptr_array_index (self->pages, i))->used
            < ((Page *)g_ptr_array_index (self->pages, oldest))->used)
          oldest = i;
      g_ptr_array_remove_index_fast (self->pages, oldest);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = rows;
  g_ptr_array_add (self->pages, page);

  return page;
}

/* GListModel */

static GType
zb_member_list_model_get_item_type (GListModel *model)
{
  return ZB_TYPE_MEMBER;
}

static guint
zb_member_list_model_get_n_items (GListModel *model)
{
  return ZB_MEMBER_LIST_MODEL (model)->n_items;
}

static gpointer
zb_member_list_model_get_item (GListModel *model, guint position)
{
  ZbMemberListModel *self = ZB_MEMBER_LIST_MODEL (model);
  guint index = position / ZB_MEMBER_LIST_MODEL_PAGE_SIZE;
  guint in_page = position % ZB_MEMBER_LIST_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  if ((page = zb_member_list_model_lookup_page (self, index)) == NULL
      && (self->holds > 0 || (page = zb_member_list_model_load_page (self, index)) == NULL))
    return NULL;

  page->used = ++self->clock;

  /* The roster shrank under us (another connection wrote); the refresh that
   * follows the repository's signal will say so. */
  if (in_page >= page->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->rows, in_page));
}

static void
zb_member_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = zb_member_list_model_get_item_type;
  iface->get_n_items = zb_member_list_model_get_n_items;
  iface->get_item = zb_member_list_model_get_item;
}

/* Refreshing */

static gboolean
strings_equal (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* Whether a list showing @a needs to show @b instead: every field, as
 * updated_at has only a second's precision. */
static gboolean
members_equal (ZbMember *a, ZbMember *b)
{
  const ZbMemberRecord *r = zb_member_get_record (a);
  const ZbMemberRecord *s = zb_member_get_record (b);

  if (a == b)
    return TRUE;

  return r->id == s->id && strings_equal (r->uuid, s->uuid) && strings_equal (r->name, s->name)
         && r->gender == s->gender && r->ethnicity == s->ethnicity
         && strings_equal (r->id_number, s->id_number)
         && strings_equal (r->birth_date, s->birth_date)
         && strings_equal (r->native_place, s->native_place) && r->education == s->education
         && strings_equal (r->work_start_date, s->work_start_date) && r->category == s->category
         && strings_equal (r->joined_date, s->joined_date)
         && strings_equal (r->full_date, s->full_date) && r->branch_id == s->branch_id
         && r->group_id == s->group_id && strings_equal (r->work_unit, s->work_unit)
         && strings_equal (r->phone, s->phone) && strings_equal (r->address, s->address)
         && r->flowing == s->flowing && strings_equal (r->flow_destination, s->flow_destination)
         && strings_equal (r->flow_card_number, s->flow_card_number)
         && r->lost_contact == s->lost_contact
         && strings_equal (r->lost_contact_date, s->lost_contact_date)
         && r->lost_contact_reason == s->lost_contact_reason && r->standing == s->standing
         && r->status == s->status && strings_equal (r->left_kind, s->left_kind)
         && strings_equal (r->left_date, s->left_date) && strings_equal (r->remarks, s->remarks)
         && strings_equal (r->updated_at, s->updated_at)
         && strings_equal (zb_member_get_branch_name (a), zb_member_get_branch_name (b))
         && strings_equal (zb_member_get_group_name (a), zb_member_get_group_name (b));
}

static int
compare_pages (gconstpointer a, gconstpointer b)
{
  const Page *pa = *(const Page *const *)a;
  const Page *pb = *(const Page *const *)b;

  return (pa->index > pb->index) - (pa->index < pb->index);
}

/* Tells that rows [@position, @position + @removed) became @added others, and
 * that there are @new_n rows in all now.
 *
 * A large change goes as two signals, removal then addition: when one signal
 * both removes a row GTK tracks (the selection, the focus, the scroll anchor)
 * and adds rows, GtkListView and GtkSingleSelection look for that row's object
 * among all the added rows, which would read every page of a 100,000-row
 * roster. Those rows then simply lose their place, as for any new query. */
static void
zb_member_list_model_emit (ZbMemberListModel *self, guint position, guint removed, guint added,
                           guint new_n)
{
  if (removed == 0 && added == 0)
    return;

  if (removed > 0 && added > ZB_MEMBER_LIST_MODEL_PAGE_SIZE)
    {
      self->n_items = new_n - added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      removed = 0;
    }

  self->n_items = new_n;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Replaces every row. */
static void
zb_member_list_model_reset (ZbMemberListModel *self, guint new_n)
{
  guint old_n = self->n_items;

  g_ptr_array_set_size (self->pages, 0);
  zb_member_list_model_emit (self, 0, old_n, new_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  gint64 old_pos;
  gint64 new_pos;
} Anchor;

/* The rows now at [@start, @end) in @window (indexed from @window_start),
 * as a page, with the objects of unchanged rows kept. */
static Page *
make_page (guint index, GPtrArray *window, guint window_start, GHashTable *kept)
{
  guint start = index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE;
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint p = start; p < start + ZB_MEMBER_LIST_MODEL_PAGE_SIZE; p++)
    {
      ZbMember *member;
      ZbMember *old;

      if (p < window_start || p - window_start >= window->len)
        break;
      member = g_ptr_array_index (window, p - window_start);
      old = g_hash_table_lookup (kept, member);
      g_ptr_array_add (page->rows, g_object_ref (old ? old : member));
    }

  return page;
}

void
zb_member_list_model_refresh (ZbMemberListModel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) new_by_uuid = NULL; /* uuid → position (1-based) */
  g_autoptr (GHashTable) kept = NULL;        /* new ZbMember → old equal ZbMember */
  g_autoptr (GArray) anchors = NULL;
  g_autoptr (GPtrArray) windows = NULL; /* GPtrArray of ZbMember, per merged window */
  g_autoptr (GArray) window_starts = NULL;
  g_autoptr (GPtrArray) new_pages = NULL;
  gint64 count;
  guint old_n = self->n_items;
  guint new_n, margin;
  gint64 delta;
  gint64 first_old = -1, last_old = -1, first_new = -1, last_new = -1;
  Anchor previous = { -1, -1 };

  g_return_if_fail (ZB_IS_MEMBER_LIST_MODEL (self));

  if (self->holds > 0)
    {
      self->refresh_pending = TRUE;
      return;
    }
  self->refresh_pending = FALSE;

  count = zb_member_repo_count (self->repo, &self->query, &error);
  if (count < 0)
    {
      g_warning ("Could not count members: %s", error ? error->message : "?");
      return;
    }

  new_n = (guint)MIN (count, G_MAXUINT);
  delta = (gint64)new_n - (gint64)old_n;

  /* Nothing is held by anyone: only the count can tell. */
  if (self->pages->len == 0 || ABS (delta) > MAX_TRACKED_DELTA)
    {
      if (self->pages->len > 0 || old_n != new_n)
        zb_member_list_model_reset (self, new_n);
      return;
    }

  /* Read again the rows of every page in use, widened by how far rows can
   * have moved, so that each old row is found where it went. */
  margin = (guint)ABS (delta) + 1;
  g_ptr_array_sort (self->pages, compare_pages);
  windows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  window_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  new_by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->pages->len;)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      guint start = page->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE;
      guint end = start + page->rows->len;
      GPtrArray *rows;

      /* Adjacent pages are read in one go. */
      while (++i < self->pages->len
             && ((Page *)g_ptr_array_index (self->pages, i))->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE
                    <= end + 2 * margin)
        {
          Page *next = g_ptr_array_index (self->pages, i);

          end = next->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE + next->rows->len;
        }

      start = start > margin ? start - margin : 0;
      end = MIN (end + margin, new_n);
      if (start >= end)
        continue;

      if ((rows = zb_member_list_model_read (self, start, end - start)) == NULL)
        {
          zb_member_list_model_reset (self, new_n);
          return;
        }

      for (guint r = 0; r < rows->len; r++)
        g_hash_table_insert (new_by_uuid,
                             (gpointer)zb_member_get_uuid (g_ptr_array_index (rows, r)),
                             GUINT_TO_POINTER (start + r + 1));
      g_ptr_array_add (windows, rows);
      g_array_append_val (window_starts, start);
    }

  /* Anchors: old rows found unchanged, in an order both lists agree on. */
  anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  kept = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      for (guint r = 0; r < page->rows->len; r++)
        {
          ZbMember *old = g_ptr_array_index (page->rows, r);
          guint found
              = GPOINTER_TO_UINT (g_hash_table_lookup (new_by_uuid, zb_member_get_uuid (old)));
          Anchor anchor = { page->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE + r, (gint64)found - 1 };
          ZbMember *now = NULL;

          if (found == 0 || (anchors->len > 0 && anchor.new_pos <= previous.new_pos))
            continue;

          for (guint w = 0; w < windows->len && now == NULL; w++)
            {
              guint ws = g_array_index (window_starts, guint, w);
              GPtrArray *rows = g_ptr_array_index (windows, w);

              if (anchor.new_pos >= ws && anchor.new_pos < ws + rows->len)
                now = g_ptr_array_index (rows, anchor.new_pos - ws);
            }
          if (now == NULL || !members_equal (old, now))
            continue;

          g_hash_table_insert (kept, now, old);
          g_array_append_val (anchors, anchor);
          previous = anchor;
        }
    }

  /* The rows between two anchors changed if their number did, or if a row of
   * a page in use lies between them (it was not found unchanged). Rows not in
   * use that changed in place are nobody's concern: they are read fresh. */
  previous = (Anchor){ -1, -1 };
  for (guint a = 0; a <= anchors->len; a++)
    {
      Anchor next
          = a < anchors->len ? g_array_index (anchors, Anchor, a) : (Anchor){ old_n, new_n };
      gboolean dirty = (next.old_pos - previous.old_pos) != (next.new_pos - previous.new_pos);

      for (guint i = 0; i < self->pages->len && !dirty; i++)
        {
          Page *page = g_ptr_array_index (self->pages, i);
          gint64 start = (gint64)page->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE;
          gint64 end = start + page->rows->len;

          dirty = MAX (start, previous.old_pos + 1) < MIN (end, next.old_pos);
        }

      if (dirty)
        {
          if (first_old < 0)
            {
              first_old = previous.old_pos + 1;
              first_new = previous.new_pos + 1;
            }
          last_old = next.old_pos;
          last_new = next.new_pos;
        }
      previous = next;
    }

  /* The same pages, as they are now. */
  new_pages = g_ptr_array_new_with_free_func (page_free);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      guint start = page->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE;

      if (start >= new_n)
        continue;

      for (guint w = 0; w < windows->len; w++)
        {
          guint ws = g_array_index (window_starts, guint, w);
          GPtrArray *rows = g_ptr_array_index (windows, w);
          guint end = MIN (start + ZB_MEMBER_LIST_MODEL_PAGE_SIZE, new_n);

          if (start >= ws && end <= ws + rows->len)
            {
              Page *fresh = make_page (page->index, rows, ws, kept);

              fresh->used = page->used;
              g_ptr_array_add (new_pages, fresh);
              break;
            }
        }
    }

  g_ptr_array_unref (self->pages);
  self->pages = g_steal_pointer (&new_pages);

  /* Before the first changed row nothing moved, so old and new positions
   * agree there. */
  if (first_old >= 0)
    {
      g_assert (first_old == first_new);
      zb_member_list_model_emit (self, (guint)first_old, (guint)(last_old - first_old),
                                 (guint)(last_new - first_new), new_n);
    }
  self->n_items = new_n;
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
zb_member_list_model_repo_changed_cb (ZbMemberListModel *self)
{
  zb_member_list_model_refresh (self);
}

void
zb_member_list_model_hold (ZbMemberListModel *self)
{
  g_return_if_fail (ZB_IS_MEMBER_LIST_MODEL (self));

  self->holds++;
}

void
zb_member_list_model_release (ZbMemberListModel *self)
{
  g_return_if_fail (ZB_IS_MEMBER_LIST_MODEL (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0 && self->refresh_pending)
    zb_member_list_model_refresh (self);
}

/* Queries */

static gboolean
queries_equal (const ZbMemberQuery *a, const ZbMemberQuery *b)
{
  return g_strcmp0 (a->search, b->search) == 0 && a->order == b->order
         && a->descending == b->descending && a->branch_id == b->branch_id
         && a->group_id == b->group_id && a->category == b->category && a->flowing == b->flowing
         && a->lost_contact == b->lost_contact && a->archive == b->archive;
}

void
zb_member_list_model_set_query (ZbMemberListModel *self, const ZbMemberQuery *query)
{
  g_autoptr (GError) error = NULL;
  ZbMemberQuery normalized;
  gint64 count;

  g_return_if_fail (ZB_IS_MEMBER_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  /* The same question again (a filter set to what it was): nothing to do;
   * the repository's signal keeps the rows current. */
  normalized = *query;
  if (normalized.search != NULL && normalized.search[0] == '\0')
    normalized.search = NULL;
  if (self->repo != NULL && self->constructed && queries_equal (&normalized, &self->query))
    return;

  g_free (self->search);
  self->search = query->search && *query->search ? g_strdup (query->search) : NULL;
  self->query = *query;
  self->query.search = self->search;

  count = zb_member_repo_count (self->repo, &self->query, &error);
  if (count < 0)
    {
      g_warning ("Could not count members: %s", error ? error->message : "?");
      count = 0;
    }

  /* A new question: all rows are new, even those that happen to stay. */
  g_ptr_array_set_size (self->pages, 0);
  zb_member_list_model_reset (self, (guint)MIN (count, G_MAXUINT));
}

const ZbMemberQuery *
zb_member_list_model_get_query (ZbMemberListModel *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_LIST_MODEL (self), NULL);

  return &self->query;
}

ZbMemberRepo *
zb_member_list_model_get_repo (ZbMemberListModel *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_LIST_MODEL (self), NULL);

  return self->repo;
}

int
zb_member_list_model_find_cached (ZbMemberListModel *self, const char *uuid)
{
  g_return_val_if_fail (ZB_IS_MEMBER_LIST_MODEL (self), -1);
  g_return_val_if_fail (uuid != NULL, -1);

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      for (guint r = 0; r < page->rows->len; r++)
        if (g_strcmp0 (zb_member_get_uuid (g_ptr_array_index (page->rows, r)), uuid) == 0)
          return (int)(page->index * ZB_MEMBER_LIST_MODEL_PAGE_SIZE + r);
    }

  return -1;
}

guint
zb_member_list_model_get_n_fetches (ZbMemberListModel *self)
{
  g_return_val_if_fail (ZB_IS_MEMBER_LIST_MODEL (self), 0);

  return self->n_fetches;
}

gboolean
zb_member_list_model_is_page_cached (ZbMemberListModel *self, guint page)
{
  g_return_val_if_fail (ZB_IS_MEMBER_LIST_MODEL (self), FALSE);

  return zb_member_list_model_lookup_page (self, page) != NULL;
}

/* GObject */

static void
zb_member_list_model_constructed (GObject *object)
{
  ZbMemberListModel *self = ZB_MEMBER_LIST_MODEL (object);
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;

  G_OBJECT_CLASS (zb_member_list_model_parent_class)->constructed (object);

  g_assert (ZB_IS_MEMBER_REPO (self->repo));
  g_signal_connect_object (self->repo, "changed", G_CALLBACK (zb_member_list_model_repo_changed_cb),
                           self, G_CONNECT_SWAPPED);

  zb_member_list_model_set_query (self, &query);
  self->constructed = TRUE;
}

static void
zb_member_list_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbMemberListModel *self = ZB_MEMBER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_REPO:
      g_value_set_object (value, self->repo);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_member_list_model_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  ZbMemberListModel *self = ZB_MEMBER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_REPO:
      self->repo = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_member_list_model_finalize (GObject *object)
{
  ZbMemberListModel *self = ZB_MEMBER_LIST_MODEL (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->repo);

  G_OBJECT_CLASS (zb_member_list_model_parent_class)->finalize (object);
}

static void
zb_member_list_model_class_init (ZbMemberListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zb_member_list_model_constructed;
  object_class->get_property = zb_member_list_model_get_property;
  object_class->set_property = zb_member_list_model_set_property;
  object_class->finalize = zb_member_list_model_finalize;

  properties[PROP_REPO]
      = g_param_spec_object ("repo", NULL, NULL, ZB_TYPE_MEMBER_REPO,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS]
      = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_member_list_model_init (ZbMemberListModel *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

ZbMemberListModel *
zb_member_list_model_new (ZbMemberRepo *repo)
{
  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), NULL);

  return g_object_new (ZB_TYPE_MEMBER_LIST_MODEL, "repo", repo, NULL);
}
