#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation completeness check for the 'data' test suite.

Usage: check-po.py SOURCE_ROOT

Fails (exit 1), naming what is wrong, when
  (b) a source file with translatable strings is missing from po/POTFILES.in
      (or POTFILES.in lists a file that does not exist), or
  (a) a message extracted from the files in POTFILES.in has no translation,
      or only a fuzzy one, in a po/<lang>.po listed in po/LINGUAS, or a
      translation does not compile (msgfmt --check: format strings, header).

Strings are extracted the way meson's i18n.gettext(preset: 'glib') does, so
the test sees exactly the messages the zhibu-pot target would produce.
"""

import os
import re
import subprocess
import sys
import tempfile

# Same keywords and flags as meson's 'glib' preset, plus ngettext.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# Format strings must match the English; the header is not checked (the
# lead's po header is deliberately short).
MSGFMT_CHECKS = ['--check-format', '--check-domain']

# A C string literal handed to a gettext macro: `_ ("…")`, `C_ ("ctx", "…")`.
C_MARK = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(\s*"'
    r'|(?<![A-Za-z0-9_])(?:g_dngettext|g_dpgettext2|g_dcgettext|ngettext)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)
SCHEMA_MARK = re.compile(r'<schemalist[^>]*\bgettext-domain\s*=', re.S)

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message)


def read_list(path):
    """Lines of POTFILES.in or LINGUAS, without comments and blanks."""
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            # POTFILES.in may carry a "[type: gettext/glade]" prefix.
            line = re.sub(r'^\[[^\]]*\]\s*', '', line)
            if line:
                entries.extend(line.split() if path.endswith('LINGUAS') else [line])
    return entries


def strip_c_comments(text):
    # Remove comments but keep string literals intact (a "//" inside a
    # string is not a comment).
    out, pos = [], 0
    for m in re.finditer(r'"(?:\\.|[^"\\\n])*"|/\*.*?\*/|//[^\n]*', text, re.S):
        out.append(text[pos:m.start()])
        out.append(m.group(0) if m.group(0).startswith('"') else ' ')
        pos = m.end()
    out.append(text[pos:])
    return ''.join(out)


def has_translatable_strings(root, rel):
    path = os.path.join(root, rel)
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if rel.endswith(('.c', '.h')):
        return bool(C_MARK.search(strip_c_comments(text)))
    if rel.endswith('.ui'):
        return bool(UI_MARK.search(text))
    if rel.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    if rel.endswith('.gschema.xml'):
        return bool(SCHEMA_MARK.search(text))
    return False


def candidate_files(root):
    """Files whose strings users may see: src/ C code, ui/ templates, data/."""
    rules = [
        ('src', ('.c', '.h')),
        ('ui', ('.ui',)),
        ('data', ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in', '.gschema.xml')),
    ]
    for top, suffixes in rules:
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(suffixes):
                    yield os.path.relpath(os.path.join(dirpath, name), root)


def check_potfiles(root, potfiles):
    listed = set(potfiles)
    for rel in potfiles:
        if not os.path.isfile(os.path.join(root, rel)):
            fail(f'po/POTFILES.in lists {rel}, which does not exist')
    for rel in candidate_files(root):
        if rel not in listed and has_translatable_strings(root, rel):
            fail(f'{rel} has translatable strings but is not listed in po/POTFILES.in')


def unquote(s):
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        return ''
    return bytes(s[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def parse_po(path):
    """Minimal PO reader: a list of dicts with ctxt, id, plural, strs, flags."""
    entries, cur, field = [], None, None

    def flush():
        if cur is not None and 'id' in cur:
            entries.append(cur)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if line.startswith('#~'):
                continue  # obsolete entries do not matter
            if not line.strip():
                flush()
                cur, field = None, None
                continue
            if cur is None:
                cur = {'ctxt': None, 'plural': None, 'strs': {}, 'flags': set()}
            if line.startswith('#,'):
                cur['flags'].update(x.strip() for x in line[2:].split(','))
            elif line.startswith('#'):
                continue
            elif line.startswith('msgctxt '):
                field = ('ctxt',)
                cur['ctxt'] = unquote(line[8:])
            elif line.startswith('msgid_plural '):
                field = ('plural',)
                cur['plural'] = unquote(line[13:])
            elif line.startswith('msgid '):
                if 'id' in cur:  # entries without a blank line between them
                    flush()
                    cur = {'ctxt': None, 'plural': None, 'strs': {}, 'flags': set()}
                field = ('id',)
                cur['id'] = unquote(line[6:])
            elif line.startswith('msgstr['):
                n = int(line[7:line.index(']')])
                field = ('strs', n)
                cur['strs'][n] = unquote(line[line.index(']') + 1:])
            elif line.startswith('msgstr '):
                field = ('strs', 0)
                cur['strs'][0] = unquote(line[7:])
            elif line.startswith('"') and field:
                if field[0] == 'strs':
                    cur['strs'][field[1]] += unquote(line)
                else:
                    cur[field[0]] = (cur[field[0]] or '') + unquote(line)
    flush()
    return entries


def describe(entry):
    text = entry['id'].replace('\n', '\\n')
    if len(text) > 70:
        text = text[:67] + '...'
    return f'"{text}"' + (f' (context "{entry["ctxt"]}")' if entry['ctxt'] else '')


def check_translations(root, potfiles, languages, tmp):
    pot = os.path.join(tmp, 'zhibu.pot')
    listfile = os.path.join(tmp, 'POTFILES')
    with open(listfile, 'w', encoding='utf-8') as f:
        f.write(''.join(p + '\n' for p in potfiles))

    if potfiles:
        r = subprocess.run(['xgettext', *XGETTEXT_ARGS, '--package-name=zhibu',
                            '--force-po', '--no-wrap', '-D', root, '-f', listfile,
                            '-o', pot],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail('xgettext could not extract the strings:\n' + r.stderr.strip())
            return
        if r.stderr.strip():
            print(r.stderr.strip())
    else:
        with open(pot, 'w', encoding='utf-8') as f:
            f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')

    n_messages = sum(1 for e in parse_po(pot) if e['id'])
    print(f'{n_messages} messages extracted from {len(potfiles)} files in po/POTFILES.in')

    for lang in languages:
        po = os.path.join(root, 'po', lang + '.po')
        if not os.path.isfile(po):
            fail(f'po/LINGUAS lists {lang} but po/{lang}.po does not exist')
            continue

        # The translation as committed must compile cleanly by itself.
        r = subprocess.run(['msgfmt', *MSGFMT_CHECKS, '-o', os.devnull, po],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f'po/{lang}.po does not compile:\n' + r.stderr.strip())
            continue

        merged = os.path.join(tmp, lang + '.po')
        r = subprocess.run(['msgmerge', '--quiet', '--no-wrap', '--force-po',
                            '-o', merged, po, pot],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f'msgmerge failed for po/{lang}.po:\n' + r.stderr.strip())
            continue

        r = subprocess.run(['msgfmt', *MSGFMT_CHECKS, '--statistics', '-o', os.devnull, merged],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        stats = r.stderr.strip()
        print(f'po/{lang}.po: {stats}')
        if r.returncode != 0:
            fail(f'po/{lang}.po does not compile against the current strings:\n{stats}')

        entries = [e for e in parse_po(merged) if e['id']]
        untranslated = [e for e in entries
                        if 'fuzzy' not in e['flags']
                        and (not e['strs'] or any(not s for s in e['strs'].values()))]
        fuzzy = [e for e in entries if 'fuzzy' in e['flags']]
        for e in untranslated:
            fail(f'po/{lang}.po: no translation for {describe(e)}')
        for e in fuzzy:
            fail(f'po/{lang}.po: only a fuzzy (unchecked) translation for {describe(e)}')

        # msgfmt's own count must agree with ours; a disagreement means the
        # reader above missed something, which must not pass silently.
        if (re.search(r'\d+ (fuzzy|untranslated)', stats) and not untranslated and not fuzzy):
            fail(f'po/{lang}.po: msgfmt reports missing translations: {stats}')

        # English left in place of a translation is shown to users as is.
        for e in entries:
            if (e['strs'].get(0) == e['id'] and re.search(r'[A-Za-z]{4,}', e['id'])
                    and 'fuzzy' not in e['flags']):
                print(f'warning: po/{lang}.po: translation identical to the English {describe(e)}')


def main():
    if len(sys.argv) > 1:
        root = sys.argv[1]
    else:
        root = os.environ.get('ZB_SOURCE_ROOT', '.')
    root = os.path.abspath(root)

    potfiles = read_list(os.path.join(root, 'po', 'POTFILES.in'))
    languages = read_list(os.path.join(root, 'po', 'LINGUAS'))
    if not languages:
        fail('po/LINGUAS lists no language')

    check_potfiles(root, potfiles)
    with tempfile.TemporaryDirectory(prefix='zhibu-po-') as tmp:
        check_translations(root, potfiles, languages, tmp)

    if failures:
        print(f'{len(failures)} problem(s) with the translations', file=sys.stderr)
        return 1
    print('ok: every translatable file is in po/POTFILES.in and every string is translated')
    return 0


if __name__ == '__main__':
    sys.exit(main())
