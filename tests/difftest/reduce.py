# SPDX-License-Identifier: GPL-3.0-or-later
"""reduce.py - make a failing difftest program small.

Deletion on the AST, keeping the program valid: drop calls from main,
then unused functions, then single statements (largest first; never a
declaration, a label, a case label or a function's final return), then
declarations and labels nobody uses.  A candidate is kept when the same
backend still fails it in the same way (same failure kind), measured
against the oracle's answer for the smaller program.
"""

import copy
import re

import cdgen
import oracle
from cdgen import (Block, Decl, Event, Assign, VoidStmtExpr, If, For, While,
                   DoWhile, Do0, Switch, Case, Return, Label, Defer, Goto, BackGoto,
                   ScopeStmt, PP, AsmGoto)


def stmt_lists(prog):
    """Every statement list of the program, outermost first."""
    out = []

    def expr(e):
        if e[0] == 'sx':
            lst(e[1].stmts)
            expr(e[2])
        elif e[0] == 'bin':
            expr(e[2])
            expr(e[3])
        elif e[0] == 'call':
            expr(e[2])

    def body(s):
        if isinstance(s, Block):
            lst(s.stmts)
        else:
            stmt(s)

    def stmt(s):
        if isinstance(s, Block):
            lst(s.stmts)
        elif isinstance(s, Decl):
            expr(s.init)
        elif isinstance(s, (Event, Assign, Return)):
            expr(s.expr)
        elif isinstance(s, VoidStmtExpr):
            lst(s.body.stmts)
        elif isinstance(s, If):
            expr(s.cond)
            body(s.then)
            if s.els is not None:
                body(s.els)
        elif isinstance(s, (For, While, DoWhile, Do0)):
            body(s.body)
        elif isinstance(s, Switch):
            expr(s.expr)
            lst(s.body.stmts)
        elif isinstance(s, Defer):
            body(s.body)
        elif isinstance(s, (ScopeStmt, PP)):
            stmt(s.stmt)

    def lst(ss):
        out.append(ss)
        for s in list(ss):
            stmt(s)

    for f in prog.helpers + prog.tests:
        lst(f.body.stmts)
    return out


def removable(prog):
    """(list, statement) pairs that may be deleted, outermost first."""
    finals = {id(f.body.stmts[-1]) for f in prog.helpers + prog.tests}
    out = []
    for ss in stmt_lists(prog):
        for s in ss:
            if isinstance(s, (Decl, Label, Case)) or id(s) in finals:
                continue
            out.append((ss, s))
    return out


class Reducer:
    def __init__(self, case, still_fails, max_tries):
        self.case = case
        self.still_fails = still_fails
        self.tries = max_tries

    def fails(self, prog):
        """Does the backend still fail PROG the same way?"""
        if self.tries <= 0:
            return False
        self.tries -= 1
        try:
            return self.still_fails(prog)
        except (oracle.TooLong, oracle.GeneratorBug, KeyError):
            return False

    def try_change(self, prog, do, undo):
        do()
        if self.fails(prog):
            return True
        undo()
        return False

    def calls(self, prog):
        i = 0
        while i < len(prog.calls) and len(prog.calls) > 1:
            c = prog.calls[i]
            if not self.try_change(prog, lambda: prog.calls.pop(i),
                                   lambda: prog.calls.insert(i, c)):
                i += 1
        used = {name for name, _ in prog.calls}
        prog.tests = [f for f in prog.tests if f.name in used]

    def statements(self, prog):
        changed = True
        while changed and self.tries > 0:
            changed = False
            for ss, s in removable(prog):
                if not any(x is s for x in ss):
                    continue        # inside something already removed
                i = next(k for k, x in enumerate(ss) if x is s)
                if self.try_change(prog, lambda: ss.pop(i), lambda: ss.insert(i, s)):
                    changed = True

    def expressions(self, prog):
        """Replace expressions by constants (a condition by 1 or 0, and an
        if by its taken branch alone)."""
        for ss in stmt_lists(prog):
            for s in list(ss):
                if self.tries <= 0:
                    return
                if isinstance(s, If):
                    old = (s.cond, s.els)
                    for c in (('c', 1), ('c', 0)):
                        def do(c=c):
                            s.cond = c
                            if c[1]:
                                s.els = None

                        def undo():
                            s.cond, s.els = old
                        if self.try_change(prog, do, undo):
                            break
                    continue
                field = ('init' if isinstance(s, Decl) else
                         'expr' if isinstance(s, (Event, Assign, Return, Switch)) else None)
                if field is None or getattr(s, field)[0] == 'c':
                    continue
                old_e = getattr(s, field)
                self.try_change(prog, lambda: setattr(s, field, ('c', 0)),
                                lambda: setattr(s, field, old_e))

    def unused(self, prog):
        """Drop helpers, declarations and labels that nothing refers to
        (each change checked too: even dead code can matter to a bug)."""
        for _ in range(2):
            text = cdgen.render(prog)
            for h in list(prog.helpers):
                if len(re.findall(r'\b%s\(' % h.name, text)) == 1:
                    old = list(prog.helpers)
                    self.try_change(prog,
                                    lambda h=h: setattr(prog, 'helpers',
                                                        [x for x in prog.helpers if x is not h]),
                                    lambda old=old: setattr(prog, 'helpers', old))
            gotos = set()
            for ss in stmt_lists(prog):
                for s in ss:
                    if isinstance(s, (Goto, BackGoto, AsmGoto)):
                        gotos.add(s.label)
            text = cdgen.render(prog)
            for ss in stmt_lists(prog):
                for s in list(ss):
                    unused_label = isinstance(s, Label) and s.name not in gotos
                    unused_decl = (isinstance(s, Decl)
                                   and len(re.findall(r'\b%s\b' % s.name, text)) == 1)
                    if unused_label or unused_decl:
                        i = next(k for k, x in enumerate(ss) if x is s)
                        self.try_change(prog, lambda ss=ss, i=i: ss.pop(i),
                                        lambda ss=ss, i=i, s=s: ss.insert(i, s))

    def run(self):
        prog = copy.deepcopy(self.case.prog)
        self.calls(prog)
        self.statements(prog)
        self.expressions(prog)
        self.statements(prog)
        self.unused(prog)
        self.tries = max(self.tries, 1)
        return prog if self.fails(prog) else None


def minimise(case, still_fails, max_tries=600):
    """A smaller program than CASE.prog for which STILL_FAILS(prog) holds
    (the backend fails it the same way), or None."""
    return Reducer(case, still_fails, max_tries).run()
