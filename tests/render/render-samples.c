/* render-samples.c — sample documents and PDF helpers for the renderer's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "render-samples.h"

/* Name characters share none with the other columns, so that a name can only
 * be found where it was printed. */
static const char *const surnames[]
    = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹" };
static const char *const given[]
    = { "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "建", "志", "红", "玉",
        "海", "燕", "春", "晓", "丹", "宇", "鹏", "飞", "雪", "琳", "婷", "倩" };

GDateTime *
sample_date (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return g_date_time_new (tz, 2026, 11, 27, 9, 30, 0);
}

ZbSecret *
sample_key (void)
{
  return zb_secret_new_from_hex (SAMPLE_KEY_HEX, NULL);
}

static char *
sample_name (guint i)
{
  guint n = G_N_ELEMENTS (given);
  guint a = (i / G_N_ELEMENTS (surnames)) % n;
  guint b = (a + 1 + (i / (G_N_ELEMENTS (surnames) * n)) % (n - 1)) % n;

  return g_strconcat (surnames[i % G_N_ELEMENTS (surnames)], given[a], given[b], NULL);
}

char *
sample_id_number (guint i)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  char id[19];
  int sum = 0;

  g_snprintf (id, 18, "370102%04u%02u%02u%03u", 1960 + i % 45, 1 + i % 12, 1 + i % 28, i % 1000);
  for (int k = 0; k < 17; k++)
    sum += (id[k] - '0') * weights[k];
  id[17] = check[sum % 11];
  id[18] = '\0';
  return g_strdup (id);
}

char *
sample_remark (guint i)
{
  if (i % 7 != 3)
    return NULL;
  return g_strdup_printf (
      "第%u号：2025年度民主评议为合格，按期参加组织生活，已于本年度按时足额交纳党费。", i);
}

ZbDocument *
sample_register (guint n_rows, GPtrArray **names)
{
  static const struct
  {
    const char *title;
    double weight;
    PangoAlignment align;
  } columns[] = {
    /* Weight 0: as wide as the widest entry. */
    { "序号", 0, PANGO_ALIGN_CENTER },         { "姓名", 0, PANGO_ALIGN_CENTER },
    { "性别", 0, PANGO_ALIGN_CENTER },         { "民族", 0, PANGO_ALIGN_CENTER },
    { "出生年月", 0, PANGO_ALIGN_CENTER },     { "籍贯", 0, PANGO_ALIGN_CENTER },
    { "学历", 0, PANGO_ALIGN_CENTER },         { "入党时间", 0, PANGO_ALIGN_CENTER },
    { "转正时间", 0, PANGO_ALIGN_CENTER },     { "人员类别", 0, PANGO_ALIGN_CENTER },
    { "工作单位及职务", 1, PANGO_ALIGN_LEFT }, { "公民身份号码", 0, PANGO_ALIGN_CENTER },
    { "联系电话", 0, PANGO_ALIGN_CENTER },     { "党小组", 0, PANGO_ALIGN_CENTER },
    { "备注", 1, PANGO_ALIGN_LEFT },
  };
  static const char *const units[]
      = { "社区居委会 主任", "街道办事处 科员", "第一小学 教师", "退休",
          "个体经营",        "市供电公司 职工" };
  static const char *const places[] = { "山东济南", "河北保定", "江苏徐州", "安徽阜阳" };
  static const char *const education[] = { "大学本科", "大专", "高中", "研究生" };
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_REGISTER);
  g_autoptr (ZbTable) table = zb_table_new ();
  g_autoptr (GDateTime) date = sample_date ();

  zb_document_set_number (doc, "ZB-2026-000124");
  zb_document_set_title (doc, "党员名册");
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, "党员名册");
  zb_document_add_text (doc, ZB_TEXT_CLOSING, "统计截至：2026年11月27日");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    zb_table_add_column (table, columns[c].title, columns[c].weight, columns[c].align,
                         PANGO_WRAP_WORD_CHAR);
  /* Fifteen columns across A4: 小五, as dense registers are printed. */
  zb_table_set_font_size (table, 9.0);
  if (names != NULL)
    *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = sample_name (i);
      g_autofree char *born = g_strdup_printf ("%u.%02u", 1960 + i % 45, 1 + i % 12);
      g_autofree char *joined = g_strdup_printf ("%u.%02u", 1985 + i % 38, 1 + (i * 5) % 12);
      g_autofree char *full = g_strdup_printf ("%u.%02u", 1986 + i % 38, 1 + (i * 5) % 12);
      g_autofree char *id = sample_id_number (i);
      g_autofree char *phone = g_strdup_printf ("138%08u", 10000000 + i * 7919 % 89999999);
      g_autofree char *group = g_strdup_printf ("第%u组", 1 + i % 4);
      g_autofree char *remark = sample_remark (i);
      const char *cells[] = { serial,
                              name,
                              i % 3 == 0 ? "女" : "男",
                              i % 11 == 0 ? "回族" : "汉族",
                              born,
                              places[i % 4],
                              education[i % 4],
                              joined,
                              i % 13 == 0 ? "" : full,
                              i % 13 == 0 ? "预备党员" : "正式党员",
                              units[i % 6],
                              id,
                              phone,
                              group,
                              remark != NULL ? remark : "",
                              NULL };

      zb_table_append_row (table, cells);
      if (names != NULL)
        g_ptr_array_add (*names, g_steal_pointer (&name));
    }
  zb_document_add_table (doc, table);
  return doc;
}

