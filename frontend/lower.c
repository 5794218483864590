/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lower.c - the portable lowering (model go): C with defer/scope in,
   C99 out.

   Text outside the functions that use defer/scope/cleanup is copied byte
   for byte.  In a function that needs lowering:

     - each scope with registrations gets ONE exit point at the end of its
       block: the registered bodies in reverse order (a body that may not
       have been registered is guarded by a flag), then a dispatch on the
       scope's destination variable;
     - a jump that leaves such a scope after something was registered sets
       the destination and jumps to the exit point, at the body of the
       last registration made before it (when that body has a flag, the
       jump tests the flag and enters inside its guard or past it); the
       dispatch continues to the next scope on the way out, or to the real
       target;
     - `return E` stores E in a temporary of the return type first; a
       return in tail position (nothing runs between it and the end of the
       function body) then falls into the exit code instead of jumping;
     - a statement expression computes its value before its bodies run.

   Deferred bodies are emitted once, so their `static` locals and labels
   are not duplicated.  Moved text is preceded by a line marker so the
   compiler's messages point at the original source.

   Trace mode (--trace) adds the calls into libcdefer that the plugin adds
   (runtime/src/trace-abi.h): a static site record per defer and a time
   variable beside its flag; `__cdefer_tN = __cdefer_trace_register
   (&__cdefer_sN)` where it registers; enter and leave hooks around its
   body.  Without --trace the output has none of it.  */

#include "fe.h"
#include "parse.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static Buf out;
static bool synced = true;
static Func *F;                 /* function being emitted */
static int lower_errors;
static bool gnu_mode;           /* --lowering=gnu */

/* ---- patches: small in-place replacements of the input text ---- */
typedef struct Patch { unsigned off, end; const char *text; } Patch;
static Patch *patches;
static int npatches, cappatches;

static void
add_patch (unsigned off, unsigned end, const char *text)
{
  if (npatches == cappatches)
    {
      cappatches = cappatches ? cappatches * 2 : 16;
      patches = realloc (patches, cappatches * sizeof *patches);
    }
  patches[npatches++] = (Patch) { off, end, text };
}

static int
patch_cmp (const void *a, const void *b)
{
  const Patch *x = a, *y = b;
  return x->off < y->off ? -1 : x->off > y->off;
}

static unsigned
tok_end (int i)
{
  return T (i)->off + T (i)->len;
}

/* ---- output ---- */
static void
gen (const char *s)
{
  buf_puts (&out, s);
}

static void
genf (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));
#include <stdarg.h>
static void
genf (const char *fmt, ...)
{
  char tmp[1024];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (tmp, sizeof tmp, fmt, ap);
  va_end (ap);
  gen (tmp);
}

static void
sync_to (int tok)
{
  Token *t = T (tok);
  if (out.n && out.s[out.n - 1] != '\n')
    gen ("\n");
  genf ("# %d \"%s\"\n", t->line, unit->files[t->file]);
  synced = true;
}

/* Copy input bytes [from, to) whose first byte is on the line of token
   LTOK, applying patches.  */
