# SPDX-License-Identifier: GPL-3.0-or-later
"""invalid.py - one rule violation in a valid generated program.

`inject(prog, seed)` changes one test function of a valid program so that
it breaks exactly one rule of SPEC section 4, and returns the expected
error as (ID, statement): the backend must reject the program with that
error on that statement's line (and no other error).  The violations:

  defer-in-loop         (go) a defer directly in a loop body that is not a
                        scope: `for (...) { defer ev(..); ... }`
  escaping-capture      (go) a defer in an if body that uses a variable
                        of that body: `if (c) { int x = ..; defer ev(.., x); }`
  defer-reexecuted      (go) a backward goto over a defer of the label's
                        scope: `L: ; ... defer ..; if (b++ < 1) goto L;`
  jump-into-scope       a goto into a `scope` body: `goto L; scope { L: ; }`;
                        (ts) a goto past a defer into its scope:
                        `goto L; defer ..; L: ;`, and case labels after a
                        defer in a switch body (an error at each later label)
  jump-out-of-defer     a return in a deferred body

Each is placed only where it is the sole violation (for example no
defer-in-loop inside a loop body that is itself in a non-scope loop body).
"""

import cdgen
from cdgen import (Block, Decl, Event, If, For, While, DoWhile, Do0, Switch, Case,
                   Return, Goto, Label, Defer, BackGoto, VoidStmtExpr,
                   Assign, ScopeStmt, PP)


class Site:
    """A block of a test function and what surrounds it."""

    def __init__(self, block, kind, loop_unscoped, in_defer, func):
        self.block = block
        self.kind = kind                  # func if loop scope bare defer sx switch do0
        self.loop_unscoped = loop_unscoped  # go: a non-scope loop body is
                                          # between here and the scope
        self.in_defer = in_defer
        self.func = func


def sites(func, model):
    """Every block of FUNC with its context."""
    out = []

    def expr(e, lu, d):
        if e[0] == 'sx':
            blk(e[1], 'sx', False, d)
            expr(e[2], lu, d)
        elif e[0] == 'bin':
            expr(e[2], lu, d)
            expr(e[3], lu, d)
        elif e[0] == 'call':
            expr(e[2], lu, d)

    def body(s, kind, lu, d):
        if isinstance(s, Block):
            if s.scope_kw or model == 'ts':
                lu = False
            elif kind == 'loop' and model == 'go':
                lu = True
            blk(s, kind, lu, d)
        else:
            stmt(s, lu, d)

    def blk(b, kind, lu, d):
        out.append(Site(b, kind, lu, d, func))
        for s in b.stmts:
            stmt(s, lu, d)

    def stmt(s, lu, d):
        if isinstance(s, Block):
            blk(s, 'scope' if s.scope_kw else 'bare',
                False if (s.scope_kw or model == 'ts') else lu, d)
        elif isinstance(s, Decl):
            expr(s.init, lu, d)
        elif isinstance(s, (Event, Assign, Return)):
            expr(s.expr, lu, d)
        elif isinstance(s, VoidStmtExpr):
            blk(s.body, 'sx', False, d)
        elif isinstance(s, If):
            expr(s.cond, lu, d)
            body(s.then, 'if', lu, d)
            if s.els is not None:
                body(s.els, 'if', lu, d)
        elif isinstance(s, (For, While, DoWhile)):
            body(s.body, 'loop', lu, d)
        elif isinstance(s, Do0):
            body(s.body, 'do0', lu, d)
        elif isinstance(s, Switch):
            expr(s.expr, lu, d)
            blk(s.body, 'switch', False if (s.body.scope_kw or model == 'ts') else lu, d)
        elif isinstance(s, Defer):
            if isinstance(s.body, Block):
                blk(s.body, 'defer', False, True)
            else:
                stmt(s.body, False, True)
        elif isinstance(s, ScopeStmt):
            stmt(s.stmt, False, d)
        elif isinstance(s, PP):
            stmt(s.stmt, lu, d)

    blk(func.body, 'func', False, False)
    return out


def first_stmt(block):
    """The index of the first statement after the declarations."""
    i = 0
    while i < len(block.stmts) and isinstance(block.stmts[i], Decl):
        i += 1
    return i


def plain_decls(block):
    return all(not (isinstance(s, Decl) and (s.cleanup or s.vla)) for s in block.stmts)