ZbDocument *
sample_meeting_form (void)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbTable) table = zb_table_new ();
  g_autoptr (GDateTime) date = sample_date ();
  const char *signers[] = { "主持人（签字）：", "记录人（签字）：", NULL };
  guint r;

  zb_document_set_number (doc, "ZB-2026-000123");
  zb_document_set_title (doc, "支部委员会会议记录");
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, "支部委员会会议记录");

  zb_table_add_column (table, NULL, 1.2, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 2.3, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.2, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 2.3, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);

  r = zb_table_append_row (table,
                           (const char *[]){ "会议名称", "2026年第11次支部委员会会议", NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  zb_table_append_row (table, (const char *[]){ "时间", "2026年11月27日 14:30—16:00", "地点",
                                                "社区党员活动室", NULL });
  zb_table_append_row (table, (const char *[]){ "主持人", "张建国（支部书记）", "记录人",
                                                "李秀英（组织委员）", NULL });
  r = zb_table_append_row (table, (const char *[]){ "出席情况", "应到5人，实到4人。", NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  zb_table_set_span (table, r, 0, 2, 1);
  r = zb_table_append_row (table,
                           (const char *[]){ "", "缺席：王海燕（外出学习，已请假）。", NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  r = zb_table_append_row (table, (const char *[]){ "列席人员", "无", NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  r = zb_table_append_row (
      table, (const char *[]){ "议题",
                               "一、讨论确定2名同志为发展对象；二、研究第四季度主题党日安排；"
                               "三、通报党费收缴情况。",
                               NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  r = zb_table_append_row (
      table,
      (const char *[]){
          "会议内容",
          "张建国同志传达了街道党工委关于做好年度发展党员工作的通知要求（街工委〔2026〕15号），"
          "介绍了入党积极分子赵明、陈丽的培养考察情况：两名同志均已参加党校培训并结业，"
          "培养联系人每半年考察意见齐全，群众评议较好。与会委员逐一发表意见。"
          "李秀英同志通报：截至11月底，本支部党员应交党费12,480.00元，实交12,480.00元，"
          "无欠交情况。会议对第四季度主题党日作了安排：12月上旬组织党员到革命纪念馆开展现场教学，"
          "12月下旬召开组织生活会，会前开展谈心谈话，做到“四必谈”。",
          NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  zb_table_set_cell_alignment (table, r, 1, PANGO_ALIGN_LEFT, ZB_VALIGN_TOP);
  zb_table_set_row_min_height (table, r, 150);
  r = zb_table_append_row (table,
                           (const char *[]){ "表决情况", "赞成4票，反对0票，弃权0票。", NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  r = zb_table_append_row (
      table, (const char *[]){ "决定事项",
                               "同意确定赵明、陈丽2名同志为发展对象，报街道党工委备案；"
                               "第四季度主题党日按上述安排进行。",
                               NULL });
  zb_table_set_span (table, r, 1, 1, 3);
  zb_document_add_table (doc, table);

  zb_document_add_signatures (doc, signers, NULL);
  return doc;
}

char *
sample_paragraph (guint i)
{
  switch (i % 3)
    {
    case 0:
      return g_strdup_printf (
          "第%u项：根据《中国共产党发展党员工作细则》和上级党组织的有关要求，支部委员会对入党积极"
          "分子的培养教育和考察情况进行了认真研究，认为该同志入党动机端正，能够认真学习党的理论，"
          "在工作中起到了带头作用。",
          i + 1);
    case 1:
      return g_strdup_printf (
          "第%u项：支部大会应到有表决权的正式党员23名，实到21名（2名因病请假，未提交书面意见），"
          "超过应到会人数的半数。经无记名投票表决，赞成21票，不赞成0票，弃权0票。",
          i + 1);
    default:
      return g_strdup_printf (
          "第%u项：与会党员一致认为，该同志能够履行党员义务，遵守党的纪律，按时交纳党费，"
          "积极参加组织生活；也指出了“联系群众不够广泛”“理论学习还需深入”等不足，希望其今后"
          "加以改进。",
          i + 1);
    }
}

ZbDocument *
sample_resolution (guint n_paragraphs)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (GDateTime) date = sample_date ();

  zb_document_set_number (doc, "ZB-2026-000125");
  zb_document_set_title (doc, "支部大会决议");
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, "中共某某街道第一社区支部委员会\n关于接收赵明同志为预备党员的决议");
  zb_document_add_subtitle (doc, "（2026年11月27日支部大会通过）");
  zb_document_add_text (doc, ZB_TEXT_PLAIN, "街道党工委：");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *text = sample_paragraph (i);

      if (i % 6 == 5)
        {
          g_autofree char *heading = g_strdup_printf ("%s、补充说明", (i / 6) % 2 ? "三" : "二");

          zb_document_add_heading (doc, heading);
        }
      zb_document_add_paragraph (doc, text);
    }
  zb_document_add_spacer (doc, 1);
  zb_document_add_text (doc, ZB_TEXT_CLOSING, "中共某某街道第一社区支部委员会");
  zb_document_add_text (doc, ZB_TEXT_CLOSING, "2026年11月27日");
  return doc;
}

GBytes *
render_pdf (ZbDocument *doc)
{
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_renderer_render_to_pdf (renderer, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

PopplerDocument *
load_pdf (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
pdf_text_compact (PopplerDocument *pdf, int page)
{
  GString *all = g_string_new (NULL);
  int first = page < 0 ? 0 : page;
  int last = page < 0 ? poppler_document_get_n_pages (pdf) : page + 1;

  for (int i = first; i < last; i++)
    {
      g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (p);
      g_autofree char *c = compact (text);

      g_string_append (all, c);
    }
  return g_string_free (all, FALSE);
}

/* poppler_page_get_text_for_area() selects in reading order from one corner
 * to the other, which takes the running header in; filter the characters by
 * their boxes instead (get_text_layout() has one box per character of
 * get_text()). */
char *
pdf_body_text_compact (PopplerDocument *pdf, ZbPageSetup setup)
{
  GString *all = g_string_new (NULL);
  ZbPageGeometry geo;

  zb_page_setup_get_geometry (setup, &geo);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (p);
      g_autofree PopplerRectangle *boxes = NULL;
      guint n_boxes = 0, k = 0;

      g_assert_true (poppler_page_get_text_layout (p, &boxes, &n_boxes));
      for (const char *c = text; *c != '\0' && k < n_boxes; c = g_utf8_next_char (c), k++)
        {
          gunichar ch = g_utf8_get_char (c);
          double mid = (boxes[k].y1 + boxes[k].y2) / 2;

          if (g_unichar_isspace (ch) || ch == 0x3000)
            continue;
          if (mid > geo.margin_top && mid < geo.paper_height - geo.margin_bottom)
            g_string_append_unichar (all, ch);
        }
    }
  return g_string_free (all, FALSE);
}

guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;
  gsize len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;
  return n;
}

cairo_surface_t *
render_page_image (PopplerDocument *pdf, int page, double dpi)
{
  g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, page);
  double w, h, scale = dpi / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (p, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(w * scale + 0.5),
                                        (int)(h * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (p, cr);
  cairo_destroy (cr);
  return surface;
}
