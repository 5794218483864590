/* SPDX-License-Identifier: GPL-3.0-or-later */
/* locks.c - `scope` gives a block its own deferred bodies: the lock is
   released at the end of every iteration, even on `continue`/`break`.  */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int total;

/* A statement expression is a defer scope too: a macro can lock, compute
   and unlock, and the value is computed before the unlock runs.  */
#define LOCKED(expr) ({ pthread_mutex_lock(&lock); defer pthread_mutex_unlock(&lock); (expr); })

int main(void)
{
    for (int i = 0; i < 6; i++) scope {
        pthread_mutex_lock(&lock);
        defer pthread_mutex_unlock(&lock);
        if (i % 2)
            continue;           /* unlocks */
        if (i == 4)
            break;              /* unlocks */
        total += i;
    }
    int snapshot = LOCKED(total * 10);
    printf("total=%d snapshot=%d lock free=%s\n", total, snapshot,
           pthread_mutex_trylock(&lock) == 0 ? "yes" : "no");
    return 0;
}
