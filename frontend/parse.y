/* SPDX-License-Identifier: GPL-3.0-or-later */
/* parse.y - preprocessed C11 + GNU C (+ defer/scope) to statement trees.

   Expressions are parsed but not built: every grammar symbol carries its
   token span (bison locations hold token indices), and only statements,
   declarations and statement expressions become Nodes.  Nodes are linked
   bottom-up: a new node adopts the parentless nodes inside its span.

   Names: a scope chain of bindings per identifier (Sym.bind) drives the
   lexer hack (IDENTIFIER vs TYPEDEF_NAME) and resolves identifier uses in
   expressions to their declarations.  Declaration specifiers are pushed on
   a small stack when they are complete, so declarators can be bound the
   moment they are reduced (before an initialiser, or the next
   declaration, is read).  */

%code requires {
#include "fe.h"
typedef struct YYLTYPE { int first, last; } YYLTYPE;
#define YYLTYPE_IS_DECLARED 1
typedef struct Decl {
  int name;               /* name token, or -1 */
  int deriv;              /* first derivation of the name: 0, 'p', 'a', 'f' */
  int lp, rp;             /* the parameter list of the named function */
  Node *params;           /* its prototype scope (vars) */
  bool vla;
} Decl;
}

%code provides {
int yylex (YYSTYPE *lval, YYLTYPE *lloc);
void yyerror (YYLTYPE *loc, const char *msg);
}

