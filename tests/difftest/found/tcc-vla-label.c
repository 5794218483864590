// difftest finding (a tcc bug, not cdefer's): tcc 0.9.27 (Debian 12)
// crashes (SIGSEGV) at a label that follows a block with a variable-length
// array when that block was skipped: at the label tcc restores the stack
// pointer from the VLA's save slot, which was never written.  Plain C, no
// cdefer involved:
//   gcc, clang: prints "after"; tcc 0.9.27: Segmentation fault
// The portable lowering makes this layout from ordinary cdefer code: a VLA
// in one deferred body that was not registered (its `if (flag)` is
// skipped) followed by another deferred body with a label (minimised
// difftest program, model go, seed 1001 of generator version 2):
//
//   static int f3(int a)
//   {
//       defer { B38: ; ev(13, 0); }
//       do { break; defer { int x42[(a & 1) + 1]; x42[0] = 0; } } while (0);
//       return 0;
//   }
//
// So the difftest generates no VLAs for lower-portable-tcc.
#include <stdio.h>

static int f(int a, int c)
{
    if (c) {
        int v[a + 1];
        v[0] = 0;
    }
    {
    L: ;
        puts("after");
    }
    return 0;
}

int main(void)
{
    return f(5, 0);
}

//> after
