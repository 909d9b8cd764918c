/* test-render.c — documents rendered to PDF and read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "render-samples.h"
#include "zb-renderer-private.h"

#define A4_SHORT 595.28
#define A4_LONG 841.89

static void
assert_page_size (PopplerDocument *pdf, double width, double height)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (TestPdfPage) page = poppler_document_get_page (pdf, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, width, 0.5);
      g_assert_cmpfloat_with_epsilon (h, height, 0.5);
    }
}

static void
assert_contains (const char *text, const char *needle)
{
  g_autofree char *c = compact (needle);

  if (strstr (text, c) == NULL)
    g_error ("“%s” is not in the text:\n%s", c, text);
}

static void
assert_fonts_embedded (PopplerDocument *pdf)
{
  PopplerFontInfo *info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  while (poppler_font_info_scan (info, 1, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          n++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n, >, 0);
}

static void
test_recovery_sheet (void)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();
  g_autoptr (ZbDocument) doc = zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autofree char *text = pdf_text_compact (pdf, -1);
  g_autofree char *upper = g_ascii_strup (SAMPLE_KEY_HEX, -1);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  assert_page_size (pdf, A4_SHORT, A4_LONG);
  assert_fonts_embedded (pdf);

  assert_contains (text, "恢复密钥单");
  assert_contains (text, "单位名称：" SAMPLE_ORG);
  assert_contains (text, "工作区编号：" SAMPLE_UUID);
  assert_contains (text, "一、恢复密钥");
  /* The 16 groups, read row by row, make the key. */
  assert_contains (text, upper);
  assert_contains (text, "二、保管要求");
  assert_contains (text, "用恢复密钥打开");
  assert_contains (text, "zhibu-cli recover --db");
  assert_contains (text, "保管人（签字）：");
  /* Header, footer, page number. */
  assert_contains (text, "内部资料 注意保管");
  assert_contains (text, "编号：ZB-KEY-5C2F8E1A");
  assert_contains (text, "打印日期：2026年11月27日");
  assert_contains (text, "— 1 —");
}

static const char *const register_titles[]
    = { "序号",     "姓名",     "性别",     "民族",     "出生年月",       "籍贯",
        "学历",     "入党时间", "转正时间", "人员类别", "工作单位及职务", "公民身份号码",
        "联系电话", "党小组",   "备注",     NULL };

static void
test_register (void)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (ZbDocument) doc = sample_register (1000, &names);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  g_autofree char *all = pdf_text_compact (pdf, -1);
  g_autofree int *page_of = g_new0 (int, names->len);
  int n_pages = poppler_document_get_n_pages (pdf);
  g_autofree guint *rows_on = g_new0 (guint, n_pages);

  g_assert_cmpint (n_pages, >, 20);
  g_assert_cmpint (n_pages, ==, zb_renderer_get_n_pages (renderer));
  assert_page_size (pdf, A4_LONG, A4_SHORT);
  assert_fonts_embedded (pdf);
  assert_contains (all, "党员名册");

  /* Every name exactly once in the whole register. */
  for (guint i = 0; i < names->len; i++)
    if (count_occurrences (all, names->pdata[i]) != 1)
      g_error ("%s is printed %u times", (char *)names->pdata[i],
               count_occurrences (all, names->pdata[i]));

  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = pdf_text_compact (pdf, p);
      g_autofree char *number = g_strdup_printf ("—%d—", p + 1);

      /* The header row on every page, once. */
      for (guint t = 0; register_titles[t] != NULL; t++)
        if (count_occurrences (text, register_titles[t]) != 1)
          g_error ("Column title %s is on page %d %u times", register_titles[t], p + 1,
                   count_occurrences (text, register_titles[t]));
      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, "内部资料注意保管"));
      g_assert_nonnull (strstr (text, "ZB-2026-000124"));
      for (guint i = 0; i < names->len; i++)
        if (strstr (text, names->pdata[i]) != NULL)
          {
            g_autofree char *id = sample_id_number (i);
            g_autofree char *remark = sample_remark (i);
            g_autofree char *remark_c = remark != NULL ? compact (remark) : NULL;

            page_of[i] = p;
            rows_on[p]++;
            /* Rows are whole: the rest of the row is on the same page. */
            g_assert_nonnull (strstr (text, id));
            if (remark_c != NULL && strstr (text, remark_c) == NULL)
              g_error ("The remark of row %u is not on page %d with its name", i + 1, p + 1);
          }
    }

  /* Rows in order, pages filled. */
  for (guint i = 1; i < names->len; i++)
    g_assert_cmpint (page_of[i], >=, page_of[i - 1]);
  for (int p = 0; p + 1 < n_pages; p++)
    g_assert_cmpuint (rows_on[p], >=, 15);
}