%code {
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define YYLLOC_DEFAULT(Cur, Rhs, N)                      \
  do {                                                   \
    if (N)                                               \
      {                                                  \
        (Cur).first = YYRHSLOC (Rhs, 1).first;           \
        (Cur).last = YYRHSLOC (Rhs, N).last;             \
      }                                                  \
    else                                                 \
      {                                                  \
        (Cur).first = YYRHSLOC (Rhs, 0).last + 1;        \
        (Cur).last = YYRHSLOC (Rhs, 0).last;             \
      }                                                  \
  } while (0)


/* ---- scopes and bindings ---- */
typedef struct Scope {
  Node *node;
  Binding *binds;
  struct Scope *up;
} Scope;
static Scope file_scope, *cur = &file_scope;
static Func *fn;                /* innermost function being parsed */
static long long next_enum_value;
static bool enum_values_known;
static int fn_depth;

static void
push_scope (Node *n)
{
  Scope *s = NEW (Scope);
  s->node = n;
  s->up = cur;
  n->up = cur->node;
  cur = s;
}

static void
pop_scope (void)
{
  for (Binding *b = cur->binds; b; b = b->next_in_scope)
    b->var->sym->bind = b->shadowed;
  cur = cur->up;
}

static void
bind (Var *v)
{
  Binding *b = NEW (Binding);
  b->var = v;
  b->shadowed = v->sym->bind;
  v->sym->bind = b;
  b->next_in_scope = cur->binds;
  cur->binds = b;
}

/* The scope node a variable of the current scope belongs to: the body
   block of a function, `scope` or `defer` is the same scope as they.  */
static Node *
canonical (Node *n)
{
  return n && n->kind == N_BLOCK && n->is_body ? n->up : n;
}

/* ---- declaration specifiers ---- */
enum { DS_TYPEDEF = 1, DS_STATIC = 2, DS_EXTERN = 4, DS_VOID = 8,
       DS_TYPE = 16 };
typedef struct DS { int flags, first, last; } DS;
static DS dstack[512];
static int dsp;

static void
push_ds (int flags, YYLTYPE loc)
{
  if (dsp < 512)
    dstack[dsp] = (DS) { flags, loc.first, loc.last };
  dsp++;
}
static void pop_ds (void) { if (dsp > 0) dsp--; }
static DS *top_ds (void)
{
  static DS none;
  return dsp > 0 && dsp <= 512 ? &dstack[dsp - 1] : &none;
}

/* ---- nodes ---- */
static Vec pending;             /* nodes without a parent yet */
static Vec pending_vars;        /* vars not yet attached to a DECL */

static void
adopt (Node *n)
{
  int i = pending.n;
  while (i > 0 && ((Node *) pending.v[i - 1])->first >= n->first)
    i--;
  for (int j = i; j < pending.n; j++)
    {
      Node *c = pending.v[j];
      c->parent = n;
      vec_push (&n->kids, c);
    }
  pending.n = i;
  vec_push (&pending, n);
}

static Node *
alloc_node (NodeKind k)
{
  Node *n = NEW (Node);
  n->kind = k;
  return n;
}

static Node *
finish (Node *n, YYLTYPE loc)
{
  n->first = loc.first;
  n->last = loc.last;
  adopt (n);
  return n;
}

static Node *
mk (NodeKind k, YYLTYPE loc)
{
  return finish (alloc_node (k), loc);
}

static Decl *
mkdecl (int name)
{
  Decl *d = NEW (Decl);
  d->name = name;
  d->lp = d->rp = -1;
  return d;
}

/* An array bound is variable if it names something other than an
   enumeration constant outside sizeof/_Alignof/offsetof.  */
static bool
variable_bound (YYLTYPE e)
{
  for (int i = e.first; i <= e.last; i++)
    {
      Token *t = T (i);
      if ((t->kind == SIZEOF || t->kind == ALIGNOF || t->kind == OFFSETOF
           || t->kind == TYPES_COMPATIBLE)
          && T (i + 1)->kind == '(')
        {
          int depth = 0;
          for (i++; i <= e.last; i++)
            {
              if (T (i)->kind == '(') depth++;
              else if (T (i)->kind == ')' && --depth == 0) break;
            }
          continue;
        }
      if (t->kind == IDENTIFIER
          && !(t->sym->bind && t->sym->bind->var->kind == B_ENUM)
          && !(i > e.first && (T (i - 1)->kind == '.' || T (i - 1)->kind == PTR_OP)))
        return true;
    }
  return false;
}

static int next_tok (int i);
static int match_paren (int i);
static int cleanup_in_attribute (int at);

/* The cleanup attribute that applies to a declarator spanning [a, b]:
   one among the declaration specifiers, or one right after/inside it.
   Those after it (`int x __attribute__((cleanup (f))) = 1`, `int x
   [[gnu::cleanup (f)]]`) are read from the tokens: the parser may reduce
   the declarator before the lexer has read them.  */
static int
find_cleanup (int a, int b)
{
  DS *ds = top_ds ();
  for (int i = a; i <= b && i < unit->ntok; i++)
    if (T (i)->cleanup)
      return T (i)->cleanup;
  for (int i = next_tok (b); i < unit->ntok; )
    {
      int k = T (i)->kind;
      bool std = k == '[' && T (next_tok (i))->kind == '[';
      if (k != ATTRIBUTE && k != ASM && !std)
        break;
      if (k != ASM && cleanup_in_attribute (i))
        return cleanup_in_attribute (i);
      int open = std ? i : next_tok (i);
      i = T (open)->kind == '(' || T (open)->kind == '['
          ? next_tok (match_paren (open)) : open;
    }
  for (int i = ds->first; i <= ds->last && i < unit->ntok; i++)
    if (T (i)->cleanup)
      return T (i)->cleanup;
  return 0;
}

/* cdefer_retains(N, ...) / cdefer_releases(N, ...) / cdefer_null_ok: they
   belong to the function declared by the declarator just before them, or
   else to the next one.  */
static unsigned long long pending_retains, pending_releases;
static bool pending_null_ok;
static Var *last_declared;

static void
fn_attributes (Var *v)
{
  if (v && v->kind == B_FUNC)
    {
      v->sym->retains |= pending_retains;
      v->sym->releases |= pending_releases;
      v->sym->null_ok |= pending_null_ok;
    }
  pending_retains = pending_releases = 0;
  pending_null_ok = false;
}

static Var *
declare (Decl *d, YYLTYPE loc, int kind)
{
  if (d->name < 0)
    return NULL;
  DS *ds = top_ds ();
  Var *v = NEW (Var);
  v->sym = T (d->name)->sym;
  v->tok = d->name;
  if (kind < 0)
    kind = (ds->flags & DS_TYPEDEF) ? B_TYPEDEF
           : d->deriv == 'f' ? B_FUNC : B_OBJ;
  v->kind = kind;
  v->is_static = (ds->flags & DS_STATIC) != 0;
  v->is_extern = (ds->flags & DS_EXTERN) != 0;
  v->is_vla = d->vla;
  v->file_scope = cur == &file_scope;
  v->block = canonical (cur->node);
  v->ds_first = ds->first;
  v->ds_last = ds->last;
  v->d_first = loc.first;
  v->d_last = loc.last;
  if (kind == B_OBJ && !v->file_scope)
    v->cleanup = find_cleanup (loc.first, loc.last);
  if (v->cleanup && fn)
    fn->has_constructs = true;
  bind (v);
  if (fn_depth > 0)
    vec_push (&pending_vars, v);
  last_declared = v;
  if ((pending_retains || pending_releases || pending_null_ok)
      && d->deriv == 'f')
    fn_attributes (v);
  return v;
}

static void
record_use (int tok)
{
  if (!fn)
    return;
  Use *u = NEW (Use);
  u->tok = tok;
  Binding *b = T (tok)->sym->bind;
  u->var = b ? b->var : NULL;
  vec_push (&fn->uses, u);
  Sym *s = T (tok)->sym;
  if (s->len >= 5 && (s->name[0] == 's' || s->name[0] == '_'
                      || s->name[0] == 'v' || s->name[0] == 'g'))
    {
      const char *n = s->name;
      if (!strcmp (n, "setjmp") || !strcmp (n, "_setjmp")
          || !strcmp (n, "sigsetjmp") || !strcmp (n, "__sigsetjmp")
          || !strcmp (n, "vfork") || !strcmp (n, "getcontext"))
        fn->calls_setjmp = true;
    }
}

/* A function call: the callee's span and the ')' that ends it.  */
static void
record_call (YYLTYPE callee, int rparen)
{
  if (!fn)
    return;
  Call *c = NEW (Call);
  c->first = callee.first;
  c->last = callee.last;
  c->rparen = rparen;
  vec_push (&fn->calls, c);
}

static void
unevaluated (YYLTYPE loc)
{
  if (!fn)
    return;
  Span *s = NEW (Span);
  s->first = loc.first;
  s->last = loc.last;
  vec_push (&fn->unevaluated, s);
}

static Node *
new_decl_node (YYLTYPE loc)
{
  Node *n = mk (N_DECL, loc);
  int i = pending_vars.n;
  while (i > 0 && ((Var *) pending_vars.v[i - 1])->tok >= loc.first)
    i--;
  for (int j = i; j < pending_vars.n; j++)
    {
      Var *v = pending_vars.v[j];
      v->decl = n;
      vec_push (&n->vars, v);
    }
  pending_vars.n = i;
  return n;
}

/* ---- function bodies the front end has nothing to do in ---- */

/* A top-level function body without defer, scope or a cleanup attribute
   needs neither checks nor lowering, and its declarations are invisible
   outside it: the parser takes it as one token (SKIPPED_BODY) instead of
   parsing it.  That is most of a translation unit and most of the
   parsing time.  */
static int *body_end;
static int tp;                    /* the lexer's next token index */

static void
find_skippable_bodies (void)
{
  Sym *w0 = intern ("defer", 5), *w1 = intern ("scope", 5);
  Sym *w2 = intern ("cleanup", 7), *w3 = intern ("__cleanup__", 11);
  body_end = xalloc ((unit->ntok + 1) * sizeof *body_end);
  /* open[d]: the '{' at depth d; dirty[d]: something inside it needs the
     front end.  body_end[] holds the '}' + 1, 0 for none.  */
  int cap = 64, depth = 0;
  int *open = malloc (cap * sizeof *open);
  bool *dirty = malloc (cap * sizeof *dirty);
  Token *tok = unit->tok;
  for (int i = 0; i < unit->ntok; i++)
    {
      int k = tok[i].kind;
      if (k == '{')
        {
          if (depth == cap)
            {
              cap *= 2;
              open = realloc (open, cap * sizeof *open);
              dirty = realloc (dirty, cap * sizeof *dirty);
            }
          open[depth] = i;
          dirty[depth++] = false;
        }
      else if (k == '}')
        {
          if (depth == 0)
            continue;
          depth--;
          if (!dirty[depth])
            body_end[open[depth]] = i + 1;
          else if (depth > 0)
            dirty[depth - 1] = true;
        }
      else if (depth > 0
               && (k == DEFER || k == SCOPE || tok[i].ignore
                   || (k == IDENTIFIER
                       && (tok[i].sym == w0 || tok[i].sym == w1
                           || tok[i].sym == w2 || tok[i].sym == w3))))
        dirty[depth - 1] = true;
    }
  free (open);
  free (dirty);
}

/* In the mid-rule action before a function body, with the lookahead
   *CHAR / *VAL / *LOC: turn a skippable top-level body into SKIPPED_BODY.  */
static void
maybe_skip_body (int *ch, YYSTYPE *val, YYLTYPE *loc)
{
  static int parse_all = -1;     /* CDEFER_PARSE_ALL=1: the tests' oracle */
  if (parse_all < 0)
    parse_all = getenv ("CDEFER_PARSE_ALL") != NULL;
  if (*ch != '{' || !fn || fn->outer || parse_all || opt.parse_all)
    return;
  if (!body_end)
    find_skippable_bodies ();
  int lb = val->tok, rb = body_end[lb] - 1;
  if (rb < 0)
    return;
  *ch = SKIPPED_BODY;
  loc->first = lb;
  loc->last = rb;
  tp = rb + 1;
}

/* The function definition whose declarator is D begins: its parameters
   become visible in a new function scope.  */
static void
begin_function (Decl *d, int has_ds, YYLTYPE dloc)
{
  Var *self = NULL;
  if (d->name >= 0)
    {
      if (!has_ds)
        push_ds (0, (YYLTYPE) { dloc.first, dloc.first - 1 });
      self = declare (d, dloc, B_FUNC);
      if (!has_ds)
        pop_ds ();
    }
  Func *f = NEW (Func);
  f->self = self;
  f->outer = fn;
  f->node = alloc_node (N_FUNC);
  f->node->func = f;
  f->name = d->name;
  f->lp = d->lp;
  f->rp = d->rp;
  f->decl_last = dloc.last;
  DS *ds = top_ds ();
  f->ds_first = has_ds ? ds->first : dloc.first;
  f->ds_last = has_ds ? ds->last : dloc.first - 1;
  f->void_return = has_ds && (ds->flags & DS_VOID) && d->deriv == 'f'
                   && !(ds->flags & DS_TYPE);
  /* void f(void) is void; void *f(void) is not: look for a '*' between
     the specifiers and the name.  */
  for (int i = dloc.first; f->void_return && i < d->name; i++)
    if (T (i)->kind == '*')
      f->void_return = false;
  push_scope (f->node);
  if (d->params)
    for (int i = 0; i < d->params->vars.n; i++)
      {
        Var *v = d->params->vars.v[i];
        v->block = f->node;
        v->is_param = true;
        bind (v);
        vec_push (&f->params, v);
      }
  fn = f;
  fn_depth++;
}

static Node *
end_function (YYLTYPE loc)
{
  Func *f = fn;
  pop_scope ();
  Node *n = finish (f->node, loc);
  n->body = n->kids.n ? n->kids.v[n->kids.n - 1] : NULL;
  vec_push (&unit->functions, f);
  fn = f->outer;
  fn_depth--;
  pending_vars.n = 0;
  return n;
}

static Node *
begin_block (int lbrace)
{
  Node *n = alloc_node (N_BLOCK);
  Node *s = cur->node;
  if (T (lbrace - 1)->kind == '(')
    n->stmtexpr = true;
  else if (omp_innermost (T (lbrace)->omp) == OMP_REGION)
    n->omp = true;
  else if (s && ((s->kind == N_FUNC && !s->body)
                 || ((s->kind == N_SCOPE || s->kind == N_DEFER)
                     && s->first == lbrace - 1)))
    {
      n->is_body = true;
      if (s->kind == N_FUNC)
        s->body = n;
    }
  n->first = lbrace;             /* for recover_in_block */
  push_scope (n);
  return n;
}

/* ---- going on after a syntax error ---- */

/* Where to go on after a syntax error at token ERR, DEPTH braces deep in
   the construct being recovered and PARENS parentheses deep in its
   statement (a for header): after the next ';' at depth 0 (a
   statement or declaration ends), after a '}' that closes a brace opened
   after ERR (a compound statement or a function body ends), or, in a
   block (IN_BLOCK), before the '}' that closes the block.  At least one
   token is skipped, except that block's '}'.  */
static int
resync (int err, int depth, int parens, bool in_block)
{
  int base = depth;              /* braces open at ERR, not yet closed */
  for (int i = err; i < unit->ntok; i++)
    {
      int k = T (i)->kind;
      if (k == '(')
        parens++;
      else if (k == ')' && parens > 0)
        parens--;
      if (k == '{' || k == '}')
        parens = 0;
      if (k == '{')
        depth++;
      else if (k == ';' && depth == 0 && parens == 0)
        return i + 1;
      else if (k == '}')
        {
          if (depth == 0)
            return in_block ? i : i + 1;
          bool opened_after_err = depth > base;
          if (--depth < base)
            base = depth;
          if (opened_after_err && depth == 0)
            return T (i + 1)->kind == ';' ? i + 2 : i + 1;
        }
    }
  return unit->ntok;
}

/* Pop the scopes whose rules the error discarded, down to TO.  */
static void
pop_scopes_to (Scope *to)
{
  while (cur != to && cur != &file_scope)
    {
      if (cur->node && cur->node->kind == N_FUNC && fn)
        {
          fn = fn->outer;
          fn_depth--;
        }
      pop_scope ();
    }
}

/* A syntax error in block BLK at token ERR: the token to go on from.  */
static int last_err = -1;       /* the token of the last error in a block */

static int
recover_in_block (Node *blk, int err)
{
  Scope *s = cur;
  while (s && s->node != blk)
    s = s->up;
  if (s)
    pop_scopes_to (s);
  int depth = 0, parens = 0;
  for (int i = blk->first + 1; i < err; i++)
    {
      int k = T (i)->kind;
      depth += k == '{' ? 1 : k == '}' ? -1 : 0;
      if (k == '(')
        parens++;
      else if (k == ')' && parens > 0)
        parens--;
      else if (k == '{' || k == '}')
        parens = 0;
    }
  int next = resync (err, depth > 0 ? depth : 0, parens, true);
  /* The same token failing twice: skip it (no endless loop).  */
  if (next == err && err == last_err)
    next = next_tok (err);
  last_err = err;
  return next;
}

/* A syntax error outside any function body at token ERR.  */
static int top_pos, top_depth;  /* braces open before token TOP_POS */

static int
recover_at_top_level (int err)
{
  pop_scopes_to (&file_scope);
  fn = NULL;
  fn_depth = 0;
  for (; top_pos < err; top_pos++)
    if (T (top_pos)->kind == '{')
      top_depth++;
    else if (T (top_pos)->kind == '}' && top_depth > 0)
      top_depth--;              /* a stray '}' closes nothing */
  int next = resync (err, top_depth, 0, false);
  return next > err || next >= unit->ntok ? next : err + 1;
}

static void
end_external (void)
{
  pending_retains = pending_releases = 0;
  pending_null_ok = false;
  pending.n = 0;
  pending_vars.n = 0;
  dsp = 0;
}
}