class Injector:
    def __init__(self, prog, rng):
        self.prog = prog
        self.r = rng
        self.n = 0

    def fresh(self, prefix):
        self.n += 1
        return '%s_bad%d' % (prefix, self.n)

    def event(self, expr=('c', 0)):
        return Event(900 + self.n, expr)

    # Each returns (ID, statement) or None when SITE does not fit.
    def back_gotos(self, func):
        """Does FUNC jump backward?  Then a new defer could be jumped over
        (defer-reexecuted too): no new defers there."""
        for site in sites(func, self.prog.model):
            for s in site.block.stmts:
                while isinstance(s, PP):
                    s = s.stmt
                if isinstance(s, BackGoto):
                    return True
        return False

    def defer_in_loop(self, site):
        if site.kind != 'loop' or not site.loop_unscoped or site.block.scope_kw:
            return None
        if self.back_gotos(site.func):
            return None
        d = Defer(self.event(), 'defer')
        site.block.stmts.insert(first_stmt(site.block), d)
        return 'defer-in-loop', d

    def escaping_capture(self, site):
        if site.kind != 'if' or site.loop_unscoped or site.block.scope_kw:
            return None
        if self.back_gotos(site.func):
            return None
        decls = [s for s in site.block.stmts
                 if isinstance(s, Decl) and not s.vla and not s.static]
        if not decls:
            return None
        d = Defer(self.event(('v', decls[0].name)), 'defer')
        site.block.stmts.insert(first_stmt(site.block), d)
        return 'escaping-capture', d

    def defer_reexecuted(self, site):
        b = site.block
        if site.kind in ('switch', 'loop') or site.loop_unscoped:
            return None
        k = [i for i, s in enumerate(b.stmts) if isinstance(s, Defer)]
        if not k:
            return None
        i = first_stmt(b)
        if k[0] < i:
            return None
        label = self.fresh('L')
        counter = self.fresh('b')
        site.func.locals.append(counter)
        g = BackGoto(counter, 1, label)
        b.stmts.insert(k[0] + 1, g)
        b.stmts.insert(i, Label(label))
        return 'defer-reexecuted', g

    def goto_into_scope(self, site):
        b = site.block
        if site.kind == 'switch':
            return None
        k = [i for i, s in enumerate(b.stmts)
             if isinstance(s, Block) and s.scope_kw and plain_decls(s)]
        if not k:
            return None
        inner = b.stmts[k[0]]
        label = self.fresh('L')
        g = Goto(label)
        inner.stmts.insert(first_stmt(inner), Label(label))
        b.stmts.insert(k[0], g)
        return 'jump-into-scope', g

    def goto_past_defer(self, site):
        b = site.block
        if site.kind == 'switch':
            return None
        k = [i for i, s in enumerate(b.stmts) if isinstance(s, Defer)]
        if not k:
            return None
        label = self.fresh('L')
        g = Goto(label)
        b.stmts.insert(k[0] + 1, Label(label))
        b.stmts.insert(k[0], g)
        return 'jump-into-scope', g

    def case_past_defer(self, site):
        b = site.block
        if site.kind != 'switch':
            return None
        cases = [i for i, s in enumerate(b.stmts) if isinstance(s, Case)]
        if len(cases) < 2:
            return None
        d = Defer(self.event(), '_Defer')
        b.stmts.insert(cases[0] + 1, d)
        later = [s for s in b.stmts[cases[0] + 2:] if isinstance(s, Case)]
        return 'jump-into-scope', later

    def return_in_defer(self, site):
        if site.kind != 'defer':
            return None
        r = Return(('c', 0), site.func.struct)
        site.block.stmts.append(r)
        return 'jump-out-of-defer', r


def inject(prog, seed):
    """Break one rule in PROG (changed in place): (ID, statement or list of
    statements) of the expected error(s), or None if no place fits."""
    r = cdgen.Rng(seed ^ 0x5bd1e995)
    inj = Injector(prog, r)
    if prog.model == 'go':
        kinds = [inj.defer_in_loop, inj.escaping_capture, inj.defer_reexecuted,
                 inj.goto_into_scope, inj.return_in_defer]
    else:
        kinds = [inj.goto_into_scope, inj.goto_past_defer, inj.case_past_defer,
                 inj.return_in_defer]
    first = r.below(len(kinds))
    for k in range(len(kinds)):
        how = kinds[(first + k) % len(kinds)]
        funcs = list(prog.tests)
        start = r.below(len(funcs))
        for j in range(len(funcs)):
            f = funcs[(start + j) % len(funcs)]
            ss = sites(f, prog.model)
            off = r.below(len(ss))
            for m in range(len(ss)):
                got = how(ss[(off + m) % len(ss)])
                if got:
                    return got
    return None
