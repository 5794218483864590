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
exit $fail
