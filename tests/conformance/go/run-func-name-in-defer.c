// __func__, __FUNCTION__ and __PRETTY_FUNCTION__ in a deferred body name
// the function that contains the defer (the body is part of that function,
// SPEC 3: defers run in their scope), also in a nested deferred body and
// in a body that runs at an early return.  (The front end's gnu lowering,
// which moves bodies into nested functions, once printed the name of its
// own helper function.)
// spec: 3.3
#include <stdio.h>
#include <string.h>

/* __PRETTY_FUNCTION__ is the signature with clang: check only that it
   names work.  tcc has none.  */
#ifdef __TINYC__
#define PRETTY __func__
#else
#define PRETTY __PRETTY_FUNCTION__
#endif
#define PRETTY_NAMES_WORK (strstr(PRETTY, "work") && !strstr(PRETTY, "cdefer"))

static int work(int early)
{
  defer printf("%s %s %s %d\n", __func__, __FUNCTION__,
               PRETTY_NAMES_WORK ? "pretty" : PRETTY,
               (int) sizeof __func__);
  if (early)
    defer {
      defer printf("inner %s\n", __func__);
      puts(__func__);
    }
  printf("body %s\n", __func__);
  if (early)
    return 1;
  return 0;
}

int main(void)
{
  work(0);
  work(1);
  return 0;
}
//> body work
//> work work pretty 5
//> body work
//> work
//> inner work
//> work work pretty 5