static void
test_meeting_form (void)
{
  g_autoptr (ZbDocument) doc = sample_meeting_form ();
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autofree char *text = pdf_text_compact (pdf, -1);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  assert_page_size (pdf, A4_SHORT, A4_LONG);
  assert_contains (text, "支部委员会会议记录");
  assert_contains (text, "会议名称2026年第11次支部委员会会议");
  assert_contains (text, "主持人张建国（支部书记）记录人李秀英（组织委员）");
  assert_contains (text, "缺席：王海燕（外出学习，已请假）。");
  assert_contains (text, "赞成4票，反对0票，弃权0票。");
  assert_contains (text, "做到“四必谈”。");
  assert_contains (text, "主持人（签字）：");
  assert_contains (text, "记录人（签字）：");
  /* The label under the merged cell is printed once. */
  g_assert_cmpuint (count_occurrences (text, "出席情况"), ==, 1);
}

/* The middle of the page number's dashes ("— n —" below the text area). */
/* Labelled fields, one or two a line, labels aligned. */
static void
test_fields (void)
{
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  const char *pairs[] = { "姓名：", "赵明", "性别：",     "男",       "出生年月：", "1990.05",
                          "民族：", "汉族", "工作单位：", "第一小学", NULL };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (ZbRenderer) renderer = NULL;
  g_autofree char *text = NULL;
  ZbPage *page;
  double value_x[2] = { -1, -1 };

  zb_document_set_number (doc, "ZB-2026-000127");
  zb_document_add_fields (doc, 2, pairs);
  zb_document_add_field (doc, "申请入党时间：", "2024年3月1日");
  zb_document_add_field (doc, "确定积极分子时间：", "2024年9月1日");
  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_contains (text, "姓名：赵明性别：男");
  assert_contains (text, "出生年月：1990.05民族：汉族");
  assert_contains (text, "工作单位：第一小学");
  assert_contains (text, "申请入党时间：2024年3月1日");
  assert_contains (text, "确定积极分子时间：2024年9月1日");

  /* The values of consecutive zb_document_add_field() line up. */
  renderer = zb_renderer_new (doc);
  zb_renderer_paginate (renderer, 0, 0);
  page = g_ptr_array_index (renderer->pages, 0);
  for (guint i = 0; i < page->ops->len; i++)
    {
      ZbOp *op = &g_array_index (page->ops, ZbOp, i);
      PangoLayoutLine *line = op->data;
      const char *t;

      if (op->kind != ZB_OP_TEXT)
        continue;
      t = pango_layout_get_text (line->layout);
      if (g_str_equal (t, "2024年3月1日"))
        value_x[0] = op->x;
      else if (g_str_equal (t, "2024年9月1日"))
        value_x[1] = op->x;
    }
  g_assert_cmpfloat (value_x[0], >, 0);
  g_assert_cmpfloat_with_epsilon (value_x[0], value_x[1], 0.01);
}