%define api.pure full
%locations
%define parse.error verbose
%expect 3

%union {
  int tok;
  int flags;
  Node *node;
  Decl *decl;
  Var *var;
}

%token <tok> IDENTIFIER TYPEDEF_NAME CONSTANT STRING_LITERAL
%token <tok> PTR_OP INC_OP DEC_OP LEFT_OP RIGHT_OP LE_OP GE_OP EQ_OP NE_OP
%token <tok> AND_OP OR_OP MUL_ASSIGN DIV_ASSIGN MOD_ASSIGN ADD_ASSIGN
%token <tok> SUB_ASSIGN LEFT_ASSIGN RIGHT_ASSIGN AND_ASSIGN XOR_ASSIGN
%token <tok> OR_ASSIGN ELLIPSIS
%token <tok> TYPEDEF EXTERN STATIC AUTO REGISTER THREAD_LOCAL INLINE NORETURN
%token <tok> CONST RESTRICT VOLATILE ATOMIC
%token <tok> VOID CHAR SHORT INT LONG FLOAT DOUBLE SIGNED UNSIGNED BOOL
%token <tok> COMPLEX IMAGINARY XTYPE STRUCT UNION ENUM
%token <tok> CASE DEFAULT IF ELSE SWITCH WHILE DO FOR GOTO CONTINUE BREAK
%token <tok> RETURN SIZEOF ALIGNOF ALIGNAS GENERIC STATIC_ASSERT
%token <tok> TYPEOF ASM LOCAL_LABEL REAL IMAG VA_ARG OFFSETOF
%token <tok> CONVERTVECTOR BIT_CAST
%token <tok> TYPES_COMPATIBLE DEFER SCOPE ATTRIBUTE EXTENSION
%token <tok> SKIPPED_BODY

