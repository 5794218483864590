# SPDX-License-Identifier: GPL-3.0-or-later
"""oracle.py - what a generated program must print, from SPEC section 3.

An interpreter of the cdgen AST.  It knows nothing about how cdefer lowers
anything; it follows the rules as written:

  - A defer statement registers its body with the innermost defer scope
    when it is reached (SPEC 3.2).  Defer scopes: model go (3.1) the
    function body, `scope` bodies, deferred bodies and statement
    expressions; model ts every block, including the blocks that C defines
    for the substatements of if/else/switch/for/while/do.
  - When control leaves a defer scope by any path (end, return, break,
    continue, goto) its registered bodies run, last registered first,
    innermost scope first (3.3).
  - `return E` and a statement expression's value are computed before the
    deferred bodies run (3.4, 3.1); bodies see variables as they are when
    they run (3.5); a deferred body is a defer scope (3.6).
  - Cleanup variables (`__attribute__((cleanup))`) run at the end of
    their C block, interleaved last-in-first-out with the deferred bodies
    registered in the same block (SPEC 5, lowering).
  - Each defer registers at most once per entry of its scope (3.7): a
    second registration means the generator made an invalid program, and
    the oracle says so (GeneratorBug) rather than guess.

Values are C ints (wrapped to 32 bits, although generated programs stay
far from overflow).
"""

from cdgen import (Block, Decl, Event, Assign, VoidStmtExpr, If, For, While,
                   DoWhile, Do0, Switch, Case, Break, Continue, Return, Goto,
                   Label, Defer, BackGoto, ScopeStmt, PP, AsmGoto)


class GeneratorBug(Exception):
    pass


class TooLong(Exception):
    """The program prints too much: the generator tries another one."""


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _Return(Exception):
    def __init__(self, value):
        self.value = value


class _Goto(Exception):
    def __init__(self, label):
        self.label = label


def wrap(v):
    return ((v + 0x80000000) & 0xFFFFFFFF) - 0x80000000


class Frame:
    """The registrations of one block: deferred bodies and cleanup
    variables, in order.  SCOPE: the block is a defer scope."""

    def __init__(self, scope):
        self.scope = scope
        self.items = []         # (kind, Defer or name, env, pos): kind 'defer'
                                # or 'cleanup'; pos: the index in the block of
                                # the statement that registered it
        self.pos = 0            # the statement of the block being run


