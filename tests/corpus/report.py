#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/corpus/report.py — print the corpus report for one package; exit 0
when build ok + 0 false positives + tests ok.  Called by tests/corpus/run."""
import argparse
import json
import os
import re
import sys

ap = argparse.ArgumentParser()
ap.add_argument('--package', required=True)
ap.add_argument('--src', required=True)
ap.add_argument('--stats', required=True)
ap.add_argument('--log', required=True)
ap.add_argument('--verdicts', required=True)
ap.add_argument('--build-ok', type=int, required=True)
ap.add_argument('--tests-ok', type=int, required=True)
ap.add_argument('--test-log', required=True)
a = ap.parse_args()

st = json.load(open(a.stats))
print('  files converted:           %d (%s)' % (len(st['files']), ', '.join(st['files'])))
print('  cleanup functions:         %s' % ', '.join(st['macros']))
print('  cleanup decls converted:   %d  (%s)' % (st['converted'],
      ', '.join('%s %d' % kv for kv in sorted(st['by_function'].items()))))
print('  cleanup decls skipped:     %d' % st['skipped'])
for why, where in sorted(st['skip_reasons'].items()):
    print('      %-28s %d: %s' % (why, len(where), ' '.join(where)))
print('  scopes inserted:           %d' % st['scopes'])

verdicts = {}
if os.path.exists(a.verdicts):
    for line in open(a.verdicts):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        parts = line.split(None, 4)
        if len(parts) >= 4:
            verdicts[(parts[0], parts[1], parts[2])] = (parts[3], parts[4] if len(parts) > 4 else '')

diag = re.compile(r'^(?:\.\./)?(\S+?):(\d+):\d+: (warning|error): (.*) \[cdefer-([a-z-]+)\]')
seen = []
log = open(a.log, errors='replace').read().split('\n') if os.path.exists(a.log) else []
for line in log:
    m = diag.match(line)
    if m:
        f = os.path.normpath(m.group(1))
        key = (f, m.group(2), m.group(5))
        if key not in [s[0] for s in seen]:
            seen.append((key, m.group(3), m.group(4)))
fps = 0
by_id = {}
for (f, ln, ident), sev, msg in seen:
    by_id.setdefault(ident, []).append((f, ln, sev, msg))
print('  cdefer diagnostics:        %d' % len(seen))
for ident in sorted(by_id):
    print('    [cdefer-%s] %d' % (ident, len(by_id[ident])))
    for f, ln, sev, msg in by_id[ident]:
        v = verdicts.get((a.package, '%s:%s' % (f, ln), ident))
        code = ''
        try:
            code = open(os.path.join(a.src, f), errors='replace').read().split('\n')[int(ln) - 1].strip()
        except (OSError, IndexError):
            pass
        if v is None:
            verdict, why = 'FP', 'UNREVIEWED (the converted code is behaviour-equivalent to the original cleanup attribute; review and add to tests/corpus/verdicts)'
        else:
            verdict, why = v
        if verdict != 'TP':
            fps += 1
        print('      %s:%s: %s: %s' % (f, ln, sev, msg))
        print('          code: %s' % code)
        print('          judgement: %s — %s' % ('true positive' if verdict == 'TP' else 'FALSE POSITIVE', why))
print('  false positives:           %d' % fps)
print('  build:                     %s' % ('ok' if a.build_ok else 'FAILED'))
tsum = ''
if os.path.exists(a.test_log):
    tl = open(a.test_log, errors='replace').read()
    nums = re.findall(r'^(Ok|Fail|Skipped|Timeout|Expected Fail|Unexpected Pass):\s+(\d+)', tl, re.M) or re.findall(r'^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):\s+(\d+)', tl, re.M)
    if nums:
        tsum = ' (' + ', '.join('%s %s' % (k.lower(), v) for k, v in nums) + ')'
print('  tests:                     %s%s' % ('ok' if a.tests_ok else ('FAILED' if a.build_ok else 'not run'), tsum))
ok = a.build_ok and a.tests_ok and fps == 0
print('  result:                    %s' % ('PASS' if ok else 'FAIL'))
sys.exit(0 if ok else 1)