%type <flags> ds_item_nt ds_notype ds_basic ds_tdef ds_any basic_type_specifier
%type <flags> storage_class_specifier
%type <tok> any_ident
%type <var> enumeration_constant
%type <decl> kr_declarator declarator direct_declarator abstract_declarator_opt
%type <node> statement compound_statement labeled_statement
%type <node> expression_statement selection_statement iteration_statement
%type <node> jump_statement asm_statement defer_statement scope_statement
%type <node> function_body
%type <node> block_begin defer_begin scope_begin for_begin proto_begin
%type <node> function_definition

%left OR_OP
%left AND_OP
%left '|'
%left '^'
%left '&'
%left EQ_OP NE_OP
%left '<' '>' LE_OP GE_OP
%left LEFT_OP RIGHT_OP
%left '+' '-'
%left '*' '/' '%'
%nonassoc LOWER_THAN_ELSE
%nonassoc ELSE

%start translation_unit

%%

/* ======== expressions (spans only) ======== */

primary_expression
  : IDENTIFIER                      { record_use ($1); }
  | CONSTANT
  | string_seq
  | '(' expression ')'
  | '(' compound_statement ')'      { $2->stmtexpr = true; }
  | GENERIC '(' assignment_expression ',' generic_assoc_list ')'
                                    { unevaluated (@3); }
  | VA_ARG '(' assignment_expression ',' type_name ')'
  | CONVERTVECTOR '(' assignment_expression ',' type_name ')'
  | BIT_CAST '(' type_name ',' assignment_expression ')'
  | OFFSETOF '(' type_name ',' offsetof_member ')' { unevaluated (@$); }
  | TYPES_COMPATIBLE '(' type_name ',' type_name ')' { unevaluated (@$); }
  ;

string_seq: STRING_LITERAL | string_seq STRING_LITERAL ;

any_ident: IDENTIFIER | TYPEDEF_NAME ;

offsetof_member
  : any_ident
  | offsetof_member '.' any_ident
  | offsetof_member '[' expression ']'
  ;

generic_assoc_list
  : generic_association
  | generic_assoc_list ',' generic_association
  ;

generic_association
  : type_name ':' assignment_expression
  | DEFAULT ':' assignment_expression
  ;

postfix_expression
  : primary_expression
  | postfix_expression '[' expression ']'
  | postfix_expression '(' ')'      { record_call (@1, @3.first); }
  | postfix_expression '(' argument_expression_list ')'
                                    { record_call (@1, @4.first); }
  | postfix_expression '.' any_ident
  | postfix_expression PTR_OP any_ident
  | postfix_expression INC_OP
  | postfix_expression DEC_OP
  | '(' type_name ')' '{' initializer_list '}'
  | '(' type_name ')' '{' initializer_list ',' '}'
  | '(' type_name ')' '{' '}'
  ;

argument_expression_list
  : assignment_expression
  | argument_expression_list ',' assignment_expression
  ;

unary_expression
  : postfix_expression
  | INC_OP unary_expression
  | DEC_OP unary_expression
  | unary_operator cast_expression
  | SIZEOF unary_expression          { unevaluated (@2); }
  | SIZEOF '(' type_name ')'         { unevaluated (@$); }
  | ALIGNOF unary_expression         { unevaluated (@2); }
  | ALIGNOF '(' type_name ')'        { unevaluated (@$); }
  | AND_OP any_ident                 { if (fn) vec_push (&fn->addr_labels, (void *) (intptr_t) $2); }
  | REAL cast_expression
  | IMAG cast_expression
  ;

unary_operator: '&' | '*' | '+' | '-' | '~' | '!' ;

cast_expression
  : unary_expression
  | '(' type_name ')' cast_expression
  ;

/* Binary operators by precedence (one nonterminal: fewer reductions).  */
binary_expression
  : cast_expression
  | binary_expression OR_OP binary_expression
  | binary_expression AND_OP binary_expression
  | binary_expression '|' binary_expression
  | binary_expression '^' binary_expression
  | binary_expression '&' binary_expression
  | binary_expression EQ_OP binary_expression
  | binary_expression NE_OP binary_expression
  | binary_expression '<' binary_expression
  | binary_expression '>' binary_expression
  | binary_expression LE_OP binary_expression
  | binary_expression GE_OP binary_expression
  | binary_expression LEFT_OP binary_expression
  | binary_expression RIGHT_OP binary_expression
  | binary_expression '+' binary_expression
  | binary_expression '-' binary_expression
  | binary_expression '*' binary_expression
  | binary_expression '/' binary_expression
  | binary_expression '%' binary_expression
  ;

conditional_expression
  : binary_expression
  | binary_expression '?' expression ':' conditional_expression
  | binary_expression '?' ':' conditional_expression
  ;

assignment_expression
  : conditional_expression
  | unary_expression assignment_operator assignment_expression
  ;

assignment_operator
  : '=' | MUL_ASSIGN | DIV_ASSIGN | MOD_ASSIGN | ADD_ASSIGN | SUB_ASSIGN
  | LEFT_ASSIGN | RIGHT_ASSIGN | AND_ASSIGN | XOR_ASSIGN | OR_ASSIGN
  ;

expression
  : assignment_expression
  | expression ',' assignment_expression
  ;

expression_opt: %empty | expression ;

constant_expression: conditional_expression ;

/* ======== declarations ======== */

declaration
  : declaration_specifiers ';'                        { pop_ds (); }
  | declaration_specifiers init_declarator_list ';'   { pop_ds (); }
  | static_assert_declaration
  ;

static_assert_declaration
  : STATIC_ASSERT '(' constant_expression ',' string_seq ')' ';'
  | STATIC_ASSERT '(' constant_expression ')' ';'
  ;

/* Declaration specifiers, split so that a typedef name is a type only
   where no other type specifier has been seen (T x; vs. int T;).  */
declaration_specifiers: ds_any   { push_ds ($1, @1); } ;

ds_any: ds_notype | ds_basic | ds_tdef ;

ds_notype
  : ds_item_nt
  | ds_notype ds_item_nt             { $$ = $1 | $2; }
  ;

ds_basic
  : basic_type_specifier
  | ds_notype basic_type_specifier   { $$ = $1 | $2; }
  | ds_basic basic_type_specifier    { $$ = $1 | $2; }
  | ds_basic ds_item_nt              { $$ = $1 | $2; }
  ;

ds_tdef
  : TYPEDEF_NAME                     { $$ = DS_TYPE; }
  | ds_notype TYPEDEF_NAME           { $$ = $1 | DS_TYPE; }
  | ds_tdef ds_item_nt               { $$ = $1 | $2; }
  ;

ds_item_nt
  : storage_class_specifier
  | type_qualifier                   { $$ = 0; }
  | INLINE                           { $$ = 0; }
  | NORETURN                         { $$ = 0; }
  | ALIGNAS '(' type_name ')'        { $$ = 0; }
  | ALIGNAS '(' constant_expression ')' { $$ = 0; }
  ;

storage_class_specifier
  : TYPEDEF       { $$ = DS_TYPEDEF; }
  | EXTERN        { $$ = DS_EXTERN; }
  | STATIC        { $$ = DS_STATIC; }
  | THREAD_LOCAL  { $$ = 0; }
  | AUTO          { $$ = 0; }
  | REGISTER      { $$ = 0; }
  ;