class Interp:
    def __init__(self, prog, max_lines=20000):
        self.prog = prog
        self.ts = prog.model == 'ts'
        self.funcs = {f.name: f for f in prog.helpers + prog.tests}
        self.glob = {n: 0 for n in prog.globals}
        self.glob['g'] = 0
        self.out = []
        self.frames = []
        self.max_lines = max_lines
        self.labels = {}        # id(Block) -> {label: index}

    # -- output ----------------------------------------------------------
    def line(self, text):
        self.out.append(text)
        if len(self.out) > self.max_lines:
            raise TooLong()

    # -- variables -------------------------------------------------------
    def get(self, env, name):
        if name in env:
            return env[name]
        return self.glob[name]

    def set(self, env, name, value):
        if name in env:
            env[name] = wrap(value)
        else:
            self.glob[name] = wrap(value)

    # -- expressions -----------------------------------------------------
    def eval(self, e, env):
        k = e[0]
        if k == 'c':
            return e[1]
        if k == 'v':
            return self.get(env, e[1])
        if k == 'bin':
            a = self.eval(e[2], env)
            b = self.eval(e[3], env)
            op = e[1]
            if op == '+':
                return wrap(a + b)
            if op == '-':
                return wrap(a - b)
            if op == '&':
                return a & b
            if op == '|':
                return a | b
            if op == '^':
                return a ^ b
            if op == '<':
                return int(a < b)
            if op == '>':
                return int(a > b)
            if op == '==':
                return int(a == b)
            if op == '!=':
                return int(a != b)
            raise AssertionError(op)
        if k == 'call':
            return self.call(e[1], self.eval(e[2], env))
        if k == 'sx':
            return self.stmt_expr(e[1], e[2], env)
        raise AssertionError(k)

    def stmt_expr(self, block, value, env):
        """({ ... value; }): a defer scope (both models); the value is
        computed before its deferred bodies run."""
        frame = self.push(True)
        try:
            self.run_stmts(block, env, 0, frame)
            return self.eval(value, env)
        finally:
            self.pop(frame)

    # -- calls -----------------------------------------------------------
    def call(self, name, arg):
        f = self.funcs[name]
        env = {'a': arg}
        if f.struct:
            env['r.v[0]'] = arg         # struct R r = {{a}};
            env['r.v[1]'] = 0
        for v in f.locals:
            env[v] = 0
        try:
            self.block(f.body, env, scope=True)
        except _Return as r:
            return r.value
        raise GeneratorBug('%s fell off its end' % name)

    # -- frames ----------------------------------------------------------
    def push(self, scope):
        f = Frame(scope)
        self.frames.append(f)
        return f

    def pop(self, frame):
        assert self.frames[-1] is frame
        self.frames.pop()
        self.run_items(frame.items)

    def run_items(self, items):
        for item in reversed(items):
            if item[0] == 'defer':
                self.run_deferred(item[1], item[2])
            else:
                self.line('~ %d' % self.get(item[2], item[1]))
                self.glob['g'] += 1

    def register(self, d, env):
        for f in reversed(self.frames):
            if f.scope:
                if any(it[0] == 'defer' and it[1] is d for it in f.items):
                    raise GeneratorBug('a defer registered twice in one scope entry')
                f.items.append(('defer', d, env, f.pos))
                return
        raise GeneratorBug('defer outside every scope')

    def run_deferred(self, d, env):
        # A deferred body is a defer scope of its own; no jump leaves it.
        try:
            self.sub(d.body, env, scope=True)
        except (_Break, _Continue, _Return, _Goto):
            raise GeneratorBug('a jump out of a deferred body')

    # -- statements ------------------------------------------------------
    def block(self, b, env, scope, start=0):
        frame = self.push(scope)
        try:
            self.run_stmts(b, env, start, frame)
        finally:
            self.pop(frame)

    def run_stmts(self, b, env, start, frame):
        labels = self.labels.get(id(b))
        if labels is None:
            labels = {s.name: i for i, s in enumerate(b.stmts) if isinstance(s, Label)}
            self.labels[id(b)] = labels
        i = start
        while i < len(b.stmts):
            frame.pos = i
            try:
                self.stmt(b.stmts[i], env)
                i += 1
            except _Goto as g:
                if g.label not in labels:
                    raise
                j = labels[g.label]
                if j <= i:
                    self.jump_back(frame, j)
                i = j

    def jump_back(self, frame, j):
        """A backward goto to statement J of the frame's block leaves the
        scope of what statements J.. registered (model ts: a defer's scope
        ends at the end of its block, and starts at the defer): those
        bodies run now, last first.  In model go such a jump is
        defer-reexecuted (the generator makes none; the registration check
        would catch one)."""
        gone = [it for it in frame.items if it[3] >= j]
        if not gone:
            return
        frame.items = [it for it in frame.items if it[3] < j]
        self.run_items(gone)

    def is_scope(self, b):
        return self.ts or b.scope_kw is not None

    def sub(self, s, env, scope):
        """Run S as a block (a defer scope if SCOPE)."""
        if isinstance(s, Block):
            self.block(s, env, scope)
        else:
            frame = self.push(scope)
            try:
                self.stmt(s, env)
            finally:
                self.pop(frame)

    def body(self, s, env):
        """The substatement of an if/else/loop: in model ts a block that is
        a defer scope; in model go a scope only when it is `scope { }`."""
        if isinstance(s, Block):
            self.block(s, env, self.is_scope(s))
        elif self.ts:
            self.sub(s, env, True)
        else:
            self.stmt(s, env)

    def loop_body(self, s, env):
        """Runs one iteration; True if the loop must stop (break)."""
        try:
            self.body(s, env)
        except _Break:
            return True
        except _Continue:
            pass
        return False

    def stmt(self, s, env):
        if isinstance(s, Block):
            self.block(s, env, self.is_scope(s))
        elif isinstance(s, Decl) and s.static:
            # One object for the whole run, initialised before it starts.
            self.glob.setdefault(s.name, s.init[1])
        elif isinstance(s, Decl):
            env[s.var()] = wrap(self.eval(s.init, env))
            if s.cleanup:
                f = self.frames[-1]
                f.items.append(('cleanup', s.name, env, f.pos))
        elif isinstance(s, Event):
            v = self.eval(s.expr, env)
            self.line('%d %d' % (s.id, v))
            self.glob['g'] += 1
        elif isinstance(s, Assign):
            v = self.eval(s.expr, env)
            if s.op == '=':
                self.set(env, s.name, v)
            elif s.op == '+=':
                self.set(env, s.name, self.get(env, s.name) + v)
            elif s.op == '-=':
                self.set(env, s.name, self.get(env, s.name) - v)
            else:
                raise AssertionError(s.op)
        elif isinstance(s, VoidStmtExpr):
            frame = self.push(True)
            try:
                self.run_stmts(s.body, env, 0, frame)
            finally:
                self.pop(frame)
        elif isinstance(s, If):
            if self.eval(s.cond, env):
                self.body(s.then, env)
            elif s.els is not None:
                self.body(s.els, env)
        elif isinstance(s, For):
            env[s.var] = 0
            while env[s.var] < s.n:
                if self.loop_body(s.body, env):
                    break
                env[s.var] += 1
            del env[s.var]
        elif isinstance(s, While):
            env[s.var] = 0
            while True:
                old = env[s.var]
                env[s.var] = old + 1
                if not old < s.n:
                    break
                if self.loop_body(s.body, env):
                    break
        elif isinstance(s, DoWhile):
            env[s.var] = 0
            while True:
                if self.loop_body(s.body, env):
                    break
                env[s.var] += 1
                if not env[s.var] < s.n:
                    break
        elif isinstance(s, Do0):
            self.loop_body(s.body, env)
        elif isinstance(s, Switch):
            self.switch(s, env)
        elif isinstance(s, (Case, Label, AsmGoto)):
            pass        # an empty asm goto never jumps
        elif isinstance(s, Break):
            raise _Break()
        elif isinstance(s, Continue):
            raise _Continue()
        elif isinstance(s, Return):
            v = self.eval(s.expr, env)
            if s.struct:
                # return (r.v[1] = E, r); the caller sees sum(r).
                env['r.v[1]'] = wrap(v)
                v = wrap(env['r.v[0]'] + 10 * env['r.v[1]'])
            raise _Return(v)
        elif isinstance(s, BackGoto):
            old = env[s.counter]
            env[s.counter] = old + 1
            if old < s.n:
                raise _Goto(s.label)
        elif isinstance(s, Goto):
            raise _Goto(s.label)
        elif isinstance(s, Defer):
            self.register(s, env)
        elif isinstance(s, ScopeStmt):
            self.sub(s.stmt, env, True)
        elif isinstance(s, PP):
            self.stmt(s.stmt, env)
        else:
            raise AssertionError(type(s))

    def switch(self, s, env):
        v = self.eval(s.expr, env)
        target = None
        for i, t in enumerate(s.body.stmts):
            if isinstance(t, Case) and t.value == v:
                target = i
        if target is None:
            for i, t in enumerate(s.body.stmts):
                if isinstance(t, Case) and t.value is None:
                    target = i
        if target is None:
            return
        try:
            self.block(s.body, env, self.is_scope(s.body), start=target)
        except _Break:
            pass

    # -- the program -----------------------------------------------------
    def run(self):
        s = 0
        for name, arg in self.prog.calls:
            r = self.call(name, arg)
            self.line('%s(%d) = %d' % (name, arg, r))
            s = wrap(s + r)
        self.line('g=%d G0=%d G1=%d' % (self.glob['g'], self.glob['G0'], self.glob['G1']))
        return '\n'.join(self.out) + '\n', s & 63


