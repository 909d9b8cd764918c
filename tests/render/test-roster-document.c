/* test-roster-document.c — the 党员名册 of a real workspace, rendered and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "../unit/zb-test-util.h"
#include "render-samples.h"
#include "zb-member-demo.h"
#include "zb-member-repo.h"
#include "zb-roster-document.h"

#define ORG "中共示例街道第一社区支部委员会"

typedef struct
{
  ZbDatabase *db;
  ZbMemberRepo *repo;
  ZbSecret *secret;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("roster.db");
  g_autoptr (GError) error = NULL;

  f->secret = zb_secret_new_random_key (&error);
  g_assert_no_error (error);
  f->db = zb_test_create_workspace (path, f->secret, ORG);
  g_assert_true (zb_member_demo_fill (f->db, GPOINTER_TO_UINT (data), 3, 20261127, &error));
  g_assert_no_error (error);
  f->repo = zb_member_repo_new (f->db);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->repo);
  zb_database_close (f->db);
  g_clear_object (&f->db);
  g_clear_pointer (&f->secret, zb_secret_free);
}

/* Every member of the query in the repository's order. */
static GPtrArray *
all_members (ZbMemberRepo *repo)
{
  const ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = zb_member_repo_fetch (repo, &query, 0, 100000, &error);

  g_assert_no_error (error);
  return rows;
}

static ZbDocument *
make_roster (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  ZbDocument *doc = zb_roster_document_new (f->repo, NULL, ORG, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  zb_document_set_number (doc, "ZB-2026-000001");
  return doc;
}

/* Where @text is printed: its page and the height of its middle from the top
 * of the page, for the first match; FALSE when it is nowhere. (The text
 * poppler extracts runs down the columns of a table, so the order of rows is
 * read from positions instead.) */
static gboolean
find_text (PopplerDocument *pdf, const char *text, int from_page, int *page, double *y)
{
  for (int i = from_page; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, i);
      GList *matches = poppler_page_find_text (p, text);
      double w, h;

      if (matches == NULL)
        continue;
      poppler_page_get_size (p, &w, &h);
      {
        PopplerRectangle *r = matches->data;

        /* find_text() counts from the bottom of the page. */
        *y = h - (r->y1 + r->y2) / 2;
      }
      *page = i;
      g_list_free_full (matches, (GDestroyNotify)poppler_rectangle_free);
      return TRUE;
    }
  return FALSE;
}

static void
test_roster_large (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) doc = make_roster (f);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autoptr (GPtrArray) members = all_members (f->repo);
  g_autofree char *body = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_REGISTER);
  g_autofree char *all = pdf_text_compact (pdf, -1);
  g_autofree char *totals = NULL;
  guint full = 0, probationary = 0, male = 0, female = 0;
  int n_pages = poppler_document_get_n_pages (pdf);

  g_assert_cmpuint (members->len, ==, GPOINTER_TO_UINT (data));
  g_assert_cmpint (n_pages, >, 10);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (TestPdfPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = pdf_text_compact (pdf, i);
      double w, h;

      /* A4 landscape */
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 841.89, 1.0);
      g_assert_cmpfloat_with_epsilon (h, 595.28, 1.0);
      /* The header row, repeated. */
      g_assert_nonnull (strstr (text, "公民身份号码"));
      g_assert_nonnull (strstr (text, "工作单位及职务"));
    }
  g_assert_cmpuint (count_occurrences (all, "党员名册"), >=, 1);
  g_assert_nonnull (strstr (all, ORG));
  g_assert_nonnull (strstr (all, "统计截至：2026年11月27日"));

  for (guint i = 0; i < members->len; i++)
    {
      const ZbMemberRecord *r = zb_member_get_record (g_ptr_array_index (members, i));
      guint expected = 0;

      /* As many times as members' names hold it ("张伟" is in "张伟明"). */
      for (guint k = 0; k < members->len; k++)
        if (strstr (zb_member_get_name (g_ptr_array_index (members, k)), r->name) != NULL)
          expected++;
      g_assert_cmpuint (count_occurrences (body, r->name), ==, expected);
      /* The full ID number: the official register is not masked. */
      g_assert_nonnull (strstr (body, r->id_number));

      if (r->category == ZB_CATEGORY_PROBATIONARY)
        probationary++;
      else
        full++;
      male += r->gender == ZB_GENDER_MALE;
      female += r->gender == ZB_GENDER_FEMALE;
    }

  totals = g_strdup_printf ("共%u名党员：正式党员%u名，预备党员%u名；男%u名，女%u名。",
                            members->len, full, probationary, male, female);
  g_assert_nonnull (strstr (body, totals));
  /* At the end: on the last page, below the last member. */
  {
    const ZbMemberRecord *last
        = zb_member_get_record (g_ptr_array_index (members, members->len - 1));
    int totals_page = -1, last_page = -1;
    double totals_y = 0, last_y = 0;

    g_assert_true (find_text (pdf, totals, 0, &totals_page, &totals_y));
    g_assert_true (find_text (pdf, last->id_number, 0, &last_page, &last_y));
    g_assert_cmpint (totals_page, ==, n_pages - 1);
    g_assert_cmpint (last_page, ==, n_pages - 1);
    g_assert_cmpfloat (totals_y, >, last_y);
  }
}