basic_type_specifier
  : VOID          { $$ = DS_VOID; }
  | CHAR          { $$ = DS_TYPE; }
  | SHORT         { $$ = DS_TYPE; }
  | INT           { $$ = DS_TYPE; }
  | LONG          { $$ = DS_TYPE; }
  | FLOAT         { $$ = DS_TYPE; }
  | DOUBLE        { $$ = DS_TYPE; }
  | SIGNED        { $$ = DS_TYPE; }
  | UNSIGNED      { $$ = DS_TYPE; }
  | BOOL          { $$ = DS_TYPE; }
  | COMPLEX       { $$ = DS_TYPE; }
  | IMAGINARY     { $$ = DS_TYPE; }
  | XTYPE         { $$ = DS_TYPE; }
  | struct_or_union_specifier { $$ = DS_TYPE; }
  | enum_specifier            { $$ = DS_TYPE; }
  | TYPEOF '(' expression ')' { $$ = DS_TYPE; unevaluated (@$); }
  | TYPEOF '(' type_name ')'  { $$ = DS_TYPE; unevaluated (@$); }
  | ATOMIC '(' type_name ')'  { $$ = DS_TYPE; }
  ;

type_qualifier: CONST | RESTRICT | VOLATILE | ATOMIC ;

/* Type names and struct members use the same specifier sequences but do
   not declare ordinary names, so they push nothing.  */
specifier_qualifier_list: ds_any ;

struct_or_union_specifier
  : struct_or_union '{' struct_declaration_list '}'
  | struct_or_union any_ident '{' struct_declaration_list '}'
  | struct_or_union any_ident
  ;

struct_or_union: STRUCT | UNION ;

struct_declaration_list
  : %empty
  | struct_declaration_list struct_declaration
  ;

struct_declaration
  : specifier_qualifier_list ';'
  | specifier_qualifier_list struct_declarator_list ';'
  | static_assert_declaration
  | ';'
  ;

struct_declarator_list
  : struct_declarator
  | struct_declarator_list ',' struct_declarator
  ;

struct_declarator
  : declarator                          { }
  | ':' constant_expression
  | declarator ':' constant_expression  { }
  ;

enum_specifier
  : ENUM enum_begin '{' enumerator_list comma_opt '}'
  | ENUM any_ident enum_begin '{' enumerator_list comma_opt '}'
  | ENUM any_ident
  ;

enum_begin: %empty { next_enum_value = 0; enum_values_known = true; } ;

comma_opt: %empty | ',' ;

enumerator_list
  : enumerator
  | enumerator_list ',' enumerator
  ;

enumerator
  : enumeration_constant
      {
        $1->value = next_enum_value++;
        $1->has_value = enum_values_known;
      }
  | enumeration_constant '=' constant_expression
      {
        long long v = 0;
        enum_values_known = const_eval (@3.first, @3.last, NULL, &v);
        $1->value = v;
        $1->has_value = enum_values_known;
        next_enum_value = v + 1;
      }
  ;

enumeration_constant
  : any_ident
      {
        push_ds (0, @1);
        $$ = declare (mkdecl ($1), @1, B_ENUM);
        pop_ds ();
      }
  ;

init_declarator_list
  : init_declarator
  | init_declarator_list ',' init_declarator
  ;

init_declarator
  : bound_declarator
  | bound_declarator '=' initializer
  ;

/* The name is in scope from the end of its declarator on.  */
bound_declarator
  : declarator                       { declare ($1, @1, -1); }
  | declarator asm_label             { declare ($1, @1, -1); }
  ;

asm_label: ASM '(' string_seq ')' ;

declarator
  : pointer direct_declarator        { $$ = $2; if (!$$->deriv) $$->deriv = 'p'; }
  | direct_declarator
  ;

direct_declarator
  : any_ident                        { $$ = mkdecl ($1); }
  | '(' declarator ')'               { $$ = $2; }
  | direct_declarator '[' array_bound ']'
      {
        $$ = $1;
        if (!$$->deriv) $$->deriv = 'a';
        if (variable_bound (@3)) $$->vla = true;
      }
  | direct_declarator '(' proto_begin parameter_type_list ')'
      {
        $$ = $1;
        pop_scope ();
        if (!$$->deriv)
          {
            $$->deriv = 'f';
            $$->lp = @2.first;
            $$->rp = @5.first;
            $$->params = $3;
          }
      }
  | direct_declarator '(' proto_begin identifier_list_opt ')'
      {
        $$ = $1;
        pop_scope ();
        if (!$$->deriv)
          {
            $$->deriv = 'f';
            $$->lp = @2.first;
            $$->rp = @5.first;
            $$->params = $3;
          }
      }
  ;

/* A prototype scope: parameter names are visible until its ')'.  */
proto_begin
  : %empty   { $$ = alloc_node (N_PROTO); push_scope ($$); }
  ;

array_bound
  : %empty
  | '*'
  | type_qualifier_list
  | type_qualifier_list '*'
  | assignment_expression
  | type_qualifier_list assignment_expression
  | STATIC assignment_expression
  | STATIC type_qualifier_list assignment_expression
  | type_qualifier_list STATIC assignment_expression
  ;

pointer
  : '*'
  | '*' type_qualifier_list
  | '*' pointer
  | '*' type_qualifier_list pointer
  ;

type_qualifier_list
  : type_qualifier
  | type_qualifier_list type_qualifier
  ;

parameter_type_list
  : parameter_list
  | parameter_list ',' ELLIPSIS
  | ELLIPSIS
  ;

parameter_list
  : parameter_declaration
  | parameter_list ',' parameter_declaration
  ;

parameter_declaration
  : declaration_specifiers declarator
      {
        Var *v = declare ($2, @2, -1);
        if (v) { v->kind = B_OBJ; vec_push (&cur->node->vars, v); }
        pop_ds ();
      }
  | declaration_specifiers abstract_declarator_opt  { pop_ds (); }
  ;

identifier_list_opt: %empty | identifier_list ;

identifier_list
  : IDENTIFIER
      {
        push_ds (0, @1);
        Var *v = declare (mkdecl ($1), @1, B_OBJ);
        vec_push (&cur->node->vars, v);
        pop_ds ();
      }
  | identifier_list ',' IDENTIFIER
      {
        push_ds (0, @3);
        Var *v = declare (mkdecl ($3), @3, B_OBJ);
        vec_push (&cur->node->vars, v);
        pop_ds ();
      }
  ;

type_name
  : specifier_qualifier_list
  | specifier_qualifier_list abstract_declarator
  ;

abstract_declarator_opt
  : %empty                 { $$ = NULL; }
  | abstract_declarator    { $$ = NULL; }
  ;

abstract_declarator
  : pointer
  | pointer direct_abstract_declarator
  | direct_abstract_declarator
  ;

direct_abstract_declarator
  : '(' abstract_declarator ')'
  | '[' array_bound ']'
  | direct_abstract_declarator '[' array_bound ']'
  | '(' proto_begin parameter_type_list_opt ')'          { pop_scope (); }
  | direct_abstract_declarator '(' proto_begin parameter_type_list_opt ')'
                                                          { pop_scope (); }
  ;

