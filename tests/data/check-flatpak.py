#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Static checks of the Flatpak manifest (flatpak-builder is not needed).

Usage: check-flatpak.py MANIFEST APP_ID

Fails when the manifest is not JSON, its id is not APP_ID, its command is not
zhibu, it grants home/host file access, a downloaded source (archive, file,
patch) lacks a url or a 64-hex sha256, or the app module does not build the
checkout itself with meson.
"""

import json
import os
import re
import sys

SHA256 = re.compile(r'^[0-9a-f]{64}$')
DOWNLOADED = ('archive', 'file', 'patch')
FORBIDDEN_ARGS = re.compile(r'^--filesystem=(home|host|host-os|host-etc|~)(?:[:/].*)?$')

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message)


def check_sources(module_name, sources):
    for i, source in enumerate(sources):
        where = f'module "{module_name}" source {i}'
        if not isinstance(source, dict):
            fail(f'{where} is not an object')
            continue
        kind = source.get('type')
        if kind not in DOWNLOADED:
            continue
        if kind in ('file', 'patch') and 'path' in source and 'url' not in source:
            continue  # a file kept in this repository: nothing is downloaded
        url = source.get('url') or (source.get('mirror-urls') or [None])[0]
        if not url or not re.match(r'^https://', url):
            fail(f'{where} ({kind}) has no https url')
        if not SHA256.match(str(source.get('sha256', ''))):
            fail(f'{where} ({kind}) has no 64-hex sha256')


def walk_modules(modules, base_dir, found):
    for module in modules:
        if isinstance(module, str):  # a module kept in its own file
            path = os.path.join(base_dir, module)
            try:
                with open(path, encoding='utf-8') as f:
                    module = json.load(f)
            except (OSError, ValueError) as e:
                fail(f'module file {module}: {e}')
                continue
        if not isinstance(module, dict) or 'name' not in module:
            fail(f'a module has no name: {module!r:.80}')
            continue
        found.append(module)
        check_sources(module['name'], module.get('sources', []))
        walk_modules(module.get('modules', []), base_dir, found)


def main():
    manifest_path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f'{manifest_path} is not valid JSON: {e}')
        return 1

    manifest_id = manifest.get('id', manifest.get('app-id'))
    if manifest_id != app_id:
        fail(f'the manifest id is {manifest_id!r}, the application id is {app_id!r}')
    if os.path.basename(manifest_path) != app_id + '.json':
        fail(f'the manifest file should be named {app_id}.json')
    if manifest.get('command') != 'zhibu':
        fail(f'command is {manifest.get("command")!r}, not "zhibu"')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('runtime/sdk must be org.gnome.Platform / org.gnome.Sdk')
    if not manifest.get('runtime-version'):
        fail('runtime-version is missing')
    for arg in manifest.get('finish-args', []):
        if FORBIDDEN_ARGS.match(arg):
            fail(f'finish-args grants file access ({arg}); use the file chooser portal')

    modules = []
    walk_modules(manifest.get('modules', []), os.path.dirname(manifest_path), modules)
    names = [m['name'] for m in modules]
    if 'sqlcipher' not in names:
        fail('no sqlcipher module: the GNOME runtime has no SQLCipher')
    if not modules or modules[-1]['name'] != 'zhibu':
        fail('the last module must be the application, "zhibu"')
    else:
        app = modules[-1]
        if app.get('buildsystem') != 'meson':
            fail('the zhibu module must build with meson')
        dirs = [s for s in app.get('sources', []) if s.get('type') == 'dir']
        if not dirs or dirs[0].get('path') != '..':
            fail('the zhibu module must build this checkout (type dir, path "..")')

    if failures:
        print(f'{len(failures)} problem(s) in {manifest_path}', file=sys.stderr)
        return 1
    print(f'ok: {manifest_path}: {len(modules)} modules, every download pinned by sha256')
    return 0


if __name__ == '__main__':
    sys.exit(main())