/* Whether @name is printed on @page with its middle at @y (one row). */
static gboolean
printed_at (PopplerDocument *pdf, const char *name, int page, double y)
{
  g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, page);
  GList *matches = poppler_page_find_text (p, name);
  gboolean found = FALSE;
  double w, h;

  poppler_page_get_size (p, &w, &h);
  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;

      if (fabs (h - (r->y1 + r->y2) / 2 - y) < 3)
        found = TRUE;
    }
  g_list_free_full (matches, (GDestroyNotify)poppler_rectangle_free);
  return found;
}

static void
test_roster_order (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) doc = make_roster (f);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autoptr (GPtrArray) members = all_members (f->repo);
  int last_page = 0;
  double last_y = 0;

  g_assert_cmpuint (members->len, ==, GPOINTER_TO_UINT (data));
  /* The ID numbers are unique: each row is printed below the one before, in
   * the repository's 姓氏笔画 order, with the member's name on the same line. */
  for (guint i = 0; i < members->len; i++)
    {
      const ZbMemberRecord *r = zb_member_get_record (g_ptr_array_index (members, i));
      int page = -1;
      double y = 0;

      g_assert_true (find_text (pdf, r->id_number, 0, &page, &y));
      g_assert_true (page > last_page || (page == last_page && y > last_y));
      g_assert_true (printed_at (pdf, r->name, page, y));
      last_page = page;
      last_y = y;
    }
}

static void
test_roster_search (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) members = all_members (f->repo);
  const ZbMemberRecord *first = zb_member_get_record (g_ptr_array_index (members, 0));
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *body = NULL;

  query.search = first->id_number;
  doc = zb_roster_document_new (f->repo, &query, ORG, NULL, &error);
  g_assert_no_error (error);
  zb_document_set_number (doc, "ZB-2026-000002");
  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  body = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_REGISTER);
  g_assert_nonnull (strstr (body, first->id_number));
  g_assert_nonnull (strstr (body, "共1名党员"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/roster/large", Fixture, GUINT_TO_POINTER (1000), fixture_set_up,
              test_roster_large, fixture_tear_down);
  g_test_add ("/render/roster/order", Fixture, GUINT_TO_POINTER (20), fixture_set_up,
              test_roster_order, fixture_tear_down);
  g_test_add ("/render/roster/search", Fixture, GUINT_TO_POINTER (20), fixture_set_up,
              test_roster_search, fixture_tear_down);
  return g_test_run ();
}
