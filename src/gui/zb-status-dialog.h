/* zb-status-dialog.h — recording one status change of a member: 转正, 转接, 流动, 失联, 出党 …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_STATUS_DIALOG (zb_status_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbStatusDialog, zb_status_dialog, ZB, STATUS_DIALOG, AdwWindow)

/* A dialog over @parent asking for the date and details of @kind for @member,
 * recorded through zb_member_repo_record_event(). Signals: "recorded" (const
 * char *message) — a sentence for a toast; the dialog then closes. Changes
 * that take the member off the roster ask to confirm first. */
ZbStatusDialog *zb_status_dialog_new (GtkWindow *parent, ZbMemberRepo *repo,
                                      const ZbMemberRecord *member, ZbMemberEventKind kind);

/* Stable names for actions: "full-membership", "transfer-in", "transfer-out",
 * "flow-start", "flow-end", "lost-contact", "contact-restored", "suspend",
 * "restore", "leave", "death". */
const char *zb_status_dialog_kind_to_nick (ZbMemberEventKind kind);
gboolean zb_status_dialog_kind_from_nick (const char *nick, ZbMemberEventKind *kind);
/* 转正, 组织关系转入 … (translated). */
const char *zb_status_dialog_kind_get_label (ZbMemberEventKind kind);
/* Whether @kind can happen to @member as they are now (转正 only for a
 * probationary member, 流动结束 only for a flowing one, …). */
gboolean zb_status_dialog_kind_applies (ZbMemberEventKind kind, const ZbMemberRecord *member);
/* The details of @event in one line ("转往：…；介绍信编号：…"), or NULL. */
char *zb_status_dialog_describe_event (const ZbMemberEvent *event);

/* For tests: the field named as in ZbMemberEvent ("date", "counterpart",
 * "letter_number", "dues_paid_until", "notes") or NULL if @kind has none;
 * the "reason" drop-down; and pressing 记录. */
GtkWidget *zb_status_dialog_get_field (ZbStatusDialog *self, const char *name);
GtkWidget *zb_status_dialog_get_record_button (ZbStatusDialog *self);

G_END_DECLS
