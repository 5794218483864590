# SPDX-License-Identifier: GPL-3.0-or-later
"""The lowering keeps every token of its input.

  cc-tokens.py exact IN.i OUT.c   (no defer: the same tokens, in order)
  cc-tokens.py kept IN.i OUT.c    (with defer: the input's tokens, less the
                                   defer statements and the `defer`,
                                   `scope` and `return` keywords, appear in
                                   the output in order)
Line markers and other `#` lines are not tokens here.  Exit 1 with the
first token that is missing."""
import re
import sys

TOKEN = re.compile(r'''
    [A-Za-z_]\w*
  | \.?\d(?:[eEpP][+-]|[\w.])*
  | L?"(?:\\.|[^"\\\n])*" | L?'(?:\\.|[^'\\\n])*'
  | \.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\#\#
  | \S''', re.X)


def tokens(path):
    out = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            if line.lstrip().startswith('#'):
                continue
            out.extend(TOKEN.findall(line))
    return out


def skip_statement(toks, i):
    """The index after the statement starting at toks[i]: an expression
    statement or a compound one (enough for the test's files)."""
    depth = 0
    while i < len(toks):
        t = toks[i]
        if t in '({[':
            depth += 1
        elif t in ')}]':
            depth -= 1
            if depth == 0 and t == '}':
                return i + 1        # a compound statement
        elif t == ';' and depth == 0:
            return i + 1
        i += 1
    return i


def without_defers(toks):
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t in ('defer', '_Defer'):
            i = skip_statement(toks, i + 1)
        elif t in ('scope', '_Scope', 'return'):
            i += 1
        else:
            out.append(t)
            i += 1
    return out


def main():
    mode, src, low = sys.argv[1:4]
    a, b = tokens(src), tokens(low)
    if mode == 'exact':
        for k, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print(f'{low}: token {k} is {y!r}, the input has {x!r}: '
                      f'{" ".join(a[max(0, k - 8):k + 4])}')
                return 1
        if len(a) != len(b):
            print(f'{low}: {len(b)} tokens, the input has {len(a)}')
            return 1
        return 0
    want = without_defers(a)
    j = 0
    for k, x in enumerate(want):
        while j < len(b) and b[j] != x:
            j += 1
        if j == len(b):
            print(f'{low}: the input token {x!r} is missing after: '
                  f'{" ".join(want[max(0, k - 12):k])}')
            return 1
        j += 1
    return 0


sys.exit(main())