static double
page_number_x (PopplerDocument *pdf, int p)
{
  g_autoptr (TestPdfPage) page = poppler_document_get_page (pdf, p);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0, k = 0, n = 0;
  double sum = 0;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  for (const char *c = text; *c != '\0' && k < n_boxes; c = g_utf8_next_char (c), k++)
    if (g_utf8_get_char (c) == 0x2014 && boxes[k].y1 > A4_LONG - 35 * 72 / 25.4)
      {
        sum += (boxes[k].x1 + boxes[k].x2) / 2;
        n++;
      }
  g_assert_cmpuint (n, ==, 2);
  return sum / n;
}

static void
test_resolution (void)
{
  g_autoptr (ZbDocument) doc = sample_resolution (40);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autofree char *text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  const char *last = text;
  int n_pages = poppler_document_get_n_pages (pdf);
  ZbPage *page;
  double pitch = 0;
  guint n_body_lines = 0;

  g_assert_cmpint (n_pages, >=, 3);
  assert_contains (text, "关于接收赵明同志为预备党员的决议");
  assert_contains (text, "（2026年11月27日支部大会通过）");

  /* Every paragraph once, in order, across the page breaks. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *para = sample_paragraph (i);
      g_autofree char *c = compact (para);
      const char *at = strstr (last, c);

      g_assert_nonnull (at);
      g_assert_cmpuint (count_occurrences (text, c), ==, 1);
      last = at + strlen (c);
    }

  /* GB/T 9704: odd page numbers right, even ones left. */
  for (int p = 0; p < n_pages; p++)
    {
      double x = page_number_x (pdf, p);

      if (p % 2 == 0)
        g_assert_cmpfloat (x, >, A4_SHORT * 0.75);
      else
        g_assert_cmpfloat (x, <, A4_SHORT * 0.25);
    }

  /* Body text on a fixed 28 pt pitch: on a full page of paragraphs the
   * baselines step by 28 pt, and at most 22 lines fit. */
  zb_renderer_paginate (renderer, 0, 0);
  page = g_ptr_array_index (renderer->pages, 1);
  for (guint i = 0; i < page->ops->len; i++)
    {
      ZbOp *op = &g_array_index (page->ops, ZbOp, i);

      if (op->kind != ZB_OP_TEXT)
        continue;
      if (n_body_lines > 0)
        {
          pitch = op->y - pitch;
          g_assert_cmpfloat_with_epsilon (pitch, 28.0, 0.01);
        }
      pitch = op->y;
      n_body_lines++;
    }
  g_assert_cmpuint (n_body_lines, <=, 22);
  g_assert_cmpuint (n_body_lines, >=, 20);
}

/* Every line of text lies inside its cell (the rectangle drawn just before
 * it) and inside the text area. */
