// Identifiers with characters outside ASCII, as C99 and C23 allow, in a
// function that uses defer: written in UTF-8 (gcc -E turns them into
// \U000000e9 forms, clang -E keeps UTF-8) they are the same names
// wherever they appear, in a deferred body too (SPEC 3 rule 5: the body
// sees the variables as they are when it runs).
// spec: 2
#include <stdio.h>

static void montre(const char *nom, int valeur)
{
  printf("%s=%d\n", nom, valeur);
}

int main(void)
{
  int café = 1, été = 2, 値 = 3;
  defer montre("café", café);
  defer { int somme = café + été + 値; montre("somme", somme); }
  defer été *= 2;
  café = 10;
  値 = 30;
  montre("été", été);
  return 0;
}
//> été=2
//> somme=44
//> café=10