parameter_type_list_opt: %empty | parameter_type_list ;

initializer
  : assignment_expression
  | '{' initializer_list '}'
  | '{' initializer_list ',' '}'
  | '{' '}'
  ;

initializer_list
  : designated_initializer
  | initializer_list ',' designated_initializer
  ;

designated_initializer
  : initializer
  | designator_list '=' initializer
  | designator_list initializer
  | IDENTIFIER ':' initializer
  ;

designator_list
  : designator
  | designator_list designator
  ;

designator
  : '[' constant_expression ']'
  | '[' constant_expression ELLIPSIS constant_expression ']'
  | '.' any_ident
  ;

/* ======== statements ======== */

statement
  : labeled_statement
  | compound_statement
  | expression_statement
  | selection_statement
  | iteration_statement
  | jump_statement
  | asm_statement
  | defer_statement
  | scope_statement
  ;

labeled_statement
  : IDENTIFIER ':' statement
      { $$ = mk (N_LABEL, @$); $$->label = T ($1)->sym; $$->body = $3; }
  | CASE constant_expression ':' statement
      { $$ = mk (N_CASE, @$); $$->body = $4; }
  | CASE constant_expression ELLIPSIS constant_expression ':' statement
      { $$ = mk (N_CASE, @$); $$->body = $6; }
  | DEFAULT ':' statement
      { $$ = mk (N_DEFAULT, @$); $$->body = $3; }
  ;

compound_statement
  : '{' block_begin block_item_list '}'
      { $$ = finish ($2, @$); pop_scope (); }
  ;

block_begin: %empty   { $$ = begin_block (@0.last); } ;

block_item_list
  : %empty
  | block_item_list block_item
  ;

/* After a syntax error, go on with the next statement of the block
   ($-1 is its block_begin), so the file's other errors are reported.  */
block_item
  : declaration                     { new_decl_node (@1); }
  | statement
  | nested_function
  | LOCAL_LABEL local_label_list ';'
  | error
      {
        if (yychar == YYEOF)
          YYABORT;
        tp = recover_in_block ($<node>-1, yychar == YYEMPTY ? tp : yylloc.first);
        yyclearin;
        yyerrok;
      }
  ;

local_label_list: any_ident | local_label_list ',' any_ident ;

expression_statement
  : ';'                             { $$ = mk (N_NULL, @$); }
  | expression ';'
      { $$ = mk (N_EXPR, @$); $$->e1 = @1.first; $$->e2 = @1.last; }
  ;

selection_statement
  : IF '(' expression ')' statement %prec LOWER_THAN_ELSE
      { $$ = mk (N_IF, @$); $$->e1 = @3.first; $$->e2 = @3.last; $$->body = $5; }
  | IF '(' expression ')' statement ELSE statement
      {
        $$ = mk (N_IF, @$); $$->e1 = @3.first; $$->e2 = @3.last;
        $$->body = $5; $$->els = $7;
      }
  | SWITCH '(' expression ')' statement
      { $$ = mk (N_SWITCH, @$); $$->e1 = @3.first; $$->e2 = @3.last; $$->body = $5; }
  ;

iteration_statement
  : WHILE '(' expression ')' statement
      { $$ = mk (N_WHILE, @$); $$->e1 = @3.first; $$->e2 = @3.last; $$->body = $5; }
  | DO statement WHILE '(' expression ')' ';'
      { $$ = mk (N_DO, @$); $$->e1 = @5.first; $$->e2 = @5.last; $$->body = $2; }
  | FOR '(' for_begin for_init expression_opt ';' expression_opt ')' statement
      {
        $$ = finish ($3, @$); $$->body = $9;
        $$->e1 = @5.first; $$->e2 = @5.last;
        pop_scope ();
      }
  ;

for_begin: %empty   { $$ = alloc_node (N_FOR); push_scope ($$); } ;

for_init
  : expression_opt ';'
  | declaration                     { new_decl_node (@1); }
  ;

jump_statement
  : GOTO any_ident ';'     { $$ = mk (N_GOTO, @$); $$->label = T ($2)->sym; }
  | GOTO '*' expression ';' { $$ = mk (N_CGOTO, @$); }
  | CONTINUE ';'           { $$ = mk (N_CONTINUE, @$); }
  | BREAK ';'              { $$ = mk (N_BREAK, @$); }
  | RETURN ';'             { $$ = mk (N_RETURN, @$); $$->e1 = @2.first; $$->e2 = @2.first - 1; }
  | RETURN expression ';'  { $$ = mk (N_RETURN, @$); $$->e1 = @2.first; $$->e2 = @2.last; }
  ;

asm_statement
  : ASM asm_qualifiers '(' asm_args ')' ';'   { $$ = mk (N_ASM, @$); }
  ;

asm_qualifiers: %empty | asm_qualifiers asm_qualifier ;
asm_qualifier: VOLATILE | INLINE | GOTO ;

asm_args
  : string_seq
  | string_seq ':' asm_operands_opt
  | string_seq ':' asm_operands_opt ':' asm_operands_opt
  | string_seq ':' asm_operands_opt ':' asm_operands_opt ':' asm_clobbers_opt
  | string_seq ':' asm_operands_opt ':' asm_operands_opt ':' asm_clobbers_opt ':' asm_labels_opt
  ;

asm_operands_opt: %empty | asm_operands ;
asm_operands: asm_operand | asm_operands ',' asm_operand ;
asm_operand
  : string_seq '(' expression ')'
  | '[' any_ident ']' string_seq '(' expression ')'
  ;
asm_clobbers_opt: %empty | asm_clobbers ;
asm_clobbers: string_seq | asm_clobbers ',' string_seq ;
asm_labels_opt: %empty | asm_labels ;
asm_labels: any_ident | asm_labels ',' any_ident ;

defer_statement
  : DEFER defer_begin statement
      { $$ = finish ($2, @$); $$->body = $3; pop_scope (); }
  ;

defer_begin: %empty  { if (fn) fn->has_constructs = true; $$ = alloc_node (N_DEFER); $$->first = @0.last; push_scope ($$); } ;

scope_statement
  : SCOPE scope_begin statement
      { $$ = finish ($2, @$); $$->body = $3; pop_scope (); }
  ;

scope_begin: %empty  { if (fn) fn->has_constructs = true; $$ = alloc_node (N_SCOPE); $$->first = @0.last; push_scope ($$); } ;

/* ======== external definitions ======== */

translation_unit
  : %empty
  | translation_unit external_declaration   { end_external (); }
  ;

external_declaration
  : function_definition
  | declaration
  | ';'
  | ASM '(' string_seq ')' ';'
  | error
      {
        if (yychar == YYEOF)
          YYABORT;
        tp = recover_at_top_level (yychar == YYEMPTY ? tp : yylloc.first);
        yyclearin;
        yyerrok;
      }
  ;

function_definition
  : declaration_specifiers declarator fn_begin_ds declaration_list_opt
    function_body
      { $$ = end_function (@$); pop_ds (); }
  | kr_declarator fn_begin_plain declaration_list_opt function_body
      { $$ = end_function (@$); }
  ;

