// Model ts with OpenMP: the structured block of "#pragma omp parallel" is
// a compound statement, i.e. a block; each thread runs the deferred blocks
// it registered there when it leaves the block, before the implicit
// barrier at the end of the region. The deferred block's effect is
// counted atomically; the order between threads is not printed.
// requires: openmp
// cflags: -fopenmp
// spec: 3.1, 3.ts
// ts: extension
#include <stdio.h>

int main(void)
{
  int ran = 0, threads = 0;
#pragma omp parallel num_threads(3)
  {
    _Defer {
#pragma omp atomic
      ran++;
    }
#pragma omp atomic
    threads++;
  }
  printf("%s\n", ran == threads && ran >= 1 ? "every thread ran its deferred block" : "mismatch");
  return 0;
}
//> every thread ran its deferred block