def expected(prog, max_lines=20000):
    """(stdout, exit status) the program must give."""
    return Interp(prog, max_lines).run()


def expected_diagnostics(prog, where):
    """The cdefer warnings the program must draw: [(kind, ID, line)].
    WHERE maps id(statement) to its line.  Generated programs are valid,
    so the only one is defer-in-plain-block (model go: a defer directly in
    a bare { } block statement, SPEC section 4)."""
    out = []
    if prog.model != 'go':
        return out

    def walk_list(stmts, bare):
        for s in stmts:
            while isinstance(s, PP):
                s = s.stmt
            if isinstance(s, Defer) and bare:
                out.append(('warning', 'defer-in-plain-block', where[id(s)]))
            walk(s)

    def walk_expr(e):
        if e[0] == 'sx':
            walk_list(e[1].stmts, False)
            walk_expr(e[2])
        elif e[0] == 'bin':
            walk_expr(e[2])
            walk_expr(e[3])
        elif e[0] == 'call':
            walk_expr(e[2])

    def walk_body(s):
        if isinstance(s, Block):
            walk_list(s.stmts, False)
        else:
            walk(s)

    def walk(s):
        if isinstance(s, Block):
            # Only a block that is a statement of its own gets here.
            walk_list(s.stmts, s.scope_kw is None)
        elif isinstance(s, (Decl, Event, Assign, Return)):
            walk_expr(s.init if isinstance(s, Decl) else s.expr)
        elif isinstance(s, VoidStmtExpr):
            walk_list(s.body.stmts, False)
        elif isinstance(s, If):
            walk_expr(s.cond)
            walk_body(s.then)
            if s.els is not None:
                walk_body(s.els)
        elif isinstance(s, (For, While, DoWhile, Do0)):
            walk_body(s.body)
        elif isinstance(s, Switch):
            walk_expr(s.expr)
            walk_list(s.body.stmts, False)
        elif isinstance(s, Defer):
            walk_body(s.body)
        elif isinstance(s, (ScopeStmt, PP)):
            walk(s.stmt)

    for f in prog.helpers + prog.tests:
        walk_list(f.body.stmts, False)
    return out
