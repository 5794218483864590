#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-trace.py REPORT.json - checks the trace report of trace-counts.c
# against the counts that program is known to produce, and prints the
# counts that every backend must agree on (one line per site), for the
# caller to compare.  Exit status 1 on a wrong count, with the reasons.
import json
import os
import sys

report = json.load(open(sys.argv[1]))
errors = []


def want(what, ok):
    if not ok:
        errors.append(what)


want("cdefer_trace is 1", report.get("cdefer_trace") == 1)
want("4 threads (main and 3 workers), not %s" % report.get("threads"),
     report.get("threads") == 4)
sites = {s["line"]: s for s in report["sites"]}
want("the sites are lines 13 21 23 30 51, not %s" % sorted(sites),
     sorted(sites) == [13, 21, 23, 30, 51])
# line: function, column, registered, ran, max pending on one thread,
# bounds of max pending on all threads at once.
expected = {
    13: ("recurse", 3, 25, 25, 10, (10, 15)),
    21: ("loop", 5, 27, 27, 1, (1, 4)),
    23: ("loop", 7, 9, 9, 1, (1, 4)),
    30: ("hold", 3, 1, 1, 1, (1, 1)),
    51: ("main", 3, 1, 0, 1, (1, 1)),
}
for line, (fn, col, reg, ran, mpt, (lo, hi)) in expected.items():
    s = sites.get(line)
    if not s:
        continue
    got = (s["function"], s["column"], s["registered"], s["ran"],
           s["max_pending_thread"])
    want("line %d: function, column, registered, ran, max_pending_thread "
         "%s, not %s" % (line, (fn, col, reg, ran, mpt), got),
         got == (fn, col, reg, ran, mpt))
    want("line %d: max_pending %d within [%d, %d]"
         % (line, s["max_pending"], lo, hi), lo <= s["max_pending"] <= hi)
    want("line %d: file is trace-counts.c" % line,
         os.path.basename(s["file"]) == "trace-counts.c")
    want("line %d: max_ns <= total_ns" % line, s["max_ns"] <= s["total_ns"])
    if ran:
        want("line %d: time was measured" % line,
             s["total_ns"] > 0 and s["max_held_ns"] > 0)
want("line 30 held its resource >= 50 ms (the nanosleep), not %s ns"
     % sites.get(30, {}).get("max_held_ns"),
     sites.get(30, {}).get("max_held_ns", 0) >= 50000000)
want("line 13 held longer than it ran",
     sites.get(13, {}).get("max_held_ns", 0) >= sites.get(13, {}).get("max_ns", 1))
pending = report["pending_at_exit"]
want("pending at exit: line 51 once, not %s" % pending,
     [(p["line"], p["function"], p["pending"]) for p in pending] == [(51, "main", 1)])
for e in errors:
    print("FAIL - " + e)
for line in sorted(sites):
    s = sites[line]
    print(os.path.basename(s["file"]), line, s["column"], s["function"],
          s["registered"], s["ran"], s["max_pending_thread"])
sys.exit(1 if errors else 0)
