# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib/chroot.sh - Debian chroots for the tests that need another
# distribution (gcc-versions, ts-crosscheck: Debian sid; packaging: a clean
# Debian 12).  Sourced by bash scripts; one implementation of the three
# things they all need:
#
#   chroot_ensure ROOT SUITE MIRROR LOGDIR PKG...
#       make ROOT with `debootstrap --variant=minbase SUITE` once (cached;
#       an interrupted one is redone) and install the packages that are
#       missing.  Serialised by an exclusive lock on ROOT.lock, so the tests
#       that share a chroot may start at the same time.  Returns 0 when
#       everything is there, 77 when the machine cannot provide it (not
#       root, no debootstrap and no apt, the archive unreachable: the
#       caller reports SKIPPED), 2 on any other failure.  The reason is in
#       CHROOT_WHY (one line).
#   chroot_installed ROOT PKG...
#       true when every PKG is installed in ROOT.
#   chroot_available ROOT PKG
#       true when PKG has an installation candidate in ROOT's apt lists.
#   in_root ROOT COMMAND...
#       run COMMAND inside ROOT with /proc and /dev mounted.  A private mount
#       namespace when the machine allows one (nothing stays mounted); where
#       it does not -- a container, or a plain chroot, whose / is not a
#       mount point ("unshare: cannot change root filesystem propagation")
#       -- the mounts are made and removed around the command (counted, so
#       commands in one chroot may overlap); where mounting is not allowed
#       either, the command runs without them.
#
# apt is always called with Acquire::Check-Valid-Until=false: Debian's
# Release files (sid's in particular) can be past their Valid-Until date on
# the mirrors, and apt then refuses the whole archive.

CHROOT_WHY=""
CHROOT_APT_OPTS=(-o Acquire::Check-Valid-Until=false -o Acquire::Retries=3
                 -o DPkg::Lock::Timeout=900)

_chroot_note() { printf '[chroot %s] %s\n' "$(date +%T)" "$*" >&2; }

# The way in_root enters a chroot, decided once per process: "unshare"
# (a private mount namespace) where the machine allows it, else "shared".
_CHROOT_MODE=""
_chroot_pick_mode() {
  [ -n "$_CHROOT_MODE" ] && return
  if unshare --mount --propagation private -- true 2>/dev/null; then
    _CHROOT_MODE=unshare
  else
    _CHROOT_MODE=shared
    _chroot_note "no private mount namespace here; mounting /proc and /dev around each command"
  fi
}

# The clean environment of every command run in a chroot.
_CHROOT_ENV=(/usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
             HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive TMPDIR=/tmp)

in_root() {
  local r=$1; shift
  _chroot_pick_mode
  case $_CHROOT_MODE in
    unshare)
      unshare --mount --propagation private -- /bin/sh -c '
        r=$1; shift
        mount -t proc proc "$r/proc" && mount --rbind /dev "$r/dev" || exit 97
        exec chroot "$r" "$@"' sh "$r" "${_CHROOT_ENV[@]}" "$@" ;;
    shared)
      # Mounts in the shared namespace (where mounting is not allowed
      # either, the command runs without them), counted per chroot so that two
      # commands running in the same chroot at once do not unmount under
      # each other; the last one out unmounts.
      (
        exec 8>"$r.mounts.lock"
        flock 8
        n=$(cat "$r.mounts" 2>/dev/null || echo 0)
        if [ "$n" = 0 ]; then
          mountpoint -q "$r/proc" || mount -t proc proc "$r/proc" || true
          mountpoint -q "$r/dev" || mount --bind /dev "$r/dev" || true
        fi
        echo $((n + 1)) > "$r.mounts"
        flock -u 8
        chroot "$r" "${_CHROOT_ENV[@]}" "$@"
        rc=$?
        flock 8
        n=$(( $(cat "$r.mounts" 2>/dev/null || echo 1) - 1 ))
        if [ "$n" -le 0 ]; then
          n=0
          umount -l "$r/dev" 2>/dev/null; umount -l "$r/proc" 2>/dev/null
        fi
        echo "$n" > "$r.mounts"
        exit $rc
      ) ;;
  esac
}

# True when the log of a failed download says the network or the archive
# is out of reach (not a fault of ours or of the packages).
_chroot_unreachable() {
  grep -qE "Could not resolve|Temporary failure resolving|Failed to connect|Connection (refused|timed out)|Network is unreachable|No route to host|Couldn't download|Failed getting release file|Unable to connect" "$1" 2>/dev/null
}

