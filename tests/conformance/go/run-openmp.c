// The structured block of an OpenMP construct is a defer scope: each thread
// runs its own deferred bodies at the end of the block (before the
// reduction combines the private copies).  A loop body that is a scope
// inside `omp parallel for` runs its defers per iteration.
// requires: openmp
// cflags: -fopenmp
// spec: 3.1
#include <omp.h>
#include <stdio.h>

int main(void)
{
  int count = 0, nthreads = 0, sum = 0, i;

#pragma omp parallel num_threads(1)
  {
    defer puts("thread deferred");
    puts("thread body");
  }
  puts("after region 1");

#pragma omp parallel num_threads(4) reduction(+ : count)
  {
    defer count++;
#pragma omp single
    nthreads = omp_get_num_threads();
  }
  printf("one deferred body per thread: %s\n", count == nthreads ? "yes" : "no");

#pragma omp parallel for num_threads(2) reduction(+ : sum)
  for (i = 0; i < 10; i++) scope {
    defer sum += i;
  }
  printf("sum=%d\n", sum);
  return 0;
}
//> thread body
//> thread deferred
//> after region 1
//> one deferred body per thread: yes
//> sum=45
