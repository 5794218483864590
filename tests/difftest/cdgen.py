# SPDX-License-Identifier: GPL-3.0-or-later
"""cdgen.py - random, terminating, deterministic C programs with defer/scope.

A program is an AST (the classes below); `generate` builds one from a seed,
`render` prints it as C, and oracle.py interprets the same AST to compute
what the program must print.  The generator only makes programs that are
valid in their model (SPEC section 4), so every backend must compile them:

  model go   no defer directly in a loop body that is not a scope
             (defer-in-loop); a deferred body uses only variables declared
             in its own defer scope or outside it (escaping-capture); no
             backward goto (defer-reexecuted); gotos only to labels in an
             enclosing block (never into a scope: jump-into-scope); no
             jump out of a deferred body (jump-out-of-defer).
  model ts   the same jump rules, and no goto or case label that jumps
             forward past a defer into its scope (jump-into-scope).

Further rules keep the programs free of undefined and unspecified
behaviour: declarations only at the start of a block (never jumped over),
no declarations in a switch body, at most one call or statement
expression per full expression, loops with a fixed trip count whose
counter the body never writes, helpers that only call helpers defined
before them (no recursion), small values (no overflow).

The random source is a splitmix64 generator of our own, so a seed gives
the same program on every Python version.
"""

MASK64 = (1 << 64) - 1

# Bump when the same seed starts giving a different program: seeds listed in
# known-failures are only meaningful for one version.
GEN_VERSION = 7


def mix64(z):
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & MASK64
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & MASK64
    return z ^ (z >> 31)