chroot_installed() { # ROOT PKG...
  local r=$1 p; shift
  for p in "$@"; do
    in_root "$r" dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || return 1
  done
}

chroot_available() { # ROOT PKG
  local cand
  cand=$(in_root "$1" apt-cache policy "$2" 2>/dev/null | awk '/Candidate:/ {print $2}')
  [ -n "$cand" ] && [ "$cand" != "(none)" ]
}

chroot_ensure() {
  local r=${1%/} suite=$2 mirror=$3 logs=$4; shift 4
  local rc=0
  CHROOT_WHY=""
  if [ "$(id -u)" != 0 ]; then CHROOT_WHY="not root (debootstrap and chroot need root)"; return 77; fi
  mkdir -p "$(dirname "$r")" "$logs" || { CHROOT_WHY="cannot create $(dirname "$r")"; return 2; }
  exec {_chroot_lock}>"$r.lock" || { CHROOT_WHY="cannot create $r.lock"; return 2; }
  flock "$_chroot_lock" || { CHROOT_WHY="cannot lock $r.lock"; exec {_chroot_lock}>&-; return 2; }
  _chroot_ensure_locked "$r" "$suite" "$mirror" "$logs" "$@" || rc=$?
  exec {_chroot_lock}>&-
  return $rc
}

_chroot_ensure_locked() {
  local r=$1 suite=$2 mirror=$3 logs=$4; shift 4
  local missing=() p
  if [ ! -e "$r/.cdefer-debootstrap-done" ]; then
    if ! command -v debootstrap >/dev/null; then
      _chroot_note "apt-get install debootstrap"
      { apt-get "${CHROOT_APT_OPTS[@]}" install -y -qq debootstrap \
          || { apt-get "${CHROOT_APT_OPTS[@]}" update -qq && apt-get "${CHROOT_APT_OPTS[@]}" install -y -qq debootstrap; }
      } > "$logs/debootstrap-install.log" 2>&1
      if ! command -v debootstrap >/dev/null; then
        CHROOT_WHY="debootstrap is not installed and apt-get could not install it (log: $logs/debootstrap-install.log)"
        _chroot_unreachable "$logs/debootstrap-install.log" && return 77
        return 2
      fi
    fi
    if [ -e "$r" ]; then
      if grep -q " $r/" /proc/self/mounts; then CHROOT_WHY="$r has mounts; refusing to remove it"; return 2; fi
      _chroot_note "removing the incomplete chroot $r"
      rm -rf --one-file-system "$r"
    fi
    _chroot_note "creating the Debian $suite chroot $r (debootstrap)"
    if ! debootstrap --variant=minbase "$suite" "$r" "$mirror" > "$logs/debootstrap-$suite.log" 2>&1; then
      tail -5 "$logs/debootstrap-$suite.log" >&2
      CHROOT_WHY="debootstrap $suite failed (log: $logs/debootstrap-$suite.log)"
      _chroot_unreachable "$logs/debootstrap-$suite.log" && return 77
      return 2
    fi
    touch "$r/.cdefer-debootstrap-done"
  fi
  for p in "$@"; do chroot_installed "$r" "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  _chroot_note "apt-get update in $r"
  if ! in_root "$r" apt-get "${CHROOT_APT_OPTS[@]}" update -qq > "$logs/apt-$suite.log" 2>&1; then
    tail -5 "$logs/apt-$suite.log" >&2
    CHROOT_WHY="apt-get update in $r failed (log: $logs/apt-$suite.log)"
    _chroot_unreachable "$logs/apt-$suite.log" && return 77
    return 2
  fi
  # Only what the archive carries (gcc-N for an N that sid no longer or not
  # yet has is left to the caller to report).
  local want=()
  for p in "${missing[@]}"; do chroot_available "$r" "$p" && want+=("$p"); done
  [ ${#want[@]} -eq 0 ] && return 0
  _chroot_note "installing in $r: ${want[*]}"
  if ! in_root "$r" apt-get "${CHROOT_APT_OPTS[@]}" install -y -qq --no-install-recommends "${want[@]}" \
       >> "$logs/apt-$suite.log" 2>&1; then
    tail -20 "$logs/apt-$suite.log" >&2
    CHROOT_WHY="apt-get install in $r failed (log: $logs/apt-$suite.log)"
    _chroot_unreachable "$logs/apt-$suite.log" && return 77
    return 2
  fi
  return 0
}