static void
assert_text_fits (ZbRenderer *renderer)
{
  guint n_checked = 0;

  zb_renderer_paginate (renderer, 0, 0);
  for (guint p = 0; p < renderer->pages->len; p++)
    {
      ZbPage *page = g_ptr_array_index (renderer->pages, p);
      const ZbOp *cell = NULL;

      for (guint i = 0; i < page->ops->len; i++)
        {
          const ZbOp *op = &g_array_index (page->ops, ZbOp, i);
          PangoRectangle logical;
          double left, right;

          if (op->kind == ZB_OP_RECT)
            cell = op;
          if (op->kind != ZB_OP_TEXT)
            continue;

          pango_layout_line_get_extents (op->data, NULL, &logical);
          left = op->x + (double)logical.x / PANGO_SCALE;
          right = left + (double)logical.width / PANGO_SCALE;
          g_assert_cmpfloat (left, >=, renderer->body_x - 0.01);
          g_assert_cmpfloat (right, <=, renderer->body_x + renderer->body_w + 0.01);
          g_assert_cmpfloat (op->y, >, renderer->body_y);
          g_assert_cmpfloat (op->y, <, renderer->body_bottom);
          if (cell != NULL && op->y > cell->y && op->y < cell->y + cell->h)
            {
              g_assert_cmpfloat (left, >=, cell->x);
              if (right > cell->x + cell->w + 0.01)
                g_error ("Text “%.*s” runs out of its cell on page %u",
                         ((PangoLayoutLine *)op->data)->length,
                         pango_layout_get_text (((PangoLayoutLine *)op->data)->layout)
                             + ((PangoLayoutLine *)op->data)->start_index,
                         p + 1);
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_cells_fit (void)
{
  g_autoptr (ZbDocument) reg = sample_register (200, NULL);
  g_autoptr (ZbDocument) form = sample_meeting_form ();
  g_autoptr (ZbRenderer) r1 = zb_renderer_new (reg);
  g_autoptr (ZbRenderer) r2 = zb_renderer_new (form);
  g_autoptr (ZbDocument) narrow = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbTable) table = zb_table_new ();
  g_autoptr (ZbRenderer) r3 = NULL;
  g_autofree char *id = sample_id_number (7);

  assert_text_fits (r1);
  assert_text_fits (r2);

  /* An 18-digit number in a cell narrower than it breaks inside the cell. */
  zb_table_add_column (table, "公民身份号码", 1, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "其他", 6, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_append_row (table, (const char *[]){ id, "", NULL });
  zb_document_add_table (narrow, table);
  r3 = zb_renderer_new (narrow);
  assert_text_fits (r3);
}

/* A row taller than a page is the one a table may cut: between lines of its
 * text, with nothing lost or repeated, the header repeated on each page. */
static void
test_tall_row (void)
{
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbTable) table = zb_table_new ();
  g_autoptr (GString) content = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (ZbRenderer) renderer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  int n_pages;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *para = sample_paragraph (i);

      g_string_append (content, para);
    }
  zb_document_set_number (doc, "ZB-2026-000126");
  zb_document_add_title (doc, "会议记录");
  zb_table_add_column (table, "会议内容", 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_append_row (table, (const char *[]){ content->str, NULL });
  zb_document_add_table (doc, table);

  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 3);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  expected = compact (content->str);
  /* Each page: the header, then the next part of the text. */
  g_assert_cmpuint (count_occurrences (text, "会议内容"), ==, n_pages);
  {
    g_autoptr (GString) joined = g_string_new (NULL);
    g_auto (GStrv) parts = g_strsplit (text, "会议内容", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      g_string_append (joined, parts[i]);
    g_assert_true (g_str_has_prefix (joined->str, "会议记录"));
    g_assert_cmpstr (joined->str + strlen ("会议记录"), ==, expected);
  }

  renderer = zb_renderer_new (doc);
  assert_text_fits (renderer);
}

static const char closing_marks[] = "，。、；：？！）》」』”’";
static const char opening_marks[] = "（《「『“‘";

/* Lays @doc out and checks every line against the 禁则. */
static guint
check_line_breaks (ZbDocument *doc)
{
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  guint n_lines = 0;

  zb_renderer_paginate (renderer, 0, 0);
  for (guint p = 0; p < renderer->pages->len; p++)
    {
      ZbPage *page = g_ptr_array_index (renderer->pages, p);

      for (guint i = 0; i < page->ops->len; i++)
        {
          const ZbOp *op = &g_array_index (page->ops, ZbOp, i);
          PangoLayoutLine *line = op->data;
          const char *text, *start, *end;
          gboolean last_line;

          if (op->kind != ZB_OP_TEXT)
            continue;
          text = pango_layout_get_text (line->layout);
          start = text + line->start_index;
          end = start + line->length;
          last_line = *end == '\0';
          n_lines++;
          if (line->start_index > 0 && line->length > 0
              && g_utf8_strchr (closing_marks, -1, g_utf8_get_char (start)) != NULL)
            g_error ("A line starts with closing punctuation: “%.*s”", line->length, start);
          if (!last_line && line->length > 0
              && g_utf8_strchr (opening_marks, -1, g_utf8_get_char (g_utf8_prev_char (end)))
                     != NULL)
            g_error ("A line ends with opening punctuation: “%.*s”", line->length, start);
          if (!last_line && line->length > 0 && strncmp (end, "…", 3) == 0
              && strncmp (g_utf8_prev_char (end), "…", 3) == 0)
            g_error ("An ellipsis is split: “%.*s”", line->length, start);
        }
    }
  return n_lines;
}

/* Chinese line breaking: text full of punctuation in cells of every width
 * from three characters up, where Pango alone would break before a comma
 * once a run does not fit (PANGO_WRAP_WORD_CHAR). */
static void
test_line_breaking (void)
{
  static const char *const texts[] = {
    "我们，今天开会。讨论（一）《党章》「学习」：内容；结束、好的！是吗？他说“你好”。",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ，（ABCDEFGHIJKLMNOP）。",
    "根据《中国共产党发展党员工作细则》（2014年）……经支部大会讨论——一致同意。",
    "370102198503150012，370102198503150034；370102198503150056。",
  };
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);

  for (guint w = 3; w <= 60; w++)
    {
      g_autoptr (ZbTable) table = zb_table_new ();

      zb_table_add_column (table, NULL, w, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
      zb_table_add_column (table, NULL, 120 - w, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        zb_table_append_row (table, (const char *[]){ texts[t], "", NULL });
      zb_document_add_table (doc, table);
    }
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    zb_document_add_paragraph (doc, texts[t]);

  g_assert_cmpuint (check_line_breaks (doc), >, 1000);
}

static void
test_pdf_file (void)
{
  g_autoptr (ZbDocument) doc = sample_meeting_form ();
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "render-file-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GDir) listing = NULL;
  gsize length;
  struct stat st;

  g_assert_nonnull (g_mkdtemp (dir));
  path = g_build_filename (dir, "会议记录.pdf", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* A failed export leaves what was there, and no temporary file. */
  g_cancellable_cancel (cancelled);
  g_assert_false (zb_renderer_render_to_pdf_file (renderer, path, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "会议记录.pdf");
  g_assert_null (g_dir_read_name (listing));

  g_assert_true (zb_renderer_render_to_pdf_file (renderer, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A folder that does not exist: a sentence, not a crash. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "no-such-folder", "a.pdf", NULL);
  g_assert_false (zb_renderer_render_to_pdf_file (renderer, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "会议记录.pdf", NULL);
  g_unlink (path);
  g_rmdir (dir);
}

/* The preview and the printer draw pages on their own surfaces, at their own
 * paper size. */
static void
test_draw_page (void)
{
  g_autoptr (ZbDocument) doc = sample_resolution (40);
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint a4, letter;
  guchar *data;
  gboolean inked = FALSE;

  /* Drawing before paginating paginates on A4. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  zb_renderer_draw_page (renderer, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int i = 0; i < cairo_image_surface_get_stride (surface) * 421 && !inked; i += 4)
    inked = data[i] < 128;
  cairo_surface_destroy (surface);
  g_assert_true (inked);

  a4 = zb_renderer_get_n_pages (renderer);
  letter = zb_renderer_paginate (renderer, 612, 792);
  g_assert_cmpuint (a4, >=, 3);
  g_assert_cmpuint (letter, >=, 3);
}

/* GB/T 9704: no page may hold the signatures alone. Whatever the length of
 * the text before them, the page with the signature lines also has the last
 * paragraph (散会); a page of signatures alone appears without the rule for
 * some of these lengths. */
static void
test_signatures_not_alone (void)
{
  guint carried = 0;

  for (guint n = 14; n <= 40; n++)
    {
      g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
      g_autoptr (GDateTime) date = sample_date ();
      const char *signers[] = { "主持人（签字）：", "记录人（签字）：", NULL };
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (TestPdf) pdf = NULL;
      g_autofree char *last = NULL;
      int n_pages;

      zb_document_set_number (doc, "ZB-2026-000777");
      zb_document_set_print_date (doc, date);
      zb_document_add_title (doc, "会议记录");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = g_strdup_printf ("第%u项：讨论事项记录。", i + 1);

          zb_document_add_paragraph (doc, text);
        }
      zb_document_add_paragraph (doc, "散会。");
      zb_document_add_signatures (doc, signers, NULL);

      bytes = render_pdf (doc);
      pdf = load_pdf (bytes);
      n_pages = poppler_document_get_n_pages (pdf);
      last = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
      g_assert_nonnull (strstr (last, "主持人（签字）"));
      {
        g_autofree char *page_text = pdf_text_compact (pdf, n_pages - 1);

        g_assert_nonnull (strstr (page_text, "主持人（签字）"));
        g_assert_nonnull (strstr (page_text, "散会"));
        if (n_pages > 1 && strstr (page_text, "讨论事项") == NULL)
          carried++;
      }
    }
  /* the range holds lengths where only 散会 fits before the page ends */
  g_test_message ("散会 carried over with the signatures %u times", carried);
}

/* A heading goes along with the block it heads: when the signatures take
 * the last paragraph to a new page, a heading just before that paragraph
 * does not stay behind alone at the foot of the page before. */
static void
test_heading_carried_with_signatures (void)
{
  guint carried = 0;

  for (guint n = 12; n <= 40; n++)
    {
      g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
      g_autoptr (GDateTime) date = sample_date ();
      const char *signers[] = { "谈话人（签字）：", "谈话对象（签字）：", NULL };
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (TestPdf) pdf = NULL;
      g_autofree char *page_text = NULL;
      g_autofree char *before = NULL;
      int n_pages;

      zb_document_set_number (doc, "ZB-2026-000778");
      zb_document_set_print_date (doc, date);
      zb_document_add_title (doc, "谈心谈话记录表");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = g_strdup_printf ("第%u段：谈话内容记录。", i + 1);

          zb_document_add_paragraph (doc, text);
        }
      zb_document_add_heading (doc, "三、后续措施");
      zb_document_add_paragraph (doc, "以上记录经谈话双方核对无误。");
      zb_document_add_signatures (doc, signers, NULL);

      bytes = render_pdf (doc);
      pdf = load_pdf (bytes);
      n_pages = poppler_document_get_n_pages (pdf);
      page_text = pdf_text_compact (pdf, n_pages - 1);
      g_assert_nonnull (strstr (page_text, "谈话人（签字）"));
      g_assert_nonnull (strstr (page_text, "核对无误"));
      /* The heading is on the page of what it heads, never before it. */
      g_assert_nonnull (strstr (page_text, "后续措施"));
      if (n_pages > 1)
        {
          before = pdf_text_compact (pdf, n_pages - 2);
          g_assert_null (strstr (before, "后续措施"));
          if (strstr (page_text, "谈话内容记录") == NULL)
            carried++;
        }
    }
  g_test_message ("heading carried over with the signatures %u times", carried);
}

static void
test_fonts (void)
{
  for (guint role = 0; role < ZB_N_FONTS; role++)
    {
      const char *family = _zb_render_font_family (role);

      g_assert_nonnull (family);
      /* fonts-noto-cjk is always there to fall back on. */
      g_assert_true (strstr (family, "Noto") != NULL || strstr (family, ",") != NULL
                     || role == ZB_FONT_MONO);
    }
}

int
main (int argc, char *argv[])
{
  /* Messages with Chinese text must not come out as question marks. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/recovery-sheet", test_recovery_sheet);
  g_test_add_func ("/render/register", test_register);
  g_test_add_func ("/render/meeting-form", test_meeting_form);
  g_test_add_func ("/render/fields", test_fields);
  g_test_add_func ("/render/resolution", test_resolution);
  g_test_add_func ("/render/cells-fit", test_cells_fit);
  g_test_add_func ("/render/tall-row", test_tall_row);
  g_test_add_func ("/render/line-breaking", test_line_breaking);
  g_test_add_func ("/render/pdf-file", test_pdf_file);
  g_test_add_func ("/render/draw-page", test_draw_page);
  g_test_add_func ("/render/signatures-not-alone", test_signatures_not_alone);
  g_test_add_func ("/render/heading-carried-with-signatures", test_heading_carried_with_signatures);
  g_test_add_func ("/render/fonts", test_fonts);

  return g_test_run ();
}
