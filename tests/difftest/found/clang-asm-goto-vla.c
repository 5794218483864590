// difftest note (a clang limitation, not a cdefer bug): clang 14 takes
// every label named by any asm goto of a function as a possible target of
// every asm goto, so an asm goto outside the scope of a VLA is an error
// when another asm goto's label is inside it ("cannot jump from this asm
// goto statement to one of its possible targets ... jump bypasses
// initialization of variable length array").  gcc accepts it.  Plain C,
// no cdefer involved; the difftest met it through a VLA and an asm goto in
// a deferred body (model ts, seed 57 of generator version 5), so it no
// longer puts a VLA and an asm goto in one function.
//   gcc: compiles, prints nothing; clang 14: the error above
// requires: vla
int f(int a)
{
    {
        int v[a + 1];
        v[0] = 0;
        __asm__ goto ("" : : : : L51);
    L51: ;
    }
    __asm__ goto ("" : : : : L44);
L44: ;
    return 0;
}

int main(void)
{
    return f(1);
}