class Rng:
    def __init__(self, seed):
        # The state advances by a constant: start each seed at a hashed
        # place, or neighbouring seeds would give the same stream shifted.
        self.s = mix64((seed * 0xD1B54A32D192ED03 + 0x1234567) & MASK64)

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def range(self, lo, hi):
        """An integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def chance(self, percent):
        return self.below(100) < percent

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, table):
        """table: list of (weight, value); weights <= 0 are skipped."""
        total = sum(w for w, _ in table if w > 0)
        k = self.below(total)
        for w, v in table:
            if w <= 0:
                continue
            if k < w:
                return v
            k -= w
        raise AssertionError("empty table")


# ---------------------------------------------------------------------------
# The AST.  Expressions are tuples:
#   ('c', n)                 constant
#   ('v', name)              variable (local, parameter or global)
#   ('bin', op, l, r)        op in + - & | ^ < > == !=
#   ('call', helper, arg)    call of a helper with a pure argument
#   ('sx', Block, value)     GNU statement expression ({ stmts; value; })

class Stmt:
    __slots__ = ()


class Block(Stmt):
    """A compound statement; scope_kw ('scope'/'_Scope') makes it a scope
    statement."""
    __slots__ = ('stmts', 'scope_kw')

    def __init__(self, stmts, scope_kw=None):
        self.stmts = stmts
        self.scope_kw = scope_kw


class Decl(Stmt):
    """int NAME = INIT; with cleanup: 'before' or 'after' the declarator.
    VLA: int NAME[(a & 1) + 1]; NAME[0] = INIT;  (the variable is NAME[0])
    STATIC: static int NAME = INIT; (INIT a constant; one object for the
    whole program run, also when a deferred body is lowered on several
    exit paths: SPEC 5)"""
    __slots__ = ('name', 'init', 'cleanup', 'vla', 'static')

    def __init__(self, name, init, cleanup=None, vla=False, static=False):
        self.name, self.init, self.cleanup, self.vla = name, init, cleanup, vla
        self.static = static

    def var(self):
        return self.name + '[0]' if self.vla else self.name


class Event(Stmt):
    """ev(ID, E); prints "ID value" and counts in g."""
    __slots__ = ('id', 'expr')

    def __init__(self, id, expr):
        self.id, self.expr = id, expr


class Assign(Stmt):
    __slots__ = ('name', 'op', 'expr')

    def __init__(self, name, op, expr):
        self.name, self.op, self.expr = name, op, expr


class VoidStmtExpr(Stmt):
    """({ stmts }); as an expression statement."""
    __slots__ = ('body',)

    def __init__(self, body):
        self.body = body


class If(Stmt):
    __slots__ = ('cond', 'then', 'els')

    def __init__(self, cond, then, els):
        self.cond, self.then, self.els = cond, then, els


class For(Stmt):
    """for (int VAR = 0; VAR < N; VAR++) BODY"""
    __slots__ = ('var', 'n', 'body')

    def __init__(self, var, n, body):
        self.var, self.n, self.body = var, n, body


class While(Stmt):
    """VAR = 0; while (VAR++ < N) BODY"""
    __slots__ = ('var', 'n', 'body')

    def __init__(self, var, n, body):
        self.var, self.n, self.body = var, n, body


class DoWhile(Stmt):
    """VAR = 0; do BODY while (++VAR < N);"""
    __slots__ = ('var', 'n', 'body')

    def __init__(self, var, n, body):
        self.var, self.n, self.body = var, n, body


class Do0(Stmt):
    """do BODY while (0);  (not a loop for defer-in-loop)"""
    __slots__ = ('body',)

    def __init__(self, body):
        self.body = body


class Switch(Stmt):
    """switch (E) BODY; BODY is a Block whose direct statements include Case."""
    __slots__ = ('expr', 'body')

    def __init__(self, expr, body):
        self.expr, self.body = expr, body


class Case(Stmt):
    """case VALUE: (VALUE None: default:)"""
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value


class Break(Stmt):
    __slots__ = ()


class Continue(Stmt):
    __slots__ = ()


class Return(Stmt):
    """return E; in a function returning struct R (STRUCT):
    return (r.v[1] = E, r);"""
    __slots__ = ('expr', 'struct')

    def __init__(self, expr, struct=False):
        self.expr = expr
        self.struct = struct


class BackGoto(Stmt):
    """if (COUNTER++ < N) goto LABEL;  (a backward jump, at most N times
    per call)"""
    __slots__ = ('counter', 'n', 'label')

    def __init__(self, counter, n, label):
        self.counter, self.n, self.label = counter, n, label


class Goto(Stmt):
    __slots__ = ('label',)

    def __init__(self, label):
        self.label = label


class AsmGoto(Stmt):
    """__asm__ goto ("" : : : : LABEL);  an empty asm that never jumps, but
    the compiler (and cdefer) must assume that it may jump to LABEL."""
    __slots__ = ('label',)

    def __init__(self, label):
        self.label = label


class Label(Stmt):
    """LABEL: ;"""
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name


class Defer(Stmt):
    """KW BODY; MACRO: printed DEFER_EV(id, e); (a macro for _Defer ev(id, e))"""
    __slots__ = ('body', 'kw', 'macro')

    def __init__(self, body, kw, macro=False):
        self.body, self.kw, self.macro = body, kw, macro


class ScopeStmt(Stmt):
    """_Scope STMT: a scope statement whose body is not a block."""
    __slots__ = ('stmt',)

    def __init__(self, stmt):
        self.stmt = stmt


class PP(Stmt):
    """STMT between preprocessing directives (#if 1 ... #endif)."""
    __slots__ = ('stmt', 'kind')

    def __init__(self, stmt, kind):
        self.stmt, self.kind = stmt, kind


class Func:
    """static int NAME(int a) { locals; BODY }; BODY ends with a Return.
    STRUCT: static struct R NAME(int a) { struct R r = {{a}}; ... }, and
    callers see sum(NAME(x)) = r.v[0] + 10 * r.v[1]."""

    def __init__(self, name, struct=False):
        self.name = name
        self.struct = struct
        self.vla = self.asm_goto = False    # generation: has one
        self.locals = []        # (name, init value): loop counters
        self.body = None


class Program:
    def __init__(self, seed, model):
        self.seed = seed
        self.model = model
        self.stddefer = False    # #include <stddefer.h> (model ts)
        self.helpers = []        # Func, in definition order
        self.tests = []          # Func
        self.calls = []          # (test Func name, argument)
        self.globals = ['G0', 'G1']


# ---------------------------------------------------------------------------
# Generation.

FEATURES = (
    'stmt-expr',        # ({ ... }) as values and as statements
    'switch',
    'goto',
    'do0',              # do { } while (0)
    'cleanup',          # __attribute__((cleanup)) variables
    'cleanup-after',    # ... with the attribute after the declarator too
    'helpers',          # helper functions with defers, called repeatedly
    'nested-defer',     # defers inside deferred bodies
    'single-bodies',    # if/else/loop bodies that are one statement
    'return-in-sx',     # return out of a statement expression
    'bare-block',       # plain { } blocks
    'back-goto',        # backward goto (model go: none over a defer of its scope)
    'vla',              # variable-length arrays
    'struct-return',    # helpers that return a struct by value
    'scope-stmt',       # _Scope with a body that is not a block
    'pp-lines',         # statements between #if 1 / #endif lines
    'macros',           # defers written through a macro
    'asm-goto',         # asm goto to a label of the same block
    'static-locals',    # static variables (in deferred bodies above all)
)


class BackTarget:
    """A label placed earlier in an enclosing block: a backward goto may jump
    to it.  Model go: not once a defer of the same scope follows it
    (defer-reexecuted)."""

    def __init__(self, name, scope):
        self.name, self.scope = name, scope
        self.blocked = False


class Target:
    """A label that a goto may still jump to (placed later in its block)."""

    def __init__(self, name, block, scope):
        self.name, self.block, self.scope = name, block, scope
        self.open = True
        self.used = False


class BlockInfo:
    def __init__(self, level):
        self.level = level      # nesting depth of the block (for variables)
        self.targets = []       # Targets of labels in this block


class Var:
    def __init__(self, name, level, writable):
        self.name, self.level, self.writable = name, level, writable


class Ctx:
    """Where the statement being generated is.  Copied on entry to a nested
    construct; BlockInfo and Target objects are shared."""

    def __init__(self):
        self.block = None           # BlockInfo of the innermost block
        self.scope_level = 0        # level of the innermost defer scope
        self.scope = None           # its BlockInfo
        self.back = []              # BackTargets reachable from here
        self.vars = []              # visible Vars
        self.targets = []           # open goto Targets reachable from here
        self.breakable = False
        self.continuable = False
        self.loop_unscoped = False  # go: a non-scope loop body lies between
                                    # here and the innermost defer scope
        self.no_defer_here = False  # ts: a later case label follows
        self.in_defer = False
        self.in_sx = False
        self.depth = 0

    def copy(self):
        c = Ctx.__new__(Ctx)
        c.__dict__.update(self.__dict__)
        c.vars = list(self.vars)
        c.targets = list(self.targets)
        c.back = list(self.back)
        return c


def dangling(s):
    """Does S end with an if without else (so that an else after it would
    belong to that if)?"""
    if isinstance(s, If):
        return s.els is None or dangling(s.els)
    if isinstance(s, (ScopeStmt, PP)):
        return dangling(s.stmt)
    if isinstance(s, Defer):
        return dangling(s.body)
    if isinstance(s, (For, While, Do0)):
        return dangling(s.body)
    return False


class Gen:
    def __init__(self, seed, model, features=FEATURES, size=1.0):
        assert model in ('go', 'ts')
        self.r = Rng(seed)
        self.seed = seed
        self.model = model
        self.feat = set(features)
        self.size = size
        self.next_event = 1
        self.next_name = 0

    # -- helpers -------------------------------------------------------
    def has(self, f):
        return f in self.feat

    def fresh(self, prefix):
        self.next_name += 1
        return '%s%d' % (prefix, self.next_name)

    def kw_defer(self):
        if self.model == 'ts' and not self.prog.stddefer:
            return '_Defer'
        return '_Defer' if self.r.chance(15) else 'defer'

    def kw_scope(self):
        return '_Scope' if self.r.chance(15) else 'scope'

    def event(self, ctx):
        e = Event(self.next_event, self.pure(ctx))
        self.next_event += 1
        return e

    # -- expressions ---------------------------------------------------
    def leaf(self, ctx):
        if ctx.vars and self.r.chance(60):
            return ('v', self.r.pick(ctx.vars).name)
        if self.r.chance(30):
            return ('v', self.r.pick(self.prog.globals))
        return ('c', self.r.range(0, 9))

    def pure(self, ctx, depth=0):
        if depth >= 2 or self.r.chance(45):
            return self.leaf(ctx)
        op = self.r.pick(['+', '+', '-', '&', '|', '^'])
        return ('bin', op, self.pure(ctx, depth + 1), self.pure(ctx, depth + 1))

    def cond(self, ctx, allow_rich=True):
        rich = self.rich(ctx) if allow_rich and self.r.chance(20) else None
        if rich is not None:
            # Only constants beside a call: its side effects are then
            # unordered with nothing.
            return ('bin', '==', ('bin', '&', rich, ('c', 1)), ('c', self.r.below(2)))
        kind = self.r.below(3)
        if kind == 0:
            return ('bin', '<', self.pure(ctx), ('c', self.r.range(0, 12)))
        if kind == 1:
            return ('bin', '==', ('bin', '&', self.pure(ctx), ('c', 1)), ('c', self.r.below(2)))
        return ('bin', '!=', ('bin', '&', self.pure(ctx), ('c', 3)), ('c', self.r.below(4)))

    def rich(self, ctx):
        """A call or a statement expression, or None if neither fits."""
        choices = []
        if self.callable:
            choices.append((3, 'call'))
        if self.has('stmt-expr') and ctx.depth < 4 and self.budget > 0:
            choices.append((2, 'sx'))
        if not choices:
            return None
        if self.r.weighted(choices) == 'call':
            return ('call', self.r.pick(self.callable), self.pure(ctx))
        return self.stmt_expr(ctx)

    def value(self, ctx):
        """A right-hand side: pure, or a call or statement expression."""
        if self.r.chance(25):
            rich = self.rich(ctx)
            if rich is not None:
                return rich
        return self.pure(ctx)

    def stmt_expr(self, ctx):
        inner = self.enter_sx(ctx)
        body = self.block_stmts(inner, nmax=3)
        return ('sx', Block(body), self.pure(inner))

    def enter_sx(self, ctx):
        inner = self.nested(ctx)
        self.make_scope(inner)
        inner.in_sx = True
        inner.targets = []
        inner.back = []
        inner.breakable = inner.continuable = False
        inner.loop_unscoped = False
        inner.no_defer_here = False
        return inner

    # -- blocks ----------------------------------------------------------
    def nested(self, ctx):
        """Context for the statements of a new block inside CTX."""
        inner = ctx.copy()
        level = (ctx.block.level + 1) if ctx.block else 0
        inner.block = BlockInfo(level)
        inner.depth = ctx.depth + 1
        inner.no_defer_here = False
        if self.model == 'ts':
            self.make_scope(inner)
        return inner

    def make_scope(self, inner):
        inner.scope_level = inner.block.level
        inner.scope = inner.block

    def block_stmts(self, ctx, nmax=4, decls=True, labels=True):
        """The statements of the block whose context CTX is (already
        entered with nested())."""
        out = []
        if decls:
            for _ in range(self.r.below(3)):
                out.append(self.decl(ctx))
        n = self.r.range(1, nmax) if self.budget > 0 else 0
        if labels and self.has('back-goto') and n >= 1 and self.r.chance(20):
            back = BackTarget(self.fresh('B'), ctx.scope)
            ctx.back.append(back)
            out.append(Label(back.name))
        target = None
        if labels and self.has('goto') and n >= 2 and self.r.chance(35):
            target = Target(self.fresh('L'), ctx.block, ctx.scope)
            ctx.block.targets.append(target)
            ctx.targets.append(target)
            where = self.r.range(1, n)
        for k in range(n):
            if target and k == where:
                out += self.close(target, ctx)
                target = None
            if self.budget <= 0:
                break
            out.append(self.stmt(ctx))
            if self.has('pp-lines') and self.r.chance(5):
                out[-1] = PP(out[-1], self.r.below(3))
            # Code after a jump is dead: usually end the block there.
            if isinstance(out[-1], (Break, Continue, Return, Goto)) and self.r.chance(75):
                break
        if target:
            out += self.close(target, ctx)
        return out

    def close(self, target, ctx):
        """The label statement of TARGET, if some goto jumps to it."""
        target.open = False
        ctx.targets.remove(target)
        return [Label(target.name)] if target.used else []

    def decl(self, ctx):
        name = self.fresh('x')
        init = self.pure(ctx)
        cleanup = None
        if self.has('cleanup') and self.r.chance(25):
            cleanup = self.r.pick(['before', 'after'])
            if not self.has('cleanup-after'):
                cleanup = 'before'      # the same program otherwise
        # Clang takes every asm goto label as a possible target of every
        # asm goto, so one past a VLA is an error there: never both in one
        # function (found/clang-asm-goto-vla.c).
        vla = (not cleanup and self.has('vla') and self.r.chance(15)
               and not self.func.asm_goto)
        self.func.vla = self.func.vla or vla
        static = (not cleanup and not vla and self.has('static-locals')
                  and self.r.chance(30 if ctx.in_defer else 8))
        if static:
            init = ('c', self.r.range(0, 9))
        d = Decl(name, init, cleanup, vla, static)
        ctx.vars.append(Var(d.var(), ctx.block.level, True))
        return d

    def body(self, ctx, kind, scope_kw=None):
        """The body of a loop, if, switch or do-while(0): a Block."""
        inner = self.nested(ctx)
        if scope_kw:
            self.make_scope(inner)
            inner.loop_unscoped = False
        elif kind == 'loop' and self.model == 'go':
            inner.loop_unscoped = True
        if kind == 'loop':
            inner.breakable = inner.continuable = True
        if kind == 'do0':
            inner.breakable = inner.continuable = True
        return Block(self.block_stmts(inner), scope_kw)

    def single(self, ctx, kind):
        """A one-statement body (model ts: a block of its own)."""
        inner = self.nested(ctx)
        if kind == 'loop':
            inner.breakable = inner.continuable = True
            if self.model == 'go':
                inner.loop_unscoped = True
        if self.has('scope-stmt') and self.r.chance(25):
            return self.scope_stmt(inner)
        choices = [(3, 'event'), (2, 'assign')]
        if self.defer_ok(inner):
            choices.append((2, 'defer'))
        k = self.r.weighted(choices)
        if k == 'event':
            return self.event(inner)
        if k == 'assign':
            return self.assign(inner)
        self.note_defer(inner)
        return self.simple_defer(inner)

    def scope_stmt(self, ctx):
        """_Scope followed by one statement (an event, a defer, an if)."""
        inner = self.nested(ctx)
        self.make_scope(inner)
        inner.loop_unscoped = False
        k = self.r.below(4)
        if k == 0:
            return ScopeStmt(self.event(inner))
        if k == 1:
            return ScopeStmt(If(self.cond(inner, allow_rich=False),
                                self.scope_stmt(inner), None))
        self.note_defer(inner)
        return ScopeStmt(self.simple_defer(inner))

    def simple_defer(self, ctx):
        """A defer of one statement (sometimes through a macro)."""
        body = self.simple_defer_body(ctx)
        macro = (self.has('macros') and isinstance(body, Event)
                 and body.expr[0] != 'sx' and self.r.chance(30))
        return Defer(body, self.kw_defer(), macro)

    def g_scope1(self, ctx):
        return self.scope_stmt(ctx)

    def sub(self, ctx, kind):
        """A body: usually a block, sometimes one statement."""
        if self.has('single-bodies') and self.r.chance(12):
            return self.single(ctx, kind)
        scope_kw = None
        if kind == 'loop':
            want = 80 if self.model == 'go' else 20
            if self.r.chance(want):
                scope_kw = self.kw_scope()
        elif self.r.chance(10):
            scope_kw = self.kw_scope()
        return self.body(ctx, kind, scope_kw)

    # -- statements ------------------------------------------------------
    def note_defer(self, ctx):
        """A defer statement is being made at CTX."""
        if self.model == 'go':
            for b in ctx.back:
                if b.scope is ctx.scope:
                    b.blocked = True     # it could register twice

    def defer_ok(self, ctx):
        if ctx.loop_unscoped or ctx.no_defer_here:
            return False
        if self.model == 'ts' and ctx.block:
            if any(t.open and t.used for t in ctx.block.targets):
                return False   # a goto already jumps past this point
        return True

    def writable(self, ctx):
        names = [v.name for v in ctx.vars if v.writable] + self.prog.globals
        return self.r.pick(names)

    def assign(self, ctx):
        name = self.writable(ctx)
        if self.r.chance(50):
            return Assign(name, self.r.pick(['+=', '-=']), self.pure(ctx))
        return Assign(name, '=', self.value(ctx))

    def stmt(self, ctx):
        self.budget -= 1
        deep = ctx.depth >= 4 or self.budget <= 2
        t = []
        t.append((30, 'event'))
        t.append((14, 'assign'))
        t.append((22 if self.defer_ok(ctx) else 0, 'defer'))
        t.append((0 if deep else 7, 'scope'))
        t.append((2 if self.has('scope-stmt') else 0, 'scope1'))
        t.append((0 if deep else 10, 'if'))
        t.append((0 if deep else 8, 'loop'))
        t.append((0 if deep or not self.has('do0') else 3, 'do0'))
        t.append((0 if deep or not self.has('switch') else 5, 'switch'))
        t.append((0 if deep or not self.has('stmt-expr') else 4, 'sx'))
        t.append((0 if deep or not self.has('bare-block') else 2, 'bare'))
        t.append((5 if ctx.breakable else 0, 'break'))
        t.append((4 if ctx.continuable else 0, 'continue'))
        ret_ok = not ctx.in_defer and (not ctx.in_sx or self.has('return-in-sx'))
        t.append((3 if ret_ok else 0, 'return'))
        t.append((8 if [x for x in ctx.targets if x.open] else 0, 'goto'))
        t.append((6 if [x for x in ctx.back if not x.blocked] else 0, 'backgoto'))
        k = self.r.weighted(t)
        return getattr(self, 'g_' + k)(ctx)

    def g_event(self, ctx):
        if self.callable and self.r.chance(10):
            e = Event(self.next_event, ('call', self.r.pick(self.callable), self.pure(ctx)))
            self.next_event += 1
            return e
        return self.event(ctx)

    def g_assign(self, ctx):
        return self.assign(ctx)

    def g_break(self, ctx):
        return Break()

    def g_continue(self, ctx):
        return Continue()

    def g_return(self, ctx):
        return Return(self.value(ctx), self.func.struct)

    def g_backgoto(self, ctx):
        t = self.r.pick([x for x in ctx.back if not x.blocked])
        counter = self.fresh('b')
        self.func.locals.append(counter)
        return BackGoto(counter, self.r.range(1, 2), t.name)

    def g_goto(self, ctx):
        t = self.r.pick([x for x in ctx.targets if x.open])
        t.used = True
        # An asm goto may not leave a defer scope that has defers
        # (computed-goto-out-of-scope): only within one scope.
        if (t.scope is ctx.scope and self.has('asm-goto') and not self.func.vla
                and self.r.chance(40)):
            self.func.asm_goto = True
            return AsmGoto(t.name)
        return Goto(t.name)

    def g_scope(self, ctx):
        inner = self.nested(ctx)
        self.make_scope(inner)
        inner.loop_unscoped = False
        return Block(self.block_stmts(inner), self.kw_scope())

    def g_bare(self, ctx):
        inner = self.nested(ctx)
        return Block(self.block_stmts(inner))

    def g_if(self, ctx):
        c = self.cond(ctx)
        then = self.sub(ctx, 'if')
        els = self.sub(ctx, 'if') if self.r.chance(40) else None
        if els is not None and dangling(then):
            then = self.body(ctx, 'if')     # else would bind to the inner if
        return If(c, then, els)

    def g_loop(self, ctx):
        n = self.r.range(0, 3)
        k = self.r.below(3)
        if k == 0:
            var = self.fresh('i')
            inner = ctx.copy()
            # The loop variable lives in the for statement, outside the body.
            inner.vars.append(Var(var, (ctx.block.level if ctx.block else 0) + 1, False))
            return For(var, n, self.sub(inner, 'loop'))
        var = self.fresh('w' if k == 1 else 'd')
        self.func.locals.append(var)
        body = self.sub(ctx, 'loop')
        return While(var, n, body) if k == 1 else DoWhile(var, n, body)

    def g_do0(self, ctx):
        return Do0(self.body(ctx, 'do0', self.kw_scope() if self.r.chance(15) else None))

    def g_sx(self, ctx):
        if self.r.chance(40):
            inner = self.enter_sx(ctx)
            return VoidStmtExpr(Block(self.block_stmts(inner, nmax=3)))
        name = self.writable(ctx)
        return Assign(name, '=', self.stmt_expr(ctx))

    def g_switch(self, ctx):
        scope_kw = self.kw_scope() if self.r.chance(12) else None
        inner = self.nested(ctx)
        if scope_kw:
            self.make_scope(inner)
            inner.loop_unscoped = False
        inner.breakable = True
        values = sorted(set(self.r.range(0, 4) for _ in range(self.r.range(1, 3))))
        labels = [Case(v) for v in values]
        if self.r.chance(50):
            labels.insert(self.r.below(len(labels) + 1), Case(None))
        stmts = []
        for i, lab in enumerate(labels):
            stmts.append(lab)
            sec = inner.copy()
            # ts: a later case label would jump past a defer of this section.
            sec.no_defer_here = self.model == 'ts' and i < len(labels) - 1
            for _ in range(self.r.range(0, 2) if self.budget > 0 else 0):
                stmts.append(self.stmt(sec))
            if self.r.chance(65):
                stmts.append(Break())
        expr = ('bin', '&', self.pure(ctx), ('c', 7 if self.r.chance(30) else 3))
        return Switch(expr, Block(stmts, scope_kw))

    def g_defer(self, ctx):
        self.note_defer(ctx)
        kw = self.kw_defer()
        if self.r.chance(45):
            return self.simple_defer(ctx)
        inner = self.enter_defer(ctx)
        body = self.block_stmts(inner, nmax=3)
        if not [s for s in body if not isinstance(s, Decl)]:
            body.append(self.event(inner))    # never an empty-defer warning
        return Defer(Block(body), kw)

    def enter_defer(self, ctx):
        inner = self.nested(ctx)
        # model go: the deferred body runs when its scope is left, so it
        # may use only variables of that scope and of enclosing blocks.
        inner.vars = [v for v in ctx.vars if v.level <= ctx.scope_level]
        self.make_scope(inner)
        inner.in_defer = True
        inner.targets = []
        inner.back = []
        inner.breakable = inner.continuable = False
        inner.loop_unscoped = False
        if not self.has('nested-defer'):
            inner.no_defer_here = True   # (only checked directly; enough)
        return inner

    def simple_defer_body(self, ctx):
        inner = self.enter_defer(ctx)
        k = self.r.below(3)
        if k == 0:
            return self.assign(inner)
        if k == 1 and self.r.chance(50):
            return If(self.cond(inner, allow_rich=False), self.event(inner), None)
        return self.event(inner)

    # -- functions and the program ---------------------------------------
    def function(self, name, callable, budget, struct=False):
        f = Func(name, struct)
        self.func = f
        self.callable = callable if self.has('helpers') else []
        self.budget = budget
        ctx = Ctx()
        ctx.block = BlockInfo(0)
        ctx.scope_level = 0
        ctx.scope = ctx.block
        ctx.vars = [Var('a', 0, True)]
        if struct:
            ctx.vars += [Var('r.v[0]', 0, True), Var('r.v[1]', 0, True)]
        ctx.depth = 0
        stmts = self.block_stmts(ctx, nmax=max(2, budget // 3))
        while self.budget > 0:
            stmts.append(self.stmt(ctx))
        stmts.append(Return(self.pure(ctx), struct))
        f.body = Block(stmts)
        return f

    def program(self):
        p = Program(self.seed, self.model)
        self.prog = p
        if self.model == 'ts':
            p.stddefer = self.r.chance(60)
        nh = self.r.range(1, 3) if self.has('helpers') else 0
        nt = self.r.range(3, 5)
        scale = self.size
        for i in range(nh):
            struct = self.has('struct-return') and self.r.chance(35)
            p.helpers.append(self.function('h%d' % i, [h.name for h in p.helpers],
                                           max(2, int(self.r.range(4, 10) * scale)),
                                           struct))
        for i in range(nt):
            p.tests.append(self.function('f%d' % i, [h.name for h in p.helpers],
                                         max(3, int(self.r.range(8, 24) * scale))))
        for f in p.tests:
            for _ in range(self.r.range(1, 2)):
                p.calls.append((f.name, self.r.range(0, 9)))
        return p


def generate(seed, model, features=FEATURES, size=1.0):
    return Gen(seed, model, features, size).program()


# ---------------------------------------------------------------------------
# Printing C.

PRELUDE = """\
#include <stdio.h>
%s
static int g;                   /* events so far */
static int G0, G1;

struct R { int v[6]; };         /* returned in memory */

static int sum(struct R r)
{
    return r.v[0] + 10 * r.v[1];
}

static void ev(int id, int v)
{
    printf("%%d %%d\\n", id, v);
    g++;
}

static void done(int *p)        /* cleanup of the x variables */
{
    printf("~ %%d\\n", *p);
    g++;
}

#define DEFER_EV(id, v) _Defer ev(id, v)
"""


class Printer:
    def __init__(self, prog):
        self.prog = prog
        self.lines = []
        self.where = {}         # id(statement) -> its first line (1-based)
        self.pending = []       # statements printed inside the next line
        self.structs = {f.name for f in prog.helpers if f.struct}
        self.inline = False     # one line: no directives

    def emit(self, ind, text, node=None):
        self.lines.append('    ' * ind + text)
        if node is not None:
            self.pending.append(id(node))
        for n in self.pending:
            self.where.setdefault(n, len(self.lines))
        self.pending = []

    def expr(self, e):
        """An expression on one line (statement expressions too)."""
        k = e[0]
        if k == 'c':
            return str(e[1])
        if k == 'v':
            return e[1]
        if k == 'bin':
            return '(%s %s %s)' % (self.expr(e[2]), e[1], self.expr(e[3]))
        if k == 'call':
            if e[1] in self.structs:
                return 'sum(%s(%s))' % (e[1], self.expr(e[2]))
            return '%s(%s)' % (e[1], self.expr(e[2]))
        if k == 'sx':
            parts = []
            for s in e[1].stmts:
                text, nodes = self.one_line(s)
                parts.append(text)
                self.pending += nodes
            parts.append(self.expr(e[2]) + ';')
            return '({ ' + ' '.join(parts) + ' })'
        raise AssertionError(k)

    def one_line(self, s):
        """S on one line, and the statements printed in it."""
        sub = Printer(self.prog)
        sub.inline = True
        sub.stmt(0, s)
        return ' '.join(l.strip() for l in sub.lines), list(sub.where)

    def rhs(self, ind, prefix, e, suffix, node):
        """PREFIX E SUFFIX; a statement expression E over several lines."""
        if e[0] != 'sx':
            self.emit(ind, prefix + self.expr(e) + suffix, node)
            return
        self.emit(ind, prefix + '({', node)
        self.stmts(ind + 1, e[1].stmts)
        self.emit(ind + 1, self.expr(e[2]) + ';')
        self.emit(ind, '})' + suffix)

    def sub(self, ind, head, s, tail='', node=None):
        """HEAD followed by the body S (a block or one statement)."""
        if isinstance(s, Block):
            kw = (s.scope_kw + ' ') if s.scope_kw else ''
            self.emit(ind, head + ' ' + kw + '{', node)
            self.stmts(ind + 1, s.stmts)
            self.emit(ind, '}' + tail)
            return
        one, nodes = self.one_line(s)
        if len(one) < 60:
            self.pending += nodes
            self.emit(ind, head + ' ' + one, node)
            if tail:
                self.emit(ind, tail.strip())
            return
        self.emit(ind, head, node)
        self.stmt(ind + 1, s)
        if tail:
            self.emit(ind, tail.strip())

    def stmts(self, ind, ss):
        for s in ss:
            self.stmt(ind, s)

    def stmt(self, ind, s):
        if isinstance(s, Block):
            kw = (s.scope_kw + ' ') if s.scope_kw else ''
            self.emit(ind, kw + '{', s)
            self.stmts(ind + 1, s.stmts)
            self.emit(ind, '}')
        elif isinstance(s, Decl):
            attr = '__attribute__((cleanup(done)))'
            init = self.expr(s.init)
            if s.vla:
                self.emit(ind, 'int %s[(a & 1) + 1]; %s[0] = %s;' % (s.name, s.name, init), s)
            elif s.static:
                self.emit(ind, 'static int %s = %s;' % (s.name, init), s)
            elif s.cleanup == 'before':
                self.emit(ind, '%s int %s = %s;' % (attr, s.name, init), s)
            elif s.cleanup == 'after':
                self.emit(ind, 'int %s %s = %s;' % (s.name, attr, init), s)
            else:
                self.emit(ind, 'int %s = %s;' % (s.name, init), s)
        elif isinstance(s, Event):
            self.rhs(ind, 'ev(%d, ' % s.id, s.expr, ');', s)
        elif isinstance(s, Assign):
            self.rhs(ind, '%s %s ' % (s.name, s.op), s.expr, ';', s)
        elif isinstance(s, VoidStmtExpr):
            self.emit(ind, '({', s)
            self.stmts(ind + 1, s.body.stmts)
            self.emit(ind, '});')
        elif isinstance(s, If):
            self.sub(ind, 'if (%s)' % self.expr(s.cond), s.then, node=s)
            if s.els is not None:
                self.sub(ind, 'else', s.els)
        elif isinstance(s, For):
            self.sub(ind, 'for (int %s = 0; %s < %d; %s++)' % (s.var, s.var, s.n, s.var),
                     s.body, node=s)
        elif isinstance(s, While):
            self.emit(ind, '%s = 0;' % s.var, s)
            self.sub(ind, 'while (%s++ < %d)' % (s.var, s.n), s.body)
        elif isinstance(s, DoWhile):
            self.emit(ind, '%s = 0;' % s.var, s)
            self.sub(ind, 'do', s.body, ' while (++%s < %d);' % (s.var, s.n))
        elif isinstance(s, Do0):
            self.sub(ind, 'do', s.body, ' while (0);', node=s)
        elif isinstance(s, Switch):
            kw = (s.body.scope_kw + ' ') if s.body.scope_kw else ''
            self.emit(ind, 'switch (%s) %s{' % (self.expr(s.expr), kw), s)
            for t in s.body.stmts:
                self.stmt(ind + 1, t)
            if s.body.stmts and isinstance(s.body.stmts[-1], Case):
                self.emit(ind + 1, ';')
            self.emit(ind, '}')
        elif isinstance(s, Case):
            self.emit(max(ind - 1, 0), ('case %d:' % s.value) if s.value is not None
                      else 'default:', s)
        elif isinstance(s, Break):
            self.emit(ind, 'break;', s)
        elif isinstance(s, Continue):
            self.emit(ind, 'continue;', s)
        elif isinstance(s, Return):
            if s.struct:
                self.rhs(ind, 'return (r.v[1] = ', s.expr, ', r);', s)
            else:
                self.rhs(ind, 'return ', s.expr, ';', s)
        elif isinstance(s, BackGoto):
            self.emit(ind, 'if (%s++ < %d) goto %s;' % (s.counter, s.n, s.label), s)
        elif isinstance(s, Goto):
            self.emit(ind, 'goto %s;' % s.label, s)
        elif isinstance(s, AsmGoto):
            self.emit(ind, '__asm__ goto ("" : : : : %s);' % s.label, s)
        elif isinstance(s, Label):
            self.emit(max(ind - 1, 0), '%s: ;' % s.name, s)
        elif isinstance(s, Defer):
            if s.macro:
                self.emit(ind, 'DEFER_EV(%d, %s);' % (s.body.id, self.expr(s.body.expr)), s)
            else:
                self.sub(ind, s.kw, s.body, node=s)
        elif isinstance(s, ScopeStmt):
            self.sub(ind, '_Scope', s.stmt, node=s)
        elif isinstance(s, PP):
            if self.inline:
                # Statement expressions in conditions are printed on one
                # line, where a directive cannot be: just the statement.
                self.stmt(ind, s.stmt)
            else:
                self.lines.append(['#if 1', '#ifdef __CDEFER__', '#ifndef DIFFTEST_NOT_DEFINED'][s.kind])
                self.stmt(ind, s.stmt)
                self.lines.append('#endif')
        else:
            raise AssertionError(type(s))

    def function(self, f):
        self.emit(0, 'static %s %s(int a)' % ('struct R' if f.struct else 'int', f.name))
        self.emit(0, '{')
        if f.struct:
            self.emit(1, 'struct R r = {{a}};')
        if f.locals:
            self.emit(1, 'int %s;' % ', '.join('%s = 0' % v for v in f.locals))
        self.stmts(1, f.body.stmts)
        self.emit(0, '}')
        self.emit(0, '')

    def program(self, header=''):
        p = self.prog
        for line in header.splitlines():
            self.emit(0, line)
        inc = '#include <stddefer.h>\n' if p.stddefer else ''
        for line in (PRELUDE % inc).splitlines():
            self.emit(0, line)
        self.emit(0, '')
        for f in p.helpers + p.tests:
            self.function(f)
        self.emit(0, 'int main(void)')
        self.emit(0, '{')
        self.emit(1, 'int s = 0, r;')
        for name, arg in p.calls:
            self.emit(1, 'r = %s(%d);' % (name, arg))
            self.emit(1, 'printf("%s(%d) = %%d\\n", r);' % (name, arg))
            self.emit(1, 's += r;')
        self.emit(1, 'printf("g=%d G0=%d G1=%d\\n", g, G0, G1);')
        self.emit(1, 'return s & 63;')
        self.emit(0, '}')
        return '\n'.join(self.lines) + '\n'


def render(prog, header=''):
    return Printer(prog).program(header)
