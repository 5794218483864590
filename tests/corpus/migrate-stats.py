#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/corpus/migrate-stats.py SRC LOG — the conversion statistics that
report.py prints, from the notes of `cdefer migrate --rules=cleanup-attr
--explain` (LOG, as tests/migrate/migrate-cc collects them) on the tree SRC:
declarations converted (per cleanup function), refused (per reason),
blocks made scopes, files touched.  JSON on stdout."""
import json
import os
import re
import sys

src, log = os.path.realpath(sys.argv[1]), sys.argv[2]
note = re.compile(r'^(.+?):(\d+): note: (.*)$')
st = {'root': src, 'files': [], 'macros': [], 'converted': 0, 'by_function': {},
      'skipped': 0, 'skip_reasons': {}, 'scopes': 0}
seen = set()
for line in open(log, errors='replace'):
    m = note.match(line.rstrip('\n'))
    if not m or (m.group(1), m.group(2), m.group(3)) in seen:
        continue
    seen.add((m.group(1), m.group(2), m.group(3)))
    path, ln, text = os.path.relpath(m.group(1), src), m.group(2), m.group(3)
    if text.startswith('cleanup-attr: the cleanup attribute becomes'):
        fns = re.findall(r'defer (\w+)\(&', text)
        st['converted'] += len(fns)
        for f in fns:
            st['by_function'][f] = st['by_function'].get(f, 0) + 1
        if path not in st['files']:
            st['files'].append(path)
    elif text.startswith('cleanup-attr: the block becomes a scope'):
        st['scopes'] += 1
    elif text.startswith('not migrated: cleanup-attr: '):
        why = text[len('not migrated: cleanup-attr: '):]
        st['skipped'] += 1
        st['skip_reasons'].setdefault(why, []).append('%s:%s' % (path, ln))
st['macros'] = sorted(st['by_function'])
json.dump(st, sys.stdout, indent=1)
