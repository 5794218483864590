// The WITH_LOCK pattern: a macro built on a statement expression that
// locks, defers the unlock, and yields a value computed while locked.
// The unlock runs at the end of the statement expression, not at the end
// of the enclosing function.
// requires: statement-expressions
// spec: 3.1
#include <stdio.h>

static int locked;

static void lock(void)
{
  locked = 1;
  puts("lock");
}

static void unlock(void)
{
  locked = 0;
  puts("unlock");
}

#define WITH_LOCK(expr) ({ lock(); defer unlock(); (expr); })

static int read_value(int base)
{
  printf("read (locked=%d)\n", locked);
  return base + locked;
}

static void f(void)
{
  defer puts("f deferred");
  int v = WITH_LOCK(read_value(41));
  printf("after: v=%d locked=%d\n", v, locked);
  v = WITH_LOCK(locked) * 10;
  printf("locked inside=%d, now=%d\n", v / 10, locked);
}

int main(void)
{
  f();
  return 0;
}
//> lock
//> read (locked=1)
//> unlock
//> after: v=42 locked=0
//> lock
//> unlock
//> locked inside=1, now=0
//> f deferred
