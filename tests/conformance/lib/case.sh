# SPDX-License-Identifier: GPL-3.0-or-later
# lib/case.sh — the conformance case format, in one place.  Sourced (bash)
# by run-case, run-suite and probe-caps; see ../README.md for the format.
#
#   CASE_KNOWN_CAPS            the capability vocabulary
#   case_parse FILE DIR        reads every directive of FILE; writes
#                              DIR/expected.stdout and DIR/expected.diags
#                              ("kind id line", one per expected cdefer
#                              diagnostic) and sets the case_* variables
#                              below; returns 2 (message on stderr) on a
#                              malformed directive
#   case_header FILE           only the metadata run-suite needs to group
#                              and filter (case_spec, case_features)
#   case_known_failure FILE BACKEND
#                              prints "ISSUE reason" of the first
#                              known-failure marker whose glob matches
#
# Variables set by case_parse:
#   case_expected_exit case_requires case_cflags case_ldflags case_timeout
#   case_has_error case_has_warning case_error_lines case_reject_lines
#   case_spec (first SPEC section of the first "// spec:" line, or "")
#   case_features (the words of all "// features:" lines)
#   case_ts (the TS clauses of the "// ts:" lines, blank-separated: "6.4p4
#   6.4 example 1" keeps its words; "extension" for a cdefer extension)
# Header lines this file does not know (ts:, rejects: in other forms, ...)
# are ignored, so new metadata never breaks an older runner.

CASE_KNOWN_CAPS="nested-functions exceptions pthread openmp int128 cleanup-attribute statement-expressions computed-goto asm-goto vla setjmp source-input c23-attributes ucn-identifiers libcdefer"