static void
copy (unsigned from, unsigned to, int ltok)
{
  if (from >= to)
    return;
  if (!synced)
    sync_to (ltok);
  int lo = 0, hi = npatches;
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;
      if (patches[mid].off < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (int i = lo; i < npatches && patches[i].end <= to; i++)
    {
      buf_add (&out, unit->text + from, patches[i].off - from);
      gen (patches[i].text);
      from = patches[i].end;
    }
  buf_add (&out, unit->text + from, to - from);
}

/* Skipping a span of the input: still in step if it was on one line.  */
static void
skipped (int first, int last)
{
  if (T (first)->line != T (last)->line || T (first)->file != T (last)->file)
    synced = false;
}

static void emit_node (Node *n);

/* Copy [from, to) of the input, lowering the children of C inside it.  */
static void
emit_kids (Node *c, unsigned from, unsigned to, int ltok)
{
  for (int i = 0; i < c->kids.n; i++)
    {
      Node *k = c->kids.v[i];
      if (T (k->first)->off < from || tok_end (k->last) > to)
        continue;
      copy (from, T (k->first)->off, ltok);
      emit_node (k);
      from = tok_end (k->last);
      ltok = k->last;
    }
  copy (from, to, ltok);
}

static void
emit_plain (Node *n)
{
  emit_kids (n, T (n->first)->off, tok_end (n->last), n->first);
}

/* ---- the return type, as a declaration of __cdefer_ret ---- */
static bool
storage_word (int k)
{
  return k == TYPEDEF || k == EXTERN || k == STATIC || k == AUTO
         || k == REGISTER || k == THREAD_LOCAL || k == INLINE
         || k == NORETURN;
}

static int
skip_group (int i)
{
  /* i is at __attribute__ or similar: skip it and its (( )).  */
  int depth = 0;
  i++;
  if (T (i)->kind != '(')
    return i;
  for (; i < unit->ntok; i++)
    {
      if (T (i)->kind == '(')
        depth++;
      else if (T (i)->kind == ')' && --depth == 0)
        return i + 1;
    }
  return i;
}

static void
emit_tokens (Buf *b, int first, int last, bool drop_quals)
{
  for (int i = first; i <= last;)
    {
      int k = T (i)->kind;
      if (k == ATTRIBUTE)
        {
          i = skip_group (i);
          continue;
        }
      if (k == EXTENSION || storage_word (k)
          || (drop_quals && (k == CONST || k == VOLATILE)))
        {
          i++;
          continue;
        }
      buf_add (b, unit->text + T (i)->off, T (i)->len);
      buf_puts (b, " ");
      i++;
    }
}

static char *
return_type_decl (Func *f)
{
  Buf b = { 0 };
  bool pointer = false;
  for (int i = f->ds_last + 1; i < f->name; i++)
    if (T (i)->kind == '*' || T (i)->kind == '(')
      pointer = true;
  if (f->ds_first > f->ds_last)
    buf_puts (&b, "int ");
  emit_tokens (&b, f->ds_first, f->ds_last, !pointer);
  emit_tokens (&b, f->ds_last + 1, f->name - 1, false);
  buf_puts (&b, "__cdefer_ret ");
  if (f->rp >= 0)
    emit_tokens (&b, f->rp + 1, f->decl_last, false);
  char *decl = xstrndup (b.s, b.n);
  free (b.s);
  return decl;
}

/* Does statement N end in a jump (so what follows is unreachable)?  */
static bool
ends_in_jump (Node *n)
{
  if (!n)
    return false;
  switch (n->kind)
    {
    case N_RETURN: case N_GOTO:
      return true;
    case N_IF:
      return n->els && ends_in_jump (n->body) && ends_in_jump (n->els);
    case N_BLOCK:
      if (!n->kids.n)
        return false;
      Node *k = n->kids.v[n->kids.n - 1];
      return k->last == n->last - 1 && ends_in_jump (k);
    case N_LABEL:       /* `out: return rc;` */
      return ends_in_jump (n->body);
    default:
      return false;
    }
}

/* The function scope needs no destination: every exit through it is a
   return, and falling off its end is a return too.  */
static bool
needs_dest (Node *s)
{
  return s->has_jumps && (s->kind != N_FUNC || s->has_partial);
}

static bool
returns_through_exit (Func *f)
{
  for (int i = 0; i < f->jumps.n; i++)
    {
      Node *j = f->jumps.v[i];
      if (j->kind == N_RETURN && j->exit)
        return true;
    }
  return false;
}

/* S as a C string literal.  */
static void
gen_string (const char *s)
{
  gen ("\"");
  for (; *s; s++)
    if (*s == '"' || *s == '\\')
      genf ("\\%c", *s);
    else if ((unsigned char) *s < 0x20)
      genf ("\\%03o", (unsigned char) *s);
    else
      buf_add (&out, s, 1);
  gen ("\"");
}

/* Trace mode: the hooks' declarations.  */
static void
emit_trace_hooks (void)
{
  gen (" extern unsigned long long __cdefer_trace_register (void *);"
       " extern unsigned long long __cdefer_trace_enter (void *, unsigned long long);"
       " extern void __cdefer_trace_leave (void *, unsigned long long);");
}

/* Trace mode: the site record of defer D (where its `defer` keyword is,
   in the user's source, and the function's name), declared with D's
   flag (in an OpenMP structured block, inside it).  */
static void
emit_trace_site (Node *d)
{
  Token *t = T (d->first);
  genf (" static struct { const char *file, *function; unsigned line,"
        " column, id, reserved; } __cdefer_s%d = { ", d->id);
  gen_string (unit->files[t->file]);
  gen (", ");
  gen_string (T (F->name)->sym->name);
  genf (", %d, %d, 0, 0 };", t->line, diag_column (d->first));
}

static void
gen_trace_register (Node *d)
{
  genf ("__cdefer_t%d = __cdefer_trace_register (&__cdefer_s%d); ", d->id,
        d->id);
}

/* Flags and destinations of scope S.  Those of an OpenMP structured
   block are declared in it (private to each thread); the others at the
   top of the function.  */
static void
emit_scope_vars (Node *s, const char *vol)
{
  if (needs_dest (s) && !gnu_mode)
    genf (" %sint __cdefer_d%d;", vol, s->sid);
  bool hooks = false;
  for (int k = 0; k < s->regs.n; k++)
    {
      Node *r = s->regs.v[k];
      if (opt.trace && r->kind == N_DEFER)
        {
          if (!hooks)
            emit_trace_hooks ();
          hooks = true;
          emit_trace_site (r);
          genf (" %sunsigned long long __cdefer_t%d = 0;", vol, r->id);
        }
      if (r->flag && !r->flag_var && !(gnu_mode && r->kind != N_DEFER))
        genf (" %sint __cdefer_f%d = 0;", vol, r->id);
      if (r->flag && gnu_mode && r->kind == N_DEFER && *vol)
        genf (" volatile int *const __cdefer_pf%d = &__cdefer_f%d;",
              r->id, r->id);
    }
}

/* gnu lowering: how a deferred body's nested function reads its flag.
   GCC moves the variables a nested function uses into a frame object and
   drops their `volatile` there, so after a longjmp back into a function
   that calls setjmp, -O2 may use a value of the flag from before the
   longjmp.  There the body reads the flag through a pointer to the
   volatile variable, which stays out of that frame object.  */
static const char *
flag_in_body (Node *d)
{
  static char buf[48];
  if (d->flag_var)
    return d->flag_var->sym->name;
  snprintf (buf, sizeof buf, F->calls_setjmp ? "*__cdefer_pf%d"
                                             : "__cdefer_f%d", d->id);
  return buf;
}

/* The flag of registration R as an expression: its own, or the user's
   variable that already says whether R was reached (no shadowing: see
   check.c).  */
static const char *
flag_of (Node *r)
{
  static char buf[48];
  if (r->flag_var)
    return r->flag_var->sym->name;
  snprintf (buf, sizeof buf, "__cdefer_f%d", r->id);
  return buf;
}

static Map alias_declared;      /* (Func, Var) -> Var: pointer declared */

static void
emit_prologue (void)
{
  if (!gnu_mode && !F->void_return && returns_through_exit (F))
    {
      genf (" %s;", return_type_decl (F));
      if (!ends_in_jump (F->node->body))
        gen (" int __cdefer_ret_set = 0;");
    }
  const char *vol = F->calls_setjmp ? "volatile " : "";
  for (int i = 0; i < F->defers.n; i++)
    {
      Node *d = F->defers.v[i];
      for (int k = 0; k < d->aliases.n; k++)
        {
          Var *v = d->aliases.v[k];
          if (map_get (&alias_declared, F, v))
            continue;
          map_put (&alias_declared, F, v, v);
          Buf b = { 0 };
          emit_tokens (&b, v->ds_first, v->ds_last, false);
          emit_tokens (&b, v->d_first, v->tok - 1, false);
          buf_printf (&b, "(*__cdefer_p%d) ", v->alias);
          emit_tokens (&b, v->tok + 1, v->d_last, false);
          genf (" %s;", b.s);
          free (b.s);
        }
    }
  for (int i = 0; i < F->scopes.n; i++)
    {
      Node *s = F->scopes.v[i];
      if (!(s->kind == N_BLOCK && s->omp))
        emit_scope_vars (s, vol);
    }
}

/* ---- exits ---- */
static int
chain_index (Exit *e, Node *s)
{
  for (int i = 0; i < e->chain.n; i++)
    if (e->chain.v[i] == s)
      return i;
  return -1;
}

/* Where exit E enters the exit code of the I-th scope of its chain: at
   the body of the last registration made before the jump (analyse.c
   records the first 16; deeper ones are computed here the same way).  */
static int
exit_entry (Exit *e, int i)
{
  if (i < 16)
    return e->entry[i];
  return last_reg_before (e->chain.v[i], e->jump->first);
}

/* Is there a #pragma line in the input bytes [from, to)?  (A standalone
   directive such as `#pragma omp barrier` is executable.)  */
static bool
gap_has_pragma (unsigned from, unsigned to)
{
  for (unsigned i = from; i < to; i++)
    if (unit->text[i] == '#')
      {
        unsigned k = i + 1;
        while (k < to && (unit->text[k] == ' ' || unit->text[k] == '\t'))
          k++;
        if (to - k >= 6 && !memcmp (unit->text + k, "pragma", 6))
          return true;
      }
  return false;
}

/* Does `return` J fall into the exit code of the function scope when
   control simply continues after it?  It does when J is the last
   statement executed before the end of the function body: the last
   statement of the body, or of a plain block, labelled statement or
   if/else branch in that position, with no deferred bodies in between and
   nothing registered after the last registration J has seen.  Such a
   return needs no jump: it stores its value and continues into the exit
   code (a `goto` on the normal path would also make GCC predict that path
   as unlikely).  */
static bool
falls_into_exit (Node *j)
{
  Exit *e = j->exit;
  Node *s = e->chain.v[0];
  if (j->kind != N_RETURN || e->chain.n != 1 || s->kind != N_FUNC
      || needs_dest (s) || exit_entry (e, 0) != s->regs.n - 1)
    return false;
  Node *blk = s->body;
  for (Node *c = j, *p = j->parent; ; c = p, p = p->parent)
    {
      if (!p)
        return false;
      switch (p->kind)
        {
        case N_BLOCK:
          if (p->stmtexpr || p->omp || (p != blk && p->regs.n)
              || !p->kids.n || p->kids.v[p->kids.n - 1] != c
              || c->last != p->last - 1
              || gap_has_pragma (tok_end (c->last), T (p->last)->off))
            return false;
          if (p == blk)
            return true;
          break;
        case N_IF:
          if (p->body != c && p->els != c)
            return false;
          break;
        case N_LABEL:
          if (p->body != c)
            return false;
          break;
        case N_SCOPE:
          if (p->body != c || p->regs.n)
            return false;
          break;
        default:
          return false;
        }
    }
}

static void
emit_final (Exit *e)
{
  Node *j = e->jump;
  switch (j->kind)
    {
    case N_RETURN:
      gen (F->void_return ? "return;" : "return __cdefer_ret;");
      break;
    case N_BREAK:
      gen ("break;");
      break;
    case N_CONTINUE:
      gen ("continue;");
      break;
    default:
      genf ("goto %s;", j->label->name);
      break;
    }
}

/* Does exit E test the flag of the body where it enters the I-th scope
   of its chain itself, instead of jumping to the test in the exit code?
   It does when that body has a flag (a backward goto of model ts, which
   leaves its last scope only partly, keeps the plain entry).  The test
   then sits next to the code that decided the flag's value, where the
   compiler can often fold it (jump threading), rather than after the
   merge of every path into the shared exit code.  */
static bool
tests_flag_at_jump (Exit *e, int i)
{
  Node *s = e->chain.v[i];
  int k = exit_entry (e, i);
  return !e->partial && k >= 0 && k < s->regs.n
         && ((Node *) s->regs.v[k])->flag;
}

/* Enter the exit code of the I-th scope of E's chain: at label
   __cdefer_xS_K before the body of registration K; or, when K has a flag,
   at label __cdefer_yS_K inside its guard if the flag is set, else at the
   body before it (__cdefer_xS_K-1, or __cdefer_zS after the last).  */
static void
emit_goto_entry (Exit *e, int i)
{
  Node *s = e->chain.v[i];
  int k = exit_entry (e, i);
  if (!tests_flag_at_jump (e, i))
    {
      genf ("goto __cdefer_x%d_%d;", s->sid, k);
      return;
    }
  Node *r = s->regs.v[k];
  genf ("if (%s) goto __cdefer_y%d_%d; ", flag_of (r), s->sid, k);
  if (k > 0)
    genf ("goto __cdefer_x%d_%d;", s->sid, k - 1);
  else
    genf ("goto __cdefer_z%d;", s->sid);
}

static void emit_defer_body (Node *d);

/* Model ts: the backward gotos that leave scope S only partly, by the
   registration after whose body they stop.  */
static Vec *
partial_stops (Node *s)
{
  Vec *stops = xalloc ((size_t) s->regs.n * sizeof *stops);
  for (int m = 0; m < s->dispatch.n; m++)
    {
      Exit *e = s->dispatch.v[m];
      if (e->partial && e->chain.v[e->chain.n - 1] == s)
        vec_push (&stops[e->stop], e);
    }
  return stops;
}

static void
emit_exit (Node *s)
{
  if (needs_dest (s))
    genf (" __cdefer_d%d = 0;", s->sid);
  /* The labels that some jump or dispatch enters (see emit_goto_entry):
     1 before a body (x), 2 inside its guard (y); Z after the last.  */
  char *entry = xalloc ((size_t) s->regs.n + 1);
  bool z = false;
  for (int m = 0; m < s->dispatch.n; m++)
    {
      Exit *e = s->dispatch.v[m];
      int at = chain_index (e, s);
      int k = exit_entry (e, at);
      if ((at == 0 && falls_into_exit (e->jump)) || k < 0 || k >= s->regs.n)
        continue;
      if (!tests_flag_at_jump (e, at))
        entry[k] |= 1;
      else
        {
          entry[k] |= 2;
          if (k > 0)
            entry[k - 1] |= 1;
          else
            z = true;
        }
    }
  Vec *stops = s->has_partial ? partial_stops (s) : NULL;
  for (int i = s->regs.n - 1; i >= 0; i--)
    {
      Node *r = s->regs.v[i];
      if (entry[i] & 1)
        genf (" __cdefer_x%d_%d: ;", s->sid, i);
      if (r->flag)
        genf (" if (%s) {", flag_of (r));
      if (entry[i] & 2)
        genf (" __cdefer_y%d_%d: ;", s->sid, i);
      /* The function scope is not entered twice per call: no reset.  */
      if (r->flag && !r->flag_var && s->kind != N_FUNC)
        genf (" __cdefer_f%d = 0;", r->id);
      if (r->kind == N_DEFER)
        {
          gen (" ");
          synced = false;
          emit_defer_body (r);
          synced = false;
        }
      else
        for (int k = r->vars.n - 1; k >= 0; k--)
          {
            Var *v = r->vars.v[k];
            if (v->cleanup)
              genf (" %s(&%s);", tok_text (v->cleanup), v->sym->name);
          }
      if (r->flag)
        gen (" }");
      /* Backward gotos (model ts) stop after the first body registered
         after their label.  */
      for (int m = 0; stops && m < stops[i].n; m++)
        {
          Exit *e = stops[i].v[m];
          genf (" if (__cdefer_d%d == %d) goto %s;", s->sid, e->code,
                e->jump->label->name);
        }
    }
  if (z)
    genf (" __cdefer_z%d: ;", s->sid);
  if (s->kind == N_FUNC)
    {
      /* Every exit through the function scope is a return.  */
      if (s->has_jumps && !F->void_return)
        gen (ends_in_jump (s->body) ? " return __cdefer_ret;"
                                    : " if (__cdefer_ret_set) return __cdefer_ret;");
      gen (" ");
      return;
    }
  for (int i = 0; i < s->dispatch.n; i++)
    {
      Exit *e = s->dispatch.v[i];
      int at = chain_index (e, s);
      if (e->partial && at == e->chain.n - 1)
        continue;
      genf (" if (__cdefer_d%d == %d) ", s->sid, e->code);
      if (at == e->chain.n - 1)
        emit_final (e);
      else
        {
          Node *next = e->chain.v[at + 1];
          gen ("{ ");
          if (needs_dest (next))
            genf ("__cdefer_d%d = %d; ", next->sid, e->code);
          emit_goto_entry (e, at + 1);
          gen (" }");
        }
    }
  gen (" ");
}

static void
emit_jump (Node *j)
{
  Exit *e = j->exit;
  Node *s = e->chain.v[0];
  gen ("{ ");
  if (j->kind == N_RETURN && j->e1 <= j->e2)
    {
      gen (F->void_return ? "(" : "__cdefer_ret = (");
      emit_kids (j, T (j->e1)->off, tok_end (j->e2), j->e1);
      gen ("); ");
    }
  if (j->kind == N_RETURN && !F->void_return
      && !ends_in_jump (F->node->body))
    gen ("__cdefer_ret_set = 1; ");
  if (falls_into_exit (j))
    gen ("}");
  else
    {
      if (needs_dest (s))
        genf ("__cdefer_d%d = %d; ", s->sid, e->code);
      emit_goto_entry (e, 0);
      gen (" }");
    }
  skipped (j->first, j->last);
}

/* ---- scopes ---- */

/* The last statement of a statement expression, if its value is used.  */
static Node *
value_stmt (Node *b)
{
  if (!b->stmtexpr || b->value_unused || !b->kids.n)
    return NULL;
  Node *k = b->kids.v[b->kids.n - 1];
  return k->kind == N_EXPR && k->last == b->last - 1 ? k : NULL;
}

/* The token after the `__label__ L, ...;` declarations that start a
   block at token I: they must stay first in the block.  */
static int
after_local_labels (int i)
{
  while (T (i)->kind == LOCAL_LABEL)
    {
      while (T (i)->kind && T (i)->kind != ';')
        i++;
      if (T (i)->kind)
        i++;
    }
  return i;
}

/* Copy the opening brace of block B, and the local label declarations
   after it; the token where the rest starts.  What the caller emits next
   (the prologue's declarations) goes right after them, before the space
   up to that token: a `#pragma` line there belongs to the statement after
   it (`#pragma GCC unroll 4` before a loop).  */
static int
open_block (Node *b)
{
  int rest = after_local_labels (b->first + 1);
  emit_kids (b, T (b->first)->off, tok_end (rest - 1), b->first);
  return rest;
}

static void
emit_block (Node *b)
{
  Node *s = b->is_body ? b->parent : b;
  bool fbody = s->kind == N_FUNC;
  if (gnu_mode)
    {
      int rest = open_block (b);
      if (fbody && F->needs_lowering)
        emit_prologue ();
      else if (b->omp && s->regs.n)
        emit_scope_vars (s, "");
      emit_kids (b, tok_end (rest - 1), T (b->last)->off, rest - 1);
      copy (T (b->last)->off, tok_end (b->last), b->last);
      return;
    }
  if (!s->regs.n && !(fbody && F->needs_lowering))
    {
      emit_plain (b);
      return;
    }
  int rest = open_block (b);
  if (fbody)
    emit_prologue ();
  if (b->omp && s->regs.n)
    emit_scope_vars (s, "");
  Node *v = value_stmt (b);
  unsigned items_end = v ? T (v->first)->off : T (b->last)->off;
  emit_kids (b, tok_end (rest - 1), items_end, rest - 1);
  if (v && s->regs.n)
    {
      gen (" __typeof__((");
      emit_kids (v, T (v->e1)->off, tok_end (v->e2), v->e1);
      genf (")) __cdefer_v%d = (", s->sid);
      emit_kids (v, T (v->e1)->off, tok_end (v->e2), v->e1);
      gen (");");
      skipped (v->first, v->last);
    }
  else if (v)
    emit_node (v);
  if (s->regs.n)
    emit_exit (s);
  if (v && s->regs.n)
    genf (" __cdefer_v%d;", s->sid);
  copy (T (b->last)->off, tok_end (b->last), b->last);
}

/* A scope whose body is not a compound statement: wrap it.  */
static void
emit_wrapped (Node *s)
{
  gen ("{ ");
  emit_node (s->body);
  emit_exit (s);
  gen ("}");
}

static void emit_defer_body_plain (Node *d);

/* Body of D, with the enter and leave hooks around it in trace mode.  */
static void
emit_defer_body (Node *d)
{
  if (!opt.trace)
    {
      emit_defer_body_plain (d);
      return;
    }
  genf ("{ __cdefer_t%d = __cdefer_trace_enter (&__cdefer_s%d, __cdefer_t%d); ",
        d->id, d->id, d->id);
  emit_defer_body_plain (d);
  genf (" __cdefer_trace_leave (&__cdefer_s%d, __cdefer_t%d); }", d->id, d->id);
}

static void
emit_defer_body_plain (Node *d)
{
  if (gnu_mode)
    {
      if (!scope_block (d))
        gen ("{ ");
      emit_node (d->body);
      if (!scope_block (d))
        gen (" }");
      return;
    }
  if (d->regs.n && !scope_block (d))
    emit_wrapped (d);
  else
    emit_node (d->body);
}

static void
emit_scope (Node *s)
{
  if (gnu_mode && !scope_block (s))
    {
      gen ("{ ");
      emit_node (s->body);
      gen (" }");
      return;
    }
  if (s->regs.n && !scope_block (s))
    {
      emit_wrapped (s);
      return;
    }
  /* Drop the keyword; keep what follows.  */
  copy (tok_end (s->first), T (s->body->first)->off, s->first);
  emit_node (s->body);
}

static void
emit_decl (Node *d)
{
  emit_plain (d);
  if (d->owner && d->flag && !gnu_mode)
    genf (" __cdefer_f%d = 1;", d->id);
}

/* gnu lowering: a deferred body becomes a nested function, run by the
   cleanup of a flag variable declared at the top level of its scope
   (GCC then runs it on every exit, LIFO with the user's own cleanups).  */
static void
emit_hoists (Node *n)
{
  for (int i = 0; i < n->hoists.n; i++)
    {
      Node *d = n->hoists.v[i];
      /* A flagged defer's flag lives at the top of the function (a jump
         may skip this declaration); the body resets it when it runs.  */
      genf ("void __cdefer_fn%d (int *__cdefer_p __attribute__ ((unused))) { ",
            d->id);
      const char *flag = flag_in_body (d);
      if (d->flag && (d->owner->kind == N_FUNC || d->flag_var))
        genf ("if (%s) { ", flag);
      else if (d->flag)
        genf ("if (%s) { %s = 0; ", flag, flag);
      synced = false;
      emit_defer_body (d);
      synced = false;
      genf ("%s } int __cdefer_g%d __attribute__ ((cleanup (__cdefer_fn%d))); ",
            d->flag ? " }" : "", d->id, d->id);
    }
}

static void
emit_node (Node *n)
{
  if (gnu_mode && n->hoists.n && n->kind == N_SWITCH && n->body
      && n->body->kind == N_SCOPE && n->body->regs.n)
    {
      gen ("{ ");
      emit_hoists (n);
      emit_plain (n);
      gen (" }");
      return;
    }
  if (gnu_mode && n->hoists.n)
    {
      Node *p = n->parent;
      if (p && p->body == n && (p->kind == N_LABEL || p->kind == N_CASE
                                || p->kind == N_DEFAULT))
        gen ("; ");     /* a label cannot label a declaration (C17) */
      emit_hoists (n);
    }
  switch (n->kind)
    {
    case N_FUNC:
      {
        Func *saved = F;
        F = n->func;
        emit_plain (n);
        F = saved;
        return;
      }
    case N_BLOCK:
      emit_block (n);
      return;
    case N_DEFER:
      if (n->immediate)
        {
          /* Model ts, `if (c) defer S;`: the block of S's defer ends at
             once: S runs here (a defer scope of its own).  */
          copy (tok_end (n->first), T (n->body->first)->off, n->first);
          if (opt.trace)
            {
              gen ("{");
              emit_trace_hooks ();
              emit_trace_site (n);
              genf (" unsigned long long __cdefer_t%d; ", n->id);
              gen_trace_register (n);
              genf ("__cdefer_t%d = __cdefer_trace_enter (&__cdefer_s%d, "
                    "__cdefer_t%d); ", n->id, n->id, n->id);
            }
          if (gnu_mode || !n->regs.n || scope_block (n))
            {
              if (!scope_block (n))
                gen ("{ ");
              emit_node (n->body);
              if (!scope_block (n))
                gen (" }");
            }
          else
            emit_wrapped (n);
          if (opt.trace)
            genf (" __cdefer_trace_leave (&__cdefer_s%d, __cdefer_t%d); }",
                  n->id, n->id);
          return;
        }
      gen ("{ ");
      if (n->flag && !n->flag_var)
        genf ("__cdefer_f%d = 1; ", n->id);
      if (opt.trace)
        gen_trace_register (n);
      for (int i = 0; i < n->aliases.n; i++)
        {
          Var *v = n->aliases.v[i];
          genf ("__cdefer_p%d = &%s; ", v->alias, v->sym->name);
        }
      gen ("}");
      skipped (n->first, n->last);
      return;
    case N_SCOPE:
      emit_scope (n);
      return;
    case N_DECL:
      emit_decl (n);
      return;
    case N_RETURN: case N_BREAK: case N_CONTINUE: case N_GOTO:
      if (n->exit && !gnu_mode)
        {
          emit_jump (n);
          return;
        }
      break;
    default:
      break;
    }
  emit_plain (n);
}

/* ---- checks that only the portable lowering needs ---- */

/* The variable-length arrays declared directly in block BLK (not
   parameters), in source order; NULL if none.  */
static Map vla_lists;

static Vec *
vlas_of (Node *blk)
{
  if (blk->has_vla == 0)
    {
      Vec *list = NEW (Vec);
      for (int k = 0; k < blk->kids.n; k++)
        {
          Node *d = blk->kids.v[k];
          for (int v = 0; d->kind == N_DECL && v < d->vars.n; v++)
            {
              Var *var = d->vars.v[v];
              if (var->is_vla && !var->is_param)
                vec_push (list, var);
            }
        }
      blk->has_vla = list->n ? 1 : -1;
      if (list->n)
        map_put (&vla_lists, blk, NULL, list);
    }
  return blk->has_vla > 0 ? map_get (&vla_lists, blk, NULL) : NULL;
}

/* The first VLA of LIST whose declaration starts at or after token FROM.  */
static Var *
vla_from (Vec *list, int from)
{
  int lo = 0, hi = list->n;
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      if (((Var *) list->v[mid])->decl->first < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < list->n ? list->v[lo] : NULL;
}

/* No emitted jump may enter the scope of a variable-length array: the
   exit code of each scope a jump leaves is after the VLAs declared in
   that scope's block after the jump.  */
static void
check_vla_jumps (Func *f)
{
  for (int i = 0; i < f->jumps.n; i++)
    {
      Node *j = f->jumps.v[i];
      Exit *e = j->exit;
      if (!e)
        continue;
      int from = j->first;
      for (int c = 0; c < e->chain.n; c++)
        {
          Node *s = e->chain.v[c];
          Node *blk = scope_block (s);
          Vec *list = vlas_of (blk ? blk : s);
          Var *var = list ? vla_from (list, from) : NULL;
          if (var)
            {
              char msg[256];
              snprintf (msg, sizeof msg, "this '%s' (its deferred bodies "
                        "run after the variable-length array '%s' is "
                        "declared)",
                        j->kind == N_RETURN ? "return"
                        : j->kind == N_BREAK ? "break"
                        : j->kind == N_CONTINUE ? "continue" : "goto",
                        var->sym->name);
              diag (DIAG_CANNOT_LOWER_PORTABLY, j->first, msg);
              diag_note (var->tok, "'%s' is declared here", var->sym->name);
              lower_errors++;
              break;
            }
          from = s->last;
        }
    }
}

/* With -fexceptions, pthread_exit and thrd_exit unwind the thread, and
   the user expects the pending deferred bodies (and cleanup variables) to
   run, as the plugin and the gnu lowering do.  The portable lowering runs
   them only on the ways out it can see.  */
static void
check_unwinding_calls (Func *f)
{
  if (!opt.exceptions)
    return;
  for (int i = 0; i < f->uses.n; i++)
    {
      Use *u = f->uses.v[i];
      const char *name = T (u->tok)->sym->name;
      if (T (u->tok + 1)->kind != '(' || (u->var && !u->var->file_scope)
          || cd_classify_call (name) != CD_CALL_THREAD_EXIT)
        continue;
      Node *r = pending_registration (f, u->tok);
      if (!r)
        continue;
      char msg[256];
      snprintf (msg, sizeof msg, "this call of '%s' (with -fexceptions it "
                "unwinds the thread, and the portable lowering runs no "
                "deferred body during unwinding)", name);
      diag (DIAG_CANNOT_LOWER_PORTABLY, u->tok, msg);
      if (r->kind == N_DEFER)
        diag_note (r->first, "this deferred body would not run");
      else
        for (int k = 0; k < r->vars.n; k++)
          {
            Var *v = r->vars.v[k];
            if (v->cleanup)
              {
                diag_note (v->tok, "the cleanup of '%s' would not run",
                           v->sym->name);
                break;
              }
          }
      lower_errors++;
    }
}

/* libcdefer's panic unwinds the stack, and its protect is where the
   unwinding stops: both need deferred bodies that run during unwinding,
   which the portable lowering does not give.  Any call in the unit, in a
   function with defers or not: a panic from here may unwind through a
   caller's defers in this unit.  */
static void
report_panic_call (int tok)
{
  char msg[320];
  snprintf (msg, sizeof msg, "this call of '%s' (a panic unwinds the "
            "stack; the portable lowering runs no deferred body during "
            "unwinding, the plugin and the gnu lowering do, with "
            "-fexceptions)", T (tok)->sym->name);
  diag (DIAG_CANNOT_LOWER_PORTABLY, tok, msg);
  lower_errors++;
}

static bool
is_panic_call (int tok)
{
  return T (tok)->kind == IDENTIFIER && T (tok + 1)->kind == '('
         && cd_classify_call (T (tok)->sym->name) == CD_CALL_PANIC;
}

static void
check_panic_calls (Func *f)
{
  if (!f->node->body)
    {
      /* A body the parser skipped (no defer in it): its tokens.  */
      for (int t = f->decl_last + 1; t < f->node->last; t++)
        if (is_panic_call (t))
          report_panic_call (t);
      return;
    }
  for (int i = 0; i < f->uses.n; i++)
    {
      Use *u = f->uses.v[i];
      if (is_panic_call (u->tok) && !(u->var && !u->var->file_scope))
        report_panic_call (u->tok);
    }
}

/* A deferred body is emitted at the end of its scope.  A name in it that
   is not visible there (a static or a sizeof operand of a nested block)
   or is shadowed there by a later declaration is reached through a
   pointer taken when the defer registers.  */
static int alias_counter;
static Map aliased_in;          /* (defer, Var) -> Var: in D's aliases */

/* Is V declared inside D's body?  */
static bool
is_ancestor_scope (Node *d, Var *v)
{
  for (Node *b = v->block; b; b = b->up)
    if (b == d)
      return true;
  return false;
}

/* The last declaration of each name directly in a scope block: (block,
   name) -> 1 + its first token; (block, NULL) -> 1 once the block is
   indexed.  */
static Map last_decls;

static int
last_decl_of (Node *blk, Sym *sym)
{
  if (!map_get (&last_decls, blk, NULL))
    {
      for (int i = 0; i < blk->kids.n; i++)
        {
          Node *k = blk->kids.v[i];
          for (int j = 0; k->kind == N_DECL && j < k->vars.n; j++)
            map_put (&last_decls, blk, ((Var *) k->vars.v[j])->sym,
                     (void *) (intptr_t) (k->first + 1));
        }
      map_put (&last_decls, blk, NULL, (void *) 1);
    }
  return (int) (intptr_t) map_get (&last_decls, blk, sym) - 1;
}

/* Is V's name declared again directly in the block of D's scope after D,
   so that it means another variable where the body is emitted?  */
static bool
shadowed_at_exit (Node *d, Var *v)
{
  Node *blk = scope_block (d->owner);
  return blk && last_decl_of (blk, v->sym) >= d->last;
}

static void
plan_aliases (Func *f)
{
  for (int i = 0; i < f->defers.n; i++)
    {
      Node *d = f->defers.v[i];
      if (d->immediate)
        continue;
      /* uses are in token order: start at the first one in D */
      int lo = 0, hi = f->uses.n;
      while (lo < hi)
        {
          int mid = lo + (hi - lo) / 2;
          if (((Use *) f->uses.v[mid])->tok < d->first)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (int k = lo; k < f->uses.n; k++)
        {
          Use *u = f->uses.v[k];
          Var *v = u->var;
          if (u->tok > d->last)
            break;
          if (u->tok < d->first || !v || v->kind != B_OBJ
              || v->file_scope)
            continue;
          bool need = false;
          for (Node *b = v->block; b; b = b->up)
            {
              if (b == d)
                break;
              if (b == d->owner)
                {
                  need = v->block != d->owner;
                  break;
                }
            }
          if (!need && !is_ancestor_scope (d, v))
            need = shadowed_at_exit (d, v);
          if (!need)
            continue;
          if (!map_get (&aliased_in, d, v))
            {
              if (!v->alias)
                v->alias = ++alias_counter;
              vec_push (&d->aliases, v);
              map_put (&aliased_in, d, v, v);
            }
          char buf[64];
          snprintf (buf, sizeof buf, "(*__cdefer_p%d)", v->alias);
          add_patch (T (u->tok)->off, tok_end (u->tok), xstrndup (buf, strlen (buf)));
        }
    }
}

static void
collect_patches (Func *f)
{
  plan_aliases (f);
  for (int i = 0; i < f->cleanups.n; i++)
    {
      Node *d = f->cleanups.v[i];
      int done = 0;
      for (int k = 0; k < d->vars.n; k++)
        {
          Var *v = d->vars.v[k];
          /* cleanup ( F )  ->  unused; once for the declarators that
             share one attribute in the declaration specifiers.  */
          if (!v->cleanup || v->cleanup == done)
            continue;
          done = v->cleanup;
          add_patch (T (v->cleanup - 2)->off, tok_end (v->cleanup + 1),
                     "unused");
        }
    }
}

/* The switch whose body is scope S (`switch (e) scope { ... }`), or NULL.  */
static Node *
switch_of_scope (Node *s)
{
  Node *sw = s->parent;
  return s->kind == N_SCOPE && sw && sw->kind == N_SWITCH && sw->body == s
         ? sw : NULL;
}

/* gnu lowering: the statement before which defer D's function and flag
   are declared: the top-level statement of its scope that contains it.  */
static Node *
hoist_point (Node *d)
{
  Node *blk = scope_block (d->owner);
  Node *t = d;
  while (t->parent && t->parent != blk && t->parent != d->owner)
    t = t->parent;
  Node *sw = switch_of_scope (d->owner);
  if (sw && (t->kind == N_CASE || t->kind == N_DEFAULT))
    return sw;      /* switch (e) scope { case ...: defer ... }: before it */
  /* `L: case 1: S`: after the labels (`L: ; decls S`), so a jump to a
     label does not skip the declarations.  */
  while ((t->kind == N_LABEL || t->kind == N_CASE || t->kind == N_DEFAULT)
         && t->body && t != d)
    t = t->body;
  if (t == d && d->parent && (d->parent->kind == N_LABEL
                              || d->parent->kind == N_CASE
                              || d->parent->kind == N_DEFAULT)
      && d->parent->body == d)
    return t;       /* `L: defer S;`: declared right before the defer */
  if (t->kind == N_LABEL || t->kind == N_CASE || t->kind == N_DEFAULT)
    {
      diag_error_at (d->first, "this 'defer' cannot be lowered with "
                     "--lowering=gnu (its statement has a label, or it is in an OpenMP block); use "
                     "the portable lowering");
      lower_errors++;
    }
  return t;
}

/* gnu lowering: plan every defer's declaration point.  The cleanups of
   one scope run in the reverse order of their declarations, so that
   order must be the registration order: when a defer of a `switch (e)
   scope { }` body is declared before the switch (it sits under a case
   label), every defer of that body registered before it is declared
   there too; all of those need flags.  */
static void
plan_hoists (Func *f)
{
  Node **point = xalloc ((f->defers.n + 1) * sizeof *point);
  for (int i = 0; i < f->defers.n; i++)
    {
      Node *d = f->defers.v[i];
      if (!d->immediate)
        point[i] = hoist_point (d);
    }
  for (int i = f->defers.n - 1; i >= 0; i--)
    {
      Node *d = f->defers.v[i];
      Node *sw = point[i] ? switch_of_scope (d->owner) : NULL;
      if (!sw)
        continue;
      if (point[i] == sw)
        d->owner->hoisted_to_switch = true;
      else if (d->owner->hoisted_to_switch)
        point[i] = sw;
      /* Its cleanup is declared before the switch, so it runs when the
         switch ends whether or not the defer was reached: a flag says.  */
      if (point[i] == sw)
        d->flag = true;
    }
  for (int i = 0; i < f->defers.n; i++)
    if (point[i])
      vec_push (&point[i]->hoists, f->defers.v[i]);
}

/* gnu lowering: in a deferred body, which becomes a nested function,
   __func__, __FUNCTION__ and __PRETTY_FUNCTION__ would name that nested
   function: they become the user's function name, as a string literal (of
   the same size).  Not inside a user's nested function in the body, which
   names itself.  */
static bool
in_nested_function (Func *f, int tok)
{
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *g = unit->functions.v[i];
      if (g->outer == f && g->node->first <= tok && tok <= g->node->last)
        return true;
    }
  return false;
}

static void
patch_function_names (Func *f)
{
  static const char *const names[] = { "__func__", "__FUNCTION__",
                                        "__PRETTY_FUNCTION__", NULL };
  int done = -1;        /* last token of the last body patched */
  for (int i = 0; i < f->defers.n; i++)
    {
      Node *d = f->defers.v[i];
      if (d->immediate || d->first <= done)
        continue;
      done = d->last;
      for (int t = d->first; t <= d->last; t++)
        if (T (t)->kind == IDENTIFIER && name_in (T (t)->sym->name, names)
            && !in_nested_function (f, t))
          {
            Buf b = { 0 };
            buf_printf (&b, "\"%s\"", T (f->name)->sym->name);
            add_patch (T (t)->off, tok_end (t), xstrndup (b.s, b.n));
            free (b.s);
          }
    }
}

/* C23 `L: }` (the lexer put an empty statement before the '}'): `L: ;}`
   in the output, which C99 compilers accept too.  */
static void
patch_empty_labels (Func *f)
{
  for (int i = f->node->first; i <= f->node->last; i++)
    if (T (i)->kind == ';' && !T (i)->len)
      add_patch (T (i)->off, T (i)->off, ";");
}

/* The lowering's state at the start of a unit (what the last one left
   points into its freed arena).  */
static void
lower_start (bool gnu)
{
  free (out.s);
  out = (Buf) { 0 };
  synced = true;
  F = NULL;
  lower_errors = 0;
  gnu_mode = gnu;
  free (patches);
  patches = NULL;
  npatches = cappatches = 0;
  alias_declared = vla_lists = aliased_in = last_decls = (Map) { 0 };
  alias_counter = 0;
}

int
lower_output (FILE *fp, bool gnu)
{
  lower_start (gnu);
  for (int i = 0; i < unit->functions.n && !gnu; i++)
    check_panic_calls (unit->functions.v[i]);
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *f = unit->functions.v[i];
      if (!f->needs_lowering)
        continue;
      if (gnu)
        {
          plan_hoists (f);
          plan_aliases (f);
          patch_function_names (f);
        }
      else
        {
          check_vla_jumps (f);
          check_unwinding_calls (f);
          collect_patches (f);
        }
    }
  if (lower_errors)
    return lower_errors;
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *f = unit->functions.v[i];
      if (!f->outer && f->lower_inside)
        patch_empty_labels (f);
    }
  /* cdefer's own attributes mean nothing to the compiler of the output
     (GCC and clang warn about unknown attributes): drop them, leaving
     `__attribute__(( ))`, which every compiler accepts.  Only when the
     attribute is on one line, so the lines stay in step.  */
  for (int i = 0; i + 1 < unit->cdefer_attrs.n; i += 2)
    {
      int a = (int) (intptr_t) unit->cdefer_attrs.v[i];
      int b = (int) (intptr_t) unit->cdefer_attrs.v[i + 1];
      if (T (a)->line == T (b)->line && T (a)->file == T (b)->file)
        add_patch (T (a)->off, tok_end (b), "");
    }
  if (npatches)
    qsort (patches, npatches, sizeof *patches, patch_cmp);
  unsigned from = 0;
  int ltok = 0;
  for (int i = 0; i < unit->functions.n; i++)
    {
      Func *f = unit->functions.v[i];
      if (f->outer || !f->lower_inside)
        continue;
      Node *n = f->node;
      copy (from, T (n->first)->off, ltok);
      F = f;
      emit_node (n);
      from = tok_end (n->last);
      ltok = n->last;
    }
  if (unit->ntok)
    copy (from, (unsigned) unit->size, ltok);
  else
    buf_add (&out, unit->text, unit->size);
  if (out.n && out.s[out.n - 1] != '\n')
    gen ("\n");
  if (fwrite (out.s ? out.s : "", 1, out.n, fp) != out.n)
    return -1;
  return 0;
}
