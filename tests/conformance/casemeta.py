# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the metadata of the conformance cases (README.md, "Metadata") and
the rule catalogue (rules): shared by check-meta and coverage-map."""

import collections
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = ("go", "ts")

Rule = collections.namedtuple("Rule", "kind name summary untestable")


def read_rules(path=os.path.join(HERE, "rules")):
    """The catalogue, in file order: a list of Rule."""
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("|")]
            if len(fields) not in (3, 4) or fields[0] not in ("spec", "ts"):
                raise SystemExit("%s:%d: malformed rule line" % (path, n))
            why = None
            if len(fields) == 4:
                if not fields[3].startswith("untestable:"):
                    raise SystemExit("%s:%d: fourth field must be 'untestable: why'" % (path, n))
                why = fields[3][len("untestable:"):].strip()
            rules.append(Rule(fields[0], fields[1], fields[2], why))
    return rules


class Case:
    """One case file: its directives, metadata and the problems found."""

    def __init__(self, path, model):
        self.path = path
        self.model = model
        self.name = os.path.basename(path)[:-2]
        self.spec = []          # rule names from "// spec:"
        self.ts = []            # rule names from "// ts:" ("extension" allowed)
        self.rejects = []       # (line, id) from "// rejects:"
        self.errors = []        # (line, id) from "expect-error" markers
        self.problems = []
        self.meta_lines = {}    # directive -> list of line numbers
        self._parse()

    def _problem(self, line, msg):
        self.problems.append("%s:%d: %s" % (self.path, line, msg))

    def _parse(self):
        with open(self.path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        in_header = True
        in_block_comment = False
        for n, text in enumerate(lines, 1):
            stripped = text.strip()
            # The header: the leading comments (and blank lines, and the
            # other "// directive:" lines) before the first line of code.
            if in_header:
                if in_block_comment:
                    if "*/" in stripped:
                        in_block_comment = False
                elif stripped.startswith("/*"):
                    in_block_comment = "*/" not in stripped[2:]
                elif stripped and not stripped.startswith("//"):
                    in_header = False
            m = re.match(r"\s*//\s*(spec|ts|rejects):(.*)$", text)
            if m:
                key, value = m.group(1), m.group(2).strip()
                self.meta_lines.setdefault(key, []).append(n)
                if not in_header:
                    self._problem(n, "'// %s:' must be in the header comments, before the code" % key)
                self._parse_meta(n, key, value)
            # The same reading as run-case's.
            for m in re.finditer(r"//\s*expect-(error|warning):\s*([A-Za-z0-9_,\s-]*)", text):
                for ident in re.split(r"[,\s]+", m.group(2)):
                    if ident and m.group(1) == "error":
                        self.errors.append((n, ident[len("cdefer-"):] if ident.startswith("cdefer-") else ident))

    def _parse_meta(self, n, key, value):
        if key in ("spec", "ts"):
            names = [x.strip() for x in value.split(",")]
            if not value or "" in names:
                self._problem(n, "empty name in '// %s:'" % key)
            getattr(self, key).extend(x for x in names if x)
            return
        # rejects: line N (ID[, ID])
        m = re.fullmatch(r"line (\d+) \(([^()]*)\)", value)
        if not m:
            self._problem(n, "'// rejects:' must read 'line N (ID[, ID...])'")
            return
        for ident in m.group(2).split(","):
            self.rejects.append((int(m.group(1)), ident.strip()))


def read_cases(root=HERE):
    """Every case of every model, sorted by model and name."""
    cases = []
    for model in MODELS:
        d = os.path.join(root, model)
        for name in sorted(os.listdir(d)):
            if name.endswith(".c"):
                cases.append(Case(os.path.join(d, name), model))
    return cases


def check(case, rules, strict):
    """Problems with CASE's metadata against RULES.  Not STRICT: missing
    lines are tolerated, what is there must still be right."""
    problems = list(case.problems)
    where = case.path
    spec_names = {r.name for r in rules if r.kind == "spec"}
    ts_names = {r.name for r in rules if r.kind == "ts"} | {"extension"}
    if strict and not case.spec:
        problems.append("%s: no '// spec:' line (the SPEC sections it tests)" % where)
    for name in case.spec:
        if name not in spec_names:
            problems.append("%s: '// spec: %s' names no section or diagnostic ID of SPEC sections 2-4 (see tests/conformance/rules)" % (where, name))
    if case.model != "ts" and case.ts:
        problems.append("%s: '// ts:' is for model ts cases (tests/conformance/ts)" % where)
    if case.model == "ts" and strict and not case.ts:
        problems.append("%s: no '// ts:' line (the TS clauses it tests, or 'extension')" % where)
    for name in case.ts:
        if name not in ts_names:
            problems.append("%s: '// ts: %s' names no clause, paragraph or example of the TS draft (see tests/conformance/rules)" % (where, name))
    if "extension" in case.ts and len(case.ts) > 1:
        problems.append("%s: '// ts: extension' stands alone" % where)
    for r in rules:
        if r.untestable and (r.name in case.spec or r.name in case.ts):
            problems.append("%s: names %s, which the catalogue marks untestable" % (where, r.name))
    if case.rejects or (strict and case.errors):
        want = collections.Counter(case.errors)
        got = collections.Counter(case.rejects)
        for (line, ident), k in sorted((want - got).items()):
            problems.append("%s: line %d has '// expect-error: %s' but no '// rejects: line %d (%s)'" % (where, line, ident, line, ident))
        for (line, ident), k in sorted((got - want).items()):
            problems.append("%s: '// rejects: line %d (%s)' but line %d has no such '// expect-error:'" % (where, line, ident, line))
    return problems


def write_rejects(path):
    """Rewrites the '// rejects:' lines of the case at PATH from its
    '// expect-error:' markers, after its '// spec:' / '// ts:' lines (or at
    the end of the header comments).  Returns True if the file changed."""
    with open(path, encoding="utf-8") as f:
        old = f.read()
    lines = [t for t in old.split("\n") if not re.match(r"\s*//\s*rejects:", t)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    case = Case(path, os.path.basename(os.path.dirname(os.path.abspath(path))))
    at = 0
    for n, text in enumerate(lines):
        if re.match(r"\s*//\s*(spec|ts):", text):
            at = n + 1
    if at == 0:
        at = header_end(lines)
    by_line = collections.OrderedDict()
    for line, ident in case.errors:
        by_line.setdefault(line, []).append(ident)
    shift = len(by_line)
    new = ["// rejects: line %d (%s)" % (line + (shift if line > at else 0), ", ".join(ids))
           for line, ids in by_line.items()]
    lines[at:at] = new
    text = "\n".join(lines)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text != old


def header_end(lines):
    """The index of the line after the header comments of LINES."""
    last, in_block = -1, False
    for i, t in enumerate(lines):
        s = t.strip()
        if in_block:
            last = i
            in_block = "*/" not in s
        elif s.startswith("/*"):
            last, in_block = i, "*/" not in s[2:]
        elif s.startswith("//"):
            last = i
        elif s:
            break
    return last + 1


def spec_rule_names(path):
    """The rule names that SPEC.md at PATH defines for sections 2-4: the
    sections, the numbered items of section 3 (3.N), its model-ts
    subsection (3.ts), and the IDs of section 4's tables."""
    names, section = set(), None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"## (\d+)\.", line)
            if m:
                section = m.group(1)
                if section in ("2", "3", "4") and section != "3":
                    names.add(section)
                continue
            if section == "3":
                m = re.match(r"(\d+)\. ", line)
                if m:
                    names.add("3." + m.group(1))
                elif re.match(r"### Model `?ts`?", line):
                    names.add("3.ts")
            elif section == "4":
                m = re.match(r"\| `([a-z-]+)` \|", line)
                if m:
                    names.add(m.group(1))
    return names
