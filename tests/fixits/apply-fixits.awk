# SPDX-License-Identifier: GPL-3.0-or-later
# apply-fixits.awk — apply GCC's machine-readable fix-it hints to one file.
#
#   awk -v src=FILE -v name=NAME -f apply-fixits.awk DIAGNOSTICS > FIXED
#
# DIAGNOSTICS is the compiler's stderr with -fdiagnostics-parseable-fixits:
#   fix-it:"NAME":{L1:C1-L2:C2}:"TEXT"
# (only lines whose file is NAME are used).  Lines and columns are 1-based,
# columns count bytes, and the range [L1:C1, L2:C2) is replaced by TEXT, in
# which GCC escapes \ " as \\ \", tab, newline and carriage return as \t \n
# \r, and other unprintable bytes as \ooo.  The fix-its are applied from the
# last to the first so that earlier offsets stay valid.  Run with LC_ALL=C.
# Prints the number of fix-its applied on stderr as "applied N".

function unescape(s,    out, i, c, n) {
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c != "\\") { out = out c; continue }
    c = substr(s, ++i, 1)
    if (c == "n") out = out "\n"
    else if (c == "t") out = out "\t"
    else if (c == "r") out = out "\r"
    else if (c ~ /[0-7]/) {
      n = c + 0
      while (substr(s, i + 1, 1) ~ /^[0-7]$/ && i < length(s)) n = n * 8 + substr(s, ++i, 1)
      out = out sprintf("%c", n)
    } else out = out c          # \\ and \" (and anything else) stand for the char
  }
  return out
}

BEGIN {
  # The source as one string, with the byte offset of each line's start.
  text = ""; nl = 0
  while ((getline line < src) > 0) {
    start[++nl] = length(text)
    text = text line "\n"
  }
  close(src)
  start[nl + 1] = length(text)
  nfix = 0
  prefix = "fix-it:\"" name "\":{"
}

index($0, prefix) == 1 {
  rest = substr($0, length(prefix) + 1)
  if (!match(rest, /^[0-9]+:[0-9]+-[0-9]+:[0-9]+}:"/)) next
  split(substr(rest, 1, RLENGTH - 3), r, /[-:]/)
  t = substr(rest, RLENGTH + 1)
  sub(/"$/, "", t)
  if (r[1] < 1 || r[1] > nl + 1 || r[3] < 1 || r[3] > nl + 1) {
    print "apply-fixits: range outside the file: " $0 > "/dev/stderr"
    bad = 1
    next
  }
  nfix++
  from[nfix] = start[r[1]] + r[2] - 1
  to[nfix] = start[r[3]] + r[4] - 1
  repl[nfix] = unescape(t)
  seq[nfix] = nfix
}

END {
  # Sort by start offset, last first; at equal starts the later hint first
  # (so two insertions at one point end up in the order GCC gave them).
  for (i = 2; i <= nfix; i++)
    for (j = i; j > 1 && (from[seq[j]] > from[seq[j-1]] || (from[seq[j]] == from[seq[j-1]] && seq[j] > seq[j-1])); j--) {
      k = seq[j]; seq[j] = seq[j-1]; seq[j-1] = k
    }
  for (i = 1; i <= nfix; i++) {
    k = seq[i]
    if (i > 1 && to[k] > from[seq[i-1]]) {
      print "apply-fixits: overlapping fix-its" > "/dev/stderr"
      bad = 1
    }
    text = substr(text, 1, from[k]) repl[k] substr(text, to[k] + 1)
  }
  printf "%s", text
  print "applied " nfix > "/dev/stderr"
  exit bad
}
