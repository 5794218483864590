#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Front-end smoke tests: lower each *.c here with `cdefer cc` for every
# available compiler and compare the output with *.expected.
#   run.sh [CDEFER]     (default: build/frontend/cdefer)
here=$(cd "$(dirname "$0")" && pwd)
cdefer=${1:-$here/../../build/frontend/cdefer}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0
for src in "$here"/*.c; do
  name=$(basename "$src" .c)
  for cc in gcc clang tcc; do
    command -v $cc >/dev/null || continue
    if ! "$cdefer" cc --cc=$cc -o "$tmp/$name.$cc" "$src" 2>"$tmp/err"; then
      echo "FAIL $name ($cc): compile"; cat "$tmp/err"; fail=1; continue
    fi
    "$tmp/$name.$cc" >"$tmp/out" 2>&1
    if ! cmp -s "$tmp/out" "$here/$name.expected"; then
      echo "FAIL $name ($cc): output"; diff "$here/$name.expected" "$tmp/out" | head -20; fail=1
    else
      echo "ok   $name ($cc)"
    fi
  done
done
# Every command answers --help and --version on stdout, with status 0
# (`cdefer cc --version` is the compiler's: cc is a drop-in).
for cmd in lower check cc migrate compdb trace-report; do
  for opt in --help --version; do
    if ! "$cdefer" $cmd $opt >"$tmp/out" 2>"$tmp/err" || [ -s "$tmp/err" ] \
       || ! [ -s "$tmp/out" ]; then
      echo "FAIL cdefer $cmd $opt"; cat "$tmp/err"; fail=1
    elif [ $opt = --version ] && [ $cmd != cc ] && ! grep -q '^cdefer [0-9]' "$tmp/out"; then
      echo "FAIL cdefer $cmd $opt: no version"; cat "$tmp/out"; fail=1
    else
      echo "ok   cdefer $cmd $opt"
    fi
  done
done
exit $fail
