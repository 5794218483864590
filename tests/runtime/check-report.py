#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-report.py REPORT.json OUTPUT.txt CHART.svg - checks what
# `cdefer trace-report REPORT.json` printed and drew for trace-counts.c
# against the report itself and the program's known counts.
import json
import re
import sys
import xml.etree.ElementTree as ET

report = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
svg = ET.parse(sys.argv[3]).getroot()
errors = []


def want(what, ok):
    if not ok:
        errors.append(what)


sites = {s["line"]: s for s in report["sites"]}
place = {line: "trace-counts.c:%d:%d (%s)" % (line, s["column"], s["function"])
         for line, s in sites.items()}
sections = text.split("\n\n")
want("4 sections and the chart line, not %d" % len(sections), len(sections) == 5)
want("the header", sections[0].startswith("cdefer trace report ")
     and "5 defer sites, 4 threads" in sections[0])
# Most pending: recurse first, with the report's numbers.
rows = sections[0].splitlines()[3:]
s = sites[13]
want("most pending first: recurse %s/%s, registered 25, ran 25; got %r"
     % (s["max_pending"], s["max_pending_thread"], rows[:1]),
     rows and re.match(r"^ +%d +10 +25 +25  %s$" % (s["max_pending"],
                                                     re.escape(place[13])), rows[0]))
want("5 rows in each list", len(rows) == 5)
# Longest held: hold (>= 50 ms) first.
rows = sections[1].splitlines()[2:]
want("longest held first: hold, in ms; got %r" % rows[:1],
     rows and re.match(r"^ +[0-9.]+ ms +1  %s$" % re.escape(place[30]), rows[0]))
# Most time: the first row has the largest total_ns.
rows = sections[2].splitlines()[2:]
top = max(report["sites"], key=lambda s: s["total_ns"])
want("most time first: %s; got %r" % (top["function"], rows[:1]),
     rows and rows[0].endswith(place[top["line"]]))
want("pending at exit: main once; got %r" % sections[3],
     re.search(r"^ +1  %s$" % re.escape(place[51]), sections[3], re.M))
# The chart: one bar per site in each chart, titles with the exact values.
ns = {"s": "http://www.w3.org/2000/svg"}
titles = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")]
for line, s in sites.items():
    want("chart: %s pending bar" % place[line],
         "%s: %d pending" % (place[line], s["max_pending"]) in titles)
    want("chart: %s time bar" % place[line],
         "%s: %d ns" % (place[line], s["total_ns"]) in titles)
want("chart: 10 bars, not %d" % len(titles), len(titles) == 10)
for e in errors:
    print("FAIL - " + e)
sys.exit(1 if errors else 0)
