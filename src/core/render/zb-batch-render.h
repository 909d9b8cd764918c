/* zb-batch-render.h — several documents into one PDF, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"

G_BEGIN_DECLS

/* Called on the thread-default main context of the caller of
 * zb_batch_render_async() after each document: @done of @total are in the PDF.
 * Calls may be merged when the main context is busy; the last one always
 * comes, before the callback. */
typedef void (*ZbBatchProgressFunc) (guint done, guint total, gpointer user_data);

/* Lays out and draws @documents (a GPtrArray of ZbDocument, each with its
 * number) one after another into one PDF, in a worker thread: into @file
 * (replaced only once the PDF is complete, as zb_renderer_render_to_pdf_file
 * does) or, when @file is NULL, into memory. Each document keeps its own paper
 * (portrait forms and landscape registers can share a PDF). The array is
 * referenced, and neither it nor the documents may change until @callback
 * runs. A single document is written by zb_renderer_render_to_pdf(), with its
 * title and number in the PDF's metadata. Cancelling @cancellable stops between
 * pages and leaves @file as it was. */
void zb_batch_render_async (GPtrArray *documents, GFile *file, ZbBatchProgressFunc progress,
                            gpointer progress_data, GDestroyNotify progress_destroy,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data);
/* On success *pdf (when not NULL) is the PDF when rendered into memory (NULL
 * for a file), and *page_counts (when not NULL) a GArray of guint: the pages of
 * each document in order. */
gboolean zb_batch_render_finish (GAsyncResult *result, GBytes **pdf, GArray **page_counts,
                                 GError **error);

/* The same, synchronously on the calling thread (no progress). */
gboolean zb_batch_render_sync (GPtrArray *documents, GFile *file, GBytes **pdf,
                               GArray **page_counts, GCancellable *cancellable, GError **error);

G_END_DECLS
