#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the built metainfo without network access and checks that the
# zh_CN translation was merged into it (software centres show it).
set -eu
metainfo=$1

if command -v appstreamcli >/dev/null 2>&1; then
  appstreamcli validate --no-net --explain "$metainfo"
elif command -v appstream-util >/dev/null 2>&1; then
  appstream-util validate-relax --nonet "$metainfo"
else
  echo "FAIL: neither appstreamcli nor appstream-util is installed" >&2
  exit 1
fi

for tag in name summary; do
  if ! grep -q "<${tag} xml:lang=\"zh_CN\">" "$metainfo"; then
    echo "FAIL: $metainfo has no <${tag} xml:lang=\"zh_CN\">: the Chinese translation was not merged" >&2
    exit 1
  fi
done
echo "ok: $metainfo is valid and translated"
