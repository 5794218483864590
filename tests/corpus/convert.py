#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/corpus/convert.py — rewrite `__attribute__((cleanup(f)))` declarations
(reached through macros) into cdefer `defer`s, in place, for a source tree.

    MACRO T *x = v;        ->   T *x = v; defer f(&x);

and, when the block holding the declaration is not a defer scope in model go
(i.e. not the function body, not a statement expression), `scope ` is inserted
before that block's `{` (SPEC §7.3), so the cleanup still runs when that block
is left.  Loop bodies thus become `scope` bodies, which is also what
defer-in-loop asks for.

Macros are resolved from the #defines of the tree itself (object-like and
function-like, nested: `#define _cleanup_free_ _cleanup_(freep)`,
`#define _cleanup_(x) __attribute__((cleanup(x)))`).  Skipped (and counted):
declarations with several declarators, declarations in a for-init, macros
that cannot be resolved to one cleanup function, anything the scanner does
not understand.

Usage: convert.py SRCDIR [--stats FILE.json] [--log FILE]
"""
import json
import os
import re
import sys

IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')


def mask(text):
    """Return text with comments, string/char literals and preprocessor lines
    replaced by spaces (newlines kept), so offsets stay valid."""
    out = list(text)
    i, n = 0, len(text)
    bol = True  # only whitespace seen since the start of the line

    def blank(a, b):
        for k in range(a, b):
            if out[k] != '\n':
                out[k] = ' '
    while i < n:
        c = text[i]
        if c == '\n':
            bol = True
            i += 1
            continue
        if c in ' \t\r\f\v':
            i += 1
            continue
        if bol and c == '#':
            j = i
            while j < n:
                if text[j] == '\\' and j + 1 < n and text[j + 1] == '\n':
                    j += 2
                    continue
                if text.startswith('/*', j):
                    e = text.find('*/', j + 2)
                    j = n if e < 0 else e + 2
                    continue
                if text[j] == '\n':
                    break
                j += 1
            blank(i, j)
            i = j
            continue
        bol = False
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
            continue
        if text.startswith('/*', i):
            e = text.find('*/', i + 2)
            j = n if e < 0 else e + 2
            blank(i, j)
            i = j
            continue
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == '\\':
                    j += 1
                elif text[j] == '\n':
                    break
                j += 1
            blank(i, min(j + 1, n))
            i = j + 1
            continue
        i += 1
    return ''.join(out)


# ------------------------------------------------------------ macro table
DEFINE = re.compile(r'^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)]*\))?[ \t]*(.*)$')


def collect_defines(root):
    defs = {}
    for dp, dn, fn in os.walk(root):
        dn[:] = [d for d in dn if d not in ('.git', '.pc', 'debian')]
        for f in fn:
            if not f.endswith(('.c', '.h')):
                continue
            try:
                text = open(os.path.join(dp, f), encoding='utf-8', errors='replace').read()
            except OSError:
                continue
            text = re.sub(r'\\\n', ' ', text)
            text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
            for line in text.split('\n'):
                m = DEFINE.match(line)
                if not m:
                    continue
                name, params, body = m.group(1), m.group(2), m.group(3).strip()
                if params is not None:
                    params = [p.strip() for p in params[1:-1].split(',') if p.strip()]
                defs.setdefault(name, set()).add((tuple(params) if params is not None else None, body))
    return defs


CLEANUP_ATTR = re.compile(r'^__attribute__\s*\(\(\s*(?:__)?cleanup(?:__)?\s*\(\s*([A-Za-z_]\w*)\s*\)\s*\)\)$')
ATTR_ONLY = re.compile(r'^(__attribute__\s*\(\(.*\)\)\s*)+$')


def expand(defs, name, args, depth=0):
    """Expand macro `name` (with args or None) to its body; None if unknown or
    ambiguous."""
    if depth > 8 or name not in defs or len(defs[name]) != 1:
        return None
    params, body = next(iter(defs[name]))
    if params is None:
        if args is not None:
            return None
        return body
    if args is None or len(args) != len(params):
        return None
    for p, a in zip(params, args):
        body = re.sub(r'\b%s\b' % re.escape(p), a, body)
    return body


def resolve_cleanup(defs, name, args, depth=0):
    """The cleanup function named by macro invocation name(args), or None."""
    body = expand(defs, name, args)
    while body is not None and depth < 8:
        body = body.strip()
        m = CLEANUP_ATTR.match(body)
        if m:
            return m.group(1)
        m = re.match(r'^([A-Za-z_]\w*)\s*(\((.*)\))?$', body, re.S)
        if not m:
            return None
        a = [x.strip() for x in m.group(3).split(',')] if m.group(2) else None
        body = expand(defs, m.group(1), a)
        depth += 1
    return None


def attribute_macros(defs):
    """Object-like macros that expand to attributes only (UNUSED, ...)."""
    out = set()
    for name, vals in defs.items():
        if len(vals) == 1:
            params, body = next(iter(vals))
            if params is None and ATTR_ONLY.match(body.strip()) and not CLEANUP_ATTR.match(body.strip()):
                out.add(name)
    return out


# ------------------------------------------------------------ conversion
def braces(m):
    """Map: offset of '{' -> offset of matching '}', and parent map."""
    stack, match = [], {}
    for i, c in enumerate(m):
        if c == '{':
            stack.append(i)
        elif c == '}' and stack:
            match[stack.pop()] = i
    return match


def enclosing_open(m, pos):
    depth = 0
    i = pos - 1
    while i >= 0:
        c = m[i]
        if c == '}':
            depth += 1
        elif c == '{':
            if depth == 0:
                return i
            depth -= 1
        i -= 1
    return -1


def prev_nonspace(m, i):
    i -= 1
    while i >= 0 and m[i].isspace():
        i -= 1
    return i


def block_kind(m, ob):
    """'function', 'stmtexpr', 'scope' (already a defer scope) or 'plain'."""
    p = prev_nonspace(m, ob)
    if p >= 0 and m[p] == '(':
        return 'stmtexpr'
    # already a scope / defer body?
    w = p
    while w >= 0 and (m[w].isalnum() or m[w] == '_'):
        w -= 1
    word = m[w + 1:p + 1]
    if word in ('scope', '_Scope', 'defer', '_Defer'):
        return 'scope'
    if enclosing_open(m, ob) < 0:
        return 'function'
    return 'plain'


def convert_file(path, defs, attrmacros, cleanup_macros, stats, log):
    text = open(path, encoding='utf-8', errors='surrogateescape').read()
    m = mask(text)
    edits = []  # (offset, delete_len, insert_text)
    scoped = set()
    rel = os.path.relpath(path, stats['root'])
    converted_here = 0
    for mt in re.finditer(r'\b(%s)\b' % '|'.join(map(re.escape, sorted(cleanup_macros))), m):
        name = mt.group(1)
        start = mt.start()
        line = text.count('\n', 0, start) + 1
        where = '%s:%d' % (rel, line)
        pos = mt.end()
        args = None
        j = pos
        while j < len(m) and m[j].isspace():
            j += 1
        if j < len(m) and m[j] == '(':
            # function-like macro use
            depth, k = 0, j
            while k < len(m):
                if m[k] == '(':
                    depth += 1
                elif m[k] == ')':
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            args = [a.strip() for a in text[j + 1:k].split(',')]
            pos = k + 1
        fn = resolve_cleanup(defs, name, args)
        if fn is None:
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('unresolved macro', []).append(where)
            log.write('skip %s: cannot resolve %s\n' % (where, name))
            continue
        # statement context: previous significant char must be ; { } or ':' (label)
        p = prev_nonspace(m, start)
        if p >= 0 and m[p] == '(':
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('for-init / parameter', []).append(where)
            log.write('skip %s: not a block-scope declaration statement\n' % where)
            continue
        if p < 0 or m[p] not in ';{}:':
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('not a declaration statement', []).append(where)
            log.write('skip %s: unexpected context\n' % where)
            continue
        ob = enclosing_open(m, start)
        if ob < 0:
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('file scope', []).append(where)
            continue
        # end of declaration: ';' at nesting depth 0
        depth, k, commas, eq = 0, pos, 0, -1
        while k < len(m):
            c = m[k]
            if c in '([{':
                depth += 1
            elif c in ')]}':
                if depth == 0:
                    break
                depth -= 1
            elif c == ';' and depth == 0:
                break
            elif c == ',' and depth == 0:
                commas += 1
            elif c == '=' and depth == 0 and eq < 0 and m[k + 1] != '=' and m[k - 1] not in '=!<>':
                eq = k
            k += 1
        if k >= len(m) or m[k] != ';':
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('no terminating ;', []).append(where)
            continue
        if commas:
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('several declarators', []).append(where)
            log.write('skip %s: several declarators\n' % where)
            continue
        declarator = m[pos:eq if eq >= 0 else k]
        # strip trailing attributes: __attribute__((...)) and attribute-only macros
        declarator = re.sub(r'__attribute__\s*\(\(.*\)\)', ' ', declarator)
        ids = [x for x in IDENT.findall(declarator) if x not in attrmacros]
        # the declared name is the last identifier outside brackets
        dd = re.sub(r'\[[^\]]*\]', ' ', declarator)
        ids = [x for x in IDENT.findall(dd) if x not in attrmacros]
        if len(ids) < 2 or '(' in dd:
            stats['skipped'] += 1
            stats['skip_reasons'].setdefault('declarator not understood', []).append(where)
            log.write('skip %s: declarator %r\n' % (where, declarator.strip()))
            continue
        var = ids[-1]
        # edits: drop the macro (and its args), append the defer
        e = pos
        while e < len(text) and text[e] in ' \t':
            e += 1
        edits.append((start, e - start, ''))
        edits.append((k + 1, 0, ' defer %s(&%s);' % (fn, var)))
        stats['converted'] += 1
        converted_here += 1
        stats['by_function'][fn] = stats['by_function'].get(fn, 0) + 1
        kind = block_kind(m, ob)
        if kind == 'plain' and ob not in scoped:
            scoped.add(ob)
            edits.append((ob, 0, 'scope '))
            stats['scopes'] += 1
        log.write('conv %s: %s -> defer %s(&%s);%s\n' % (where, name, fn, var,
                  ' (scope inserted at line %d)' % (text.count('\n', 0, ob) + 1) if kind == 'plain' and ob in scoped else ''))
    if not edits:
        return
    for off, dl, ins in sorted(edits, key=lambda t: (t[0], t[1]), reverse=True):
        text = text[:off] + ins + text[off + dl:]
    open(path, 'w', encoding='utf-8', errors='surrogateescape').write(text)
    stats['files'].append(rel)


def main():
    root = sys.argv[1]
    statsf = None
    logf = None
    args = sys.argv[2:]
    while args:
        a = args.pop(0)
        if a == '--stats':
            statsf = args.pop(0)
        elif a == '--log':
            logf = args.pop(0)
    defs = collect_defines(root)
    attrmacros = attribute_macros(defs)
    cleanup_macros = set()
    for name, vals in defs.items():
        if any('cleanup' in body and '__attribute__' in body or body.startswith('_cleanup_') or 'cleanup' in body
               for _, body in vals):
            # a candidate; keep only those that resolve (with a dummy arg for
            # function-like macros that forward their argument)
            params, _ = next(iter(vals))
            if params is None:
                if resolve_cleanup(defs, name, None):
                    cleanup_macros.add(name)
            elif len(params) == 1 and resolve_cleanup(defs, name, ['fn__']) == 'fn__':
                cleanup_macros.add(name)
    stats = {'root': root, 'files': [], 'converted': 0, 'skipped': 0, 'scopes': 0,
             'skip_reasons': {}, 'by_function': {}, 'macros': sorted(cleanup_macros)}
    log = open(logf, 'w') if logf else open(os.devnull, 'w')
    for dp, dn, fn in os.walk(root):
        dn[:] = [d for d in dn if d not in ('.git', '.pc', 'debian')]
        for f in sorted(fn):
            if f.endswith('.c'):
                convert_file(os.path.join(dp, f), defs, attrmacros, cleanup_macros, stats, log)
    stats['files'].sort()
    out = json.dumps(stats, indent=1)
    if statsf:
        open(statsf, 'w').write(out)
    else:
        print(out)


if __name__ == '__main__':
    main()