function_body
  : compound_statement
  | SKIPPED_BODY        { $$ = NULL; }
  ;

/* A GNU nested function: only with declaration specifiers (a statement
   that starts with an identifier is an expression).  */
nested_function
  : declaration_specifiers declarator fn_begin_ds declaration_list_opt
    compound_statement
      { end_function (@$); pop_ds (); }
  ;

/* Old-style implicit int: main() { }, f(a, b) int a; { }  */
kr_declarator
  : IDENTIFIER '(' proto_begin identifier_list_opt ')'
      {
        $$ = mkdecl ($1); pop_scope (); $$->deriv = 'f';
        $$->lp = @2.first; $$->rp = @5.first; $$->params = $3;
      }
  | IDENTIFIER '(' proto_begin parameter_type_list ')'
      {
        $$ = mkdecl ($1); pop_scope (); $$->deriv = 'f';
        $$->lp = @2.first; $$->rp = @5.first; $$->params = $3;
      }
  ;

fn_begin_ds: %empty
      { begin_function ($<decl>0, 1, @0); maybe_skip_body (&yychar, &yylval, &yylloc); } ;
fn_begin_plain: %empty
      { begin_function ($<decl>0, 0, @0); maybe_skip_body (&yychar, &yylval, &yylloc); } ;

declaration_list_opt
  : %empty
  | declaration_list_opt declaration
  ;

%%

/* ---- the token reader between the token array and the grammar ---- */

static Sym *sym_defer, *sym_scope;

/* Declaration-specifier keywords: after `defer` they mean a declaration
   (or a function named defer), not a deferred statement.  */
static bool
declspec_keyword (int k)
{
  switch (k)
    {
    case TYPEDEF: case EXTERN: case STATIC: case AUTO: case REGISTER:
    case THREAD_LOCAL: case INLINE: case NORETURN: case CONST:
    case RESTRICT: case VOLATILE: case ATOMIC: case VOID: case CHAR:
    case SHORT: case INT: case LONG: case FLOAT: case DOUBLE: case SIGNED:
    case UNSIGNED: case BOOL: case COMPLEX: case IMAGINARY: case XTYPE:
    case STRUCT: case UNION: case ENUM: case ALIGNAS: case ATTRIBUTE:
    case TYPEOF:
      return true;
    default:
      return false;
    }
}

/* The token after I, never past the end-of-input sentinel (unit->ntok):
   lookahead on unbalanced input must stop there.  */
static int
next_tok (int i)
{
  return i < unit->ntok ? i + 1 : unit->ntok;
}

/* The bracket closing the one at I, or the sentinel when the input ends
   first.  */
static int
match_paren (int i)
{
  int depth = 0;
  for (; i < unit->ntok; i++)
    {
      int k = T (i)->kind;
      if (k == '(' || k == '[' || k == '{')
        depth++;
      else if ((k == ')' || k == ']' || k == '}') && --depth == 0)
        return i;
    }
  return unit->ntok;
}

static bool
is_assignment_operator (int k)
{
  switch (k)
    {
    case '=': case MUL_ASSIGN: case DIV_ASSIGN: case MOD_ASSIGN:
    case ADD_ASSIGN: case SUB_ASSIGN: case LEFT_ASSIGN: case RIGHT_ASSIGN:
    case AND_ASSIGN: case XOR_ASSIGN: case OR_ASSIGN:
      return true;
    default:
      return false;
    }
}

/* Does the statement at I start with `*`, `++` or `--` before an operand,
   `!`, `~`, or a parenthesised group followed by an assignment operator,
   `++` or `--` (`*p = 0;`, `++n;`, `(*p) = 0;`)?  */
static bool
starts_operand_statement (int i)
{
  int k = T (i)->kind;
  if (k == '*' || k == '!' || k == '~')
    return true;
  if (k == INC_OP || k == DEC_OP)
    {
      Token *o = T (next_tok (i));  /* `defer++;` is no such statement */
      return o->sym || o->kind == '(' || o->kind == '*';
    }
  if (k != '(')
    return false;
  int a = T (next_tok (match_paren (i)))->kind;
  return is_assignment_operator (a) || a == INC_OP || a == DEC_OP;
}

/* Does the word at I start a statement (as far as the token before it
   tells)?  The operator forms would misfire inside an expression:
   `o.defer * 10`, `p->defer++ * 2` are member accesses.  */
static bool
starts_statement (int i)
{
  if (i == 0)
    return true;
  int p = T (i - 1)->kind;
  return p == ';' || p == '{' || p == '}' || p == ':' || p == ')'
         || p == ELSE || p == DO;
}

/* SPEC section 2: is this `defer`/`scope` the keyword?  */
static int
contextual (int i)
{
  bool is_scope = T (i)->sym == sym_scope;
  if (i > 0)
    {
      int p = T (i - 1)->kind;
      if (p == STRUCT || p == UNION || p == ENUM)
        return IDENTIFIER;
    }
  Token *nx = T (next_tok (i));
  if (nx->kind == '{')
    return is_scope ? SCOPE : DEFER;
  if (is_scope)
    return IDENTIFIER;
  if (nx->kind == IDENTIFIER || (nx->sym && nx->sym->kw
                                 && !declspec_keyword (nx->kind)))
    return DEFER;
  if (nx->kind == '(')
    {
      Token *a = T (next_tok (match_paren (i + 1)));
      if (a->kind == IDENTIFIER || a->kind == CONSTANT
          || a->kind == STRING_LITERAL || a->kind == '(' || a->kind == '!'
          || a->kind == '~' || a->kind == INC_OP || a->kind == DEC_OP
          || (a->sym && a->sym->kw && !declspec_keyword (a->kind)))
        return DEFER;
    }
  /* Read as a name, these would be a declaration with a type named defer
     or no valid C: the keyword, unless a declaration of that name is in
     view (then they keep their meaning as C).  */
  if (!T (i)->sym->bind && starts_statement (i)
      && starts_operand_statement (next_tok (i)))
    return DEFER;
  return IDENTIFIER;
}

/* __attribute__((...)): skipped, but a cleanup(F) inside is noted on the
   next token for the declaration that it belongs to.  */
static int pending_cleanup;


/* The token of F in a cleanup(F) of the attribute at token AT
   (__attribute__ ((...)) or [[...]]), or 0.  */
static int
cleanup_in_attribute (int at)
{
  int open = T (at)->kind == '[' ? at : next_tok (at);
  if (T (open)->kind != '(' && T (open)->kind != '[')
    return 0;
  int end = match_paren (open);
  for (int j = open; j + 3 < end; j++)
    if (T (j)->kind == IDENTIFIER
        && (tok_is (j, "cleanup") || tok_is (j, "__cleanup__"))
        && T (j + 1)->kind == '(' && T (j + 3)->kind == ')')
      return j + 2;
  return 0;
}

/* The attribute at tp: __attribute__ ((...)), __declspec (...), or a
   C23 attribute specifier [[...]] (standard or vendor: gnu::cleanup).
   False when there is none to skip: a [[ not closed before the end of
   input is left to the parser (a syntax error).  */