# One header line; returns 0 when LINE was metadata (spec/features/rejects).
_case_meta_line() { # LINE LINENO
  local line=$1
  if [[ $line =~ ^[[:space:]]*//[[:space:]]*spec:[[:space:]]*([^[:space:],;]+) ]]; then
    [ -n "$case_spec" ] || case_spec=${BASH_REMATCH[1]}
    case_spec=${case_spec#§}
    return 0
  fi
  if [[ $line =~ ^[[:space:]]*//[[:space:]]*ts:(.*)$ ]]; then
    case_ts="$case_ts ${BASH_REMATCH[1]//,/ }"
    return 0
  fi
  if [[ $line =~ ^[[:space:]]*//[[:space:]]*features:(.*)$ ]]; then
    case_features="$case_features ${BASH_REMATCH[1]//,/ }"
    return 0
  fi
  # "// rejects: line N" (or "lines N, M"): where a compiler without cdefer
  # IDs must report an error, in addition to the expect-error lines.
  if [[ $line =~ ^[[:space:]]*//[[:space:]]*rejects:[[:space:]]*lines?[[:space:]]*([0-9,[:space:]]+) ]]; then
    case_reject_lines="$case_reject_lines ${BASH_REMATCH[1]//,/ }"
    return 0
  fi
  return 1
}

_case_reset() {
  case_expected_exit=0
  case_requires=""
  case_cflags=""
  case_ldflags=""
  case_timeout=""
  case_has_error=0
  case_has_warning=0
  case_error_lines=""
  case_reject_lines=""
  case_spec=""
  case_features=""
  case_ts=""
}

case_header() { # FILE
  local line
  _case_reset
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    _case_meta_line "$line" && continue
    [[ $line =~ //[[:space:]]*expect-error: ]] && case_has_error=1
    [[ $line =~ //[[:space:]]*expect-warning: ]] && case_has_warning=1
  done <"$1"
  return 0
}

case_parse() { # FILE DIR
  local file=$1 dir=$2 line lineno=0 text rest kind ids id n base
  local -a id_list
  base=$(basename "$file")
  _case_reset
  : >"$dir/expected.stdout"
  : >"$dir/expected.diags"
  while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    line=${line%$'\r'}
    # Expected stdout: "//>" at the start of a line (after blanks); one
    # optional space after the marker is not part of the text.
    if [[ $line =~ ^[[:space:]]*//\>(.*)$ ]]; then
      text=${BASH_REMATCH[1]}
      printf '%s\n' "${text# }" >>"$dir/expected.stdout"
      continue
    fi
    if [[ $line =~ ^[[:space:]]*//[[:space:]]*expect-exit:[[:space:]]*([0-9]+)[[:space:]]*$ ]]; then
      case_expected_exit=${BASH_REMATCH[1]}
      continue
    fi
    if [[ $line =~ ^[[:space:]]*//[[:space:]]*requires:(.*)$ ]]; then
      case_requires="$case_requires ${BASH_REMATCH[1]}"
      continue
    fi
    if [[ $line =~ ^[[:space:]]*//[[:space:]]*cflags:(.*)$ ]]; then
      case_cflags="$case_cflags ${BASH_REMATCH[1]}"
      continue
    fi
    if [[ $line =~ ^[[:space:]]*//[[:space:]]*ldflags:(.*)$ ]]; then
      case_ldflags="$case_ldflags ${BASH_REMATCH[1]}"
      continue
    fi
    if [[ $line =~ ^[[:space:]]*//[[:space:]]*timeout:[[:space:]]*([0-9.]+)[[:space:]]*$ ]]; then
      case_timeout=${BASH_REMATCH[1]}
      continue
    fi
    _case_meta_line "$line" && continue
    # Expected diagnostics: "// expect-error: a, b" (possibly followed by
    # "// expect-warning: c") at the end of a source line.
    rest=$line
    while [[ $rest =~ //[[:space:]]*expect-(error|warning):[[:space:]]*([A-Za-z0-9_,[:space:]-]*)(.*)$ ]]; do
      kind=${BASH_REMATCH[1]}
      ids=${BASH_REMATCH[2]}
      rest=${BASH_REMATCH[3]}
      IFS=', ' read -r -a id_list <<<"$ids"
      n=0
      for id in "${id_list[@]}"; do
        [ -n "$id" ] || continue
        printf '%s %s %s\n' "$kind" "${id#cdefer-}" "$lineno" >>"$dir/expected.diags"
        n=$((n + 1))
      done
      [ "$n" -gt 0 ] || { echo "$base:$lineno: expect-$kind: without an ID" >&2; return 2; }
      if [ "$kind" = error ]; then
        case_has_error=1
        case_error_lines="$case_error_lines $lineno"
      else
        case_has_warning=1
      fi
    done
  done <"$file"
  return 0
}

case_known_failure() { # FILE BACKEND
  local line glob backend=$2
  local -a g
  [ -n "$backend" ] || return 1
  while IFS= read -r line; do
    [[ $line =~ ^[[:space:]]*//[[:space:]]*known-failure:[[:space:]]*([^[:space:]]+)[[:space:]]+(.*)$ ]] || continue
    IFS=, read -r -a g <<<"${BASH_REMATCH[1]}"
    for glob in "${g[@]}"; do
      # shellcheck disable=SC2053
      if [[ $backend == $glob ]]; then
        printf '%s\n' "${BASH_REMATCH[2]}"
        return 0
      fi
    done
  done <"$1"
  return 1
}

# A case "tests the spelling itself" (so --spelling=_Defer does not apply to
# it) when its "// ts:" names a clause about the spelling (6.2p1, 6.2p2:
# the keyword; 7.2p1, 7.2p2: <stddefer.h>), it has the feature "spelling",
# or it uses the header's version macro.
case_tests_spelling() { # FILE (after case_header/case_parse)
  case " $case_ts $case_features " in
    *" 6.2p1 "*|*" 6.2p2 "*|*" 7.2p1 "*|*" 7.2p2 "*|*" spelling "*) return 0 ;;
  esac
  grep -q '__STDC_VERSION_STDDEFER_H__' "$1"
}
