# SPDX-License-Identifier: GPL-3.0-or-later
# lib/caps.sh — what a compiler can do, found by compiling, linking and
# running small programs (so a missing libgomp or pthread library shows up
# as a missing capability, i.e. SKIPs, rather than as failures).  The one
# copy of the probes: CMake (CMakeLists.txt, through probe-caps) and
# run-suite both use it.
#
#   caps_probe DIR CC_WORD... -- EXEC_WORD...
#       prints the capabilities (one line, blank-separated).  DIR is a
#       scratch directory; EXEC_WORDS (may be none) prefix the run of each
#       probe program (e.g. a chroot wrapper).
# "source-input" and "libcdefer" are not probed: they depend on how the
# backend is driven and on the runtime library, not on the compiler.

_caps_src() { # CAP: prints the probe program
  case $1 in
    nested-functions) printf '%s\n' 'int main(void) { int k = 1; int f(int x) { return x - k; } return f(1); }' ;;
    exceptions|cleanup-attribute)
      printf '%s\n' 'static void c(int *p) { *p = 0; }' \
        'int main(void) { __attribute__((cleanup(c))) int x = 0; return x; }' ;;
    pthread) printf '%s\n' '#include <pthread.h>' \
        'static void *f(void *a) { pthread_exit(a); }' \
        'int main(void) { pthread_t t; void *r; pthread_create(&t, 0, f, 0); pthread_join(t, &r); return r != 0; }' ;;
    openmp) printf '%s\n' '#include <omp.h>' 'int main(void) { int n = 0;' \
        '#pragma omp parallel num_threads(1)' ' n = omp_get_num_threads();' ' return n != 1; }' ;;
    int128) printf '%s\n' 'int main(void) { __int128 x = 1; x <<= 100; return (int)(x >> 100) != 1; }' ;;
    statement-expressions) printf '%s\n' 'int main(void) { return ({ int a = 0; a; }); }' ;;
    computed-goto) printf '%s\n' 'int main(void) { void *p = &&l; goto *p; l: return 0; }' ;;
    asm-goto) printf '%s\n' 'int main(void) { __asm__ goto ("" : : : : l); return 0; l: return 1; }' ;;
    vla) printf '%s\n' 'int main(int argc, char **argv) { int a[argc]; a[0] = 0; (void)argv; return a[0]; }' ;;
    setjmp) printf '%s\n' '#include <setjmp.h>' 'static jmp_buf b;' \
        'int main(void) { if (setjmp(b) == 0) longjmp(b, 1); return 0; }' ;;
    c23-attributes) printf '%s\n' 'static void c(int *p) { (void)p; }' \
        'int main(void) { [[maybe_unused]] int x = 0; int y [[gnu::cleanup(c)]] = 0; return y; }' ;;
    ucn-identifiers) printf '%s\n' 'int main(void) { int \u00e9 = 0; return \u00e9; }' ;;
  esac
}

_caps_flags() { # CAP
  case $1 in
    exceptions) echo -fexceptions ;;
    pthread) echo -pthread ;;
    openmp) echo -fopenmp ;;
  esac
}

CAPS_PROBED="nested-functions exceptions pthread openmp int128 cleanup-attribute statement-expressions computed-goto asm-goto vla setjmp c23-attributes ucn-identifiers"

caps_probe() { # DIR CC_WORD... -- EXEC_WORD...
  local dir=$1 cap found="" flags
  shift
  local -a cc=() run=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do cc+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  run=("$@")
  for cap in $CAPS_PROBED; do
    _caps_src "$cap" >"$dir/probe-$cap.c"
    flags=$(_caps_flags "$cap")
    # shellcheck disable=SC2086
    if "${cc[@]}" $flags -o "$dir/probe-$cap" "$dir/probe-$cap.c" </dev/null >/dev/null 2>&1 &&
       (cd "$dir" && timeout 10 "${run[@]}" "$dir/probe-$cap") </dev/null >/dev/null 2>&1; then
      found="$found $cap"
    fi
  done
  echo "${found# }"
}