static bool
swallow_attribute (void)
{
  int i = T (tp)->kind == '[' ? tp : tp + 1;
  if (T (i)->kind != '(' && T (i)->kind != '[')
    {
      tp = i;
      return true;
    }
  int end = match_paren (i);
  if (end >= unit->ntok)
    {
      /* Not closed before the end of input: the parser sees its
         brackets, and nothing is recorded.  */
      bool skipped = tp != i;
      tp = i;
      return skipped;
    }
  if (cleanup_in_attribute (tp))
    pending_cleanup = cleanup_in_attribute (tp);
  for (int j = i; j < end; j++)
    if (T (j)->kind == IDENTIFIER
        && (tok_is (j, "cdefer_retains") || tok_is (j, "__cdefer_retains__")
            || tok_is (j, "cdefer_releases")
            || tok_is (j, "__cdefer_releases__"))
        && T (j + 1)->kind == '(')
      {
        unsigned long long *bits = tok_is (j, "cdefer_retains")
                                   || tok_is (j, "__cdefer_retains__")
                                   ? &pending_retains : &pending_releases;
        int e = match_paren (j + 1);
        for (int k = j + 2; k < e && k < end; k++)
          if (T (k)->kind == CONSTANT)
            {
              long long n = strtoll (tok_text (k), NULL, 0);
              if (n >= 1 && n <= 64)
                *bits |= 1ULL << (n - 1);
            }
        vec_push (&unit->cdefer_attrs, (void *) (intptr_t) j);
        vec_push (&unit->cdefer_attrs, (void *) (intptr_t) (e < end ? e : end - 1));
        j = e < end ? e : end;  /* one removal, not one inside another */
      }
    else if (T (j)->kind == IDENTIFIER
             && (tok_is (j, "cdefer_null_ok") || tok_is (j, "__cdefer_null_ok__")))
      {
        pending_null_ok = true;
        vec_push (&unit->cdefer_attrs, (void *) (intptr_t) j);
        vec_push (&unit->cdefer_attrs, (void *) (intptr_t) j);
      }
  /* Right after a declarator (before ; , = { or another attribute).  */
  if ((pending_retains || pending_releases || pending_null_ok)
      && last_declared && last_declared->d_last == tp - 1)
    fn_attributes (last_declared);
  tp = next_tok (end);
  return true;
}

/* Skip the statement a misplaced defer/scope introduces.  */
static void
skip_statement (void)
{
  while (tp < unit->ntok)
    {
      int k = T (tp)->kind;
      if (k == '{' || k == '(' || k == '[')
        {
          tp = next_tok (match_paren (tp));
          if (k == '{')
            return;
          continue;
        }
      tp++;
      if (k == ';')
        return;
    }
}

int
yylex (YYSTYPE *lval, YYLTYPE *lloc)
{
  /* __extension__ (and _Nonnull ...) is no token of the grammar, but it
     is part of what follows it: the location of that token starts at
     it, so a node's text (a return's expression, a statement) copied
     from its first token keeps it (-pedantic would warn otherwise).  */
  int ext = -1;
  for (;;)
    {
      int i = tp;
      Token *t = T (i);
      int k = t->kind;
      if (k == EXTENSION)
        {
          if (ext < 0)
            ext = i;
          tp++;
          continue;
        }
      if ((k == ATTRIBUTE || (k == '[' && T (next_tok (i))->kind == '['))
          && swallow_attribute ())
        continue;
      tp = next_tok (tp);       /* the sentinel repeats: end of input */
      if (pending_cleanup)
        {
          t->cleanup = pending_cleanup;
          pending_cleanup = 0;
        }
      if (k == IDENTIFIER)
        {
          Sym *s = t->sym;
          if ((s == sym_defer || s == sym_scope) && !opt.keywords_reserved)
            {
              k = contextual (i);
              if (k != IDENTIFIER && s->bind
                  && diag (DIAG_KEYWORD_SHADOWS_NAME, i, s->name))
                diag_note (s->bind->var->tok, "'%s' is declared here; "
                           "-fplugin-arg-cdefer-keywords=reserved keeps it "
                           "a name", s->name);
            }
          if (k == IDENTIFIER && s->bind && s->bind->var->kind == B_TYPEDEF)
            k = TYPEDEF_NAME;
        }
      if ((k == DEFER || k == SCOPE) && fn_depth == 0)
        {
          diag (DIAG_DEFER_OUTSIDE_FUNCTION, i,
                k == DEFER ? tok_text (i) : tok_text (i));
          skip_statement ();
          ext = -1;
          continue;
        }
      lloc->first = ext >= 0 ? ext : i;
      lloc->last = i;
      lval->tok = i;
      return k;
    }
}

static int syntax_errors;

/* Is token I in a declaration (not a statement)?  Looks back to the
   start of the statement or declaration and at its first token.  */
static bool
in_declaration (int i)
{
  int depth = 0;
  while (i > 0)
    {
      int k = T (i - 1)->kind;
      if (k == ')' || k == ']')
        depth++;
      else if ((k == '(' || k == '[') && depth > 0)
        depth--;
      else if (depth == 0 && (k == ';' || k == '{' || k == '}'))
        break;
      i--;
    }
  Token *t = T (i);
  return declspec_keyword (t->kind) || t->kind == STATIC_ASSERT
         || (t->kind == IDENTIFIER && t->sym->bind
             && t->sym->bind->var->kind == B_TYPEDEF);
}

void
yyerror (YYLTYPE *loc, const char *msg)
{
  syntax_errors++;
  int i = loc->first < unit->ntok ? loc->first : unit->ntok - 1;
  if (i < 0)
    i = 0;
  if (!strncmp (msg, "syntax error, ", 14))
    msg += 14;
  else if (!strcmp (msg, "memory exhausted"))
    {
      diag_error_at (i, "nesting too deep (the parser's stack of %d "
                     "entries is full)", YYMAXDEPTH);
      return;
    }
  if (unit->ntok == 0 || loc->first >= unit->ntok)
    diag_error_after (unit->ntok ? unit->ntok - 1 : 0, "syntax error at end of input");
  else if (i > 0 && strstr (msg, "expecting") && strstr (msg, "';'")
           && !in_declaration (i))
    /* A ';' missing after a statement: point where it belongs, as GCC
       does (in a declaration, GCC points at the token).  */
    diag_error_after (i - 1, "syntax error before '%s' (%s)", tok_text (i), msg);
  else
    diag_error_at (i, "syntax error near '%s' (%s)", tok_text (i), msg);
}

/* The parser's state at the start of a unit: what the last one left
   points into its freed arena.  */
static void
parse_start (void)
{
  file_scope = (Scope) { 0 };
  cur = &file_scope;
  fn = NULL;
  fn_depth = 0;
  next_enum_value = 0;
  enum_values_known = false;
  dsp = 0;
  pending = pending_vars = (Vec) { 0 };
  pending_retains = 0;
  pending_null_ok = false;
  last_declared = NULL;
  body_end = NULL;
  tp = 0;
  last_err = -1;
  top_pos = top_depth = 0;
  pending_cleanup = 0;
  syntax_errors = 0;
  sym_defer = intern ("defer", 5);
  sym_scope = intern ("scope", 5);
}

int
parse_input (void)
{
  parse_start ();
  return yyparse () != 0 || syntax_errors;
}
