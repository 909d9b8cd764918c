/* zb-recovery-sheet.c — the printed recovery key of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-audit.h"
#include "zb-recovery-sheet.h"

/* The sheet's text is official wording in Chinese, whatever the language of
 * the interface, so none of it is marked for translation. */

static char *
sheet_number (const char *uuid)
{
  GString *number = g_string_new ("ZB-KEY-");

  for (const char *p = uuid; *p != '\0' && number->len < 15; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (number, g_ascii_toupper (*p));
  return g_string_free (number, FALSE);
}

ZbDocument *
zb_recovery_sheet_new (const char *org_name, const char *uuid, GDateTime *date, const ZbSecret *key)
{
  g_autoptr (ZbDocument) doc = NULL;
  g_autofree char *number = NULL;
  const char *keeper[] = { "保管人（签字）：", NULL };
  char *grouped;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (zb_secret_get_kind (key) == ZB_SECRET_RAW_KEY, NULL);

  number = sheet_number (uuid);

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_number (doc, number);
  zb_document_set_title (doc, "恢复密钥单");
  zb_document_set_org_name (doc, org_name);
  zb_document_set_print_date (doc, date);

  zb_document_add_title (doc, "恢复密钥单");
  zb_document_add_field (doc, "单位名称：", org_name != NULL ? org_name : "");
  zb_document_add_field (doc, "工作区编号：", uuid);
  /* The date it was made is the print date in the footer. */

  zb_document_add_heading (doc, "一、恢复密钥");
  grouped = zb_secret_dup_grouped_hex (key);
  zb_document_add_secret_key (doc, grouped);
  zb_secret_wipe_string (grouped);
  zb_document_add_text (doc, ZB_TEXT_NOTE, "共16组，每组4个字符；右边的二维码与之内容相同。");

  /* Instructions in 四号 rather than 三号, so that the sheet stays one page. */
  zb_document_add_heading (doc, "二、保管要求");
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "恢复密钥就是本单位党务数据文件的钥匙：谁拿到本单和数据文件，谁就能"
                        "看到全部党员信息。请将本单锁入保密柜，与电脑分开存放；不要拍照、复印，"
                        "不要用微信、电子邮件传送。更改了数据文件的保护方式后，本单即作废，"
                        "请用碎纸机销毁。");

  zb_document_add_heading (doc, "三、什么时候使用");
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "换了电脑、重装了系统，或者密钥环丢失、软件不能自动解锁时，在“支部党务”"
                        "中选择“用恢复密钥打开”，选中数据文件，照本单输入恢复密钥（字母不分"
                        "大小写，空格可以不输）。技术人员也可以运行下面的命令，密钥文件中写入"
                        "本单的64个字符：");
  zb_document_add_text (doc, ZB_TEXT_CODE, "zhibu-cli recover --db 数据文件 --key-file 密钥文件");

  zb_document_add_signatures (doc, keeper, NULL);

  return g_steal_pointer (&doc);
}

gboolean
zb_recovery_sheet_record_recovery (ZbDatabase *db, ZbProtection protection, GError **error)
{
  const char *after = protection == ZB_PROTECTION_PASSPHRASE
                          ? "{\"with\":\"recovery_key\",\"protection\":\"passphrase\"}"
                          : "{\"with\":\"recovery_key\",\"protection\":\"keyring\"}";

  g_return_val_if_fail (ZB_IS_DATABASE (db), FALSE);

  return zb_audit_append (db, "recover", "workspace", zb_database_get_uuid (db), NULL, after,
                          error);
}
