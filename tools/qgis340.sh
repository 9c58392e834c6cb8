#!/usr/bin/env bash
# Run the test suite on QGIS 3.40 LTR (Python 3.13) as well: a Debian 13 (trixie) chroot under
# .chroot-trixie/, set up inside with tools/setup.sh exactly as `make setup` sets up the host, then
# `make test` on the checkout, which is bind-mounted at /src/main (and ../shared at /src/shared).
#
#   bash tools/qgis340.sh [pytest arguments]      (as root; `make test-qgis340 PYTEST_ARGS=...`)
#
# The first run builds the chroot (debootstrap + QGIS, a few minutes); later runs reuse it and only
# re-run setup.sh, which reinstalls only what changed. Mounts are always undone on exit.
# Environment: QGIS340_CHROOT, the chroot folder (default .chroot-trixie).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd -P)
ROOT=${QGIS340_CHROOT:-$REPO/.chroot-trixie}
SUITE=trixie  # Debian 13: QGIS 3.40 LTR, Python 3.13
SHARED=$REPO/../shared
# Inside the chroot: its own venv, constraints, XDG and QGIS profile; the checkout's build/ is shared
# with the host (the relative symlink build/plugins/homestead_cadastre works on both sides).
CHROOT_VENV=/opt/homestead/venv
CHROOT_BUILD=/opt/homestead/build
# What the chroot needs beyond tools/setup.sh's packages: make to run the Makefile, certificates for pip,
# git for tools/package.py (it ships the tracked files).
BASE_PACKAGES="make ca-certificates git"

if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "qgis340: run as root (debootstrap and chroot need it)" >&2; exit 1; }
  exec sudo -E bash "$0" "$@"
fi

log() { echo "qgis340: $*"; }

# Every mount below folder $1, deepest first.
mounts_under() { findmnt -rn -o TARGET | awk -v r="$1/" 'index($0 "/", r) == 1' | sort -r; }

unmount_all() {  # folder; fails when something stays mounted (then nothing below it may be deleted)
  local m
  for m in $(mounts_under "$1"); do umount "$m" 2>/dev/null || umount -l "$m" || true; done
  if [ -n "$(mounts_under "$1")" ]; then
    echo "qgis340: could not unmount: $(mounts_under "$1" | tr '\n' ' ')" >&2
    return 1
  fi
}

# Deletes a chroot folder, never through a mount (the checkout is bind-mounted inside while tests run).
remove_tree() {
  [ -e "$1" ] || return 0
  unmount_all "$1" || return 1  # never delete through a mount
  rm -rf --one-file-system "$1"
}

# The Debian mirror apt already uses on this machine (deb822 or one-line sources); no host is hard-coded.
debian_mirror() {
  local files
  files=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  awk '
    /^[[:space:]]*#/ { next }
    /^deb[[:space:]]/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }
    /^URIs:/ { for (i = 2; i <= NF; i++) print $i }
  ' $files | grep -E '/debian/?$' | head -1
}

bootstrap() {
  command -v debootstrap >/dev/null || {
    log "installing debootstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  local mirror
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || { echo "qgis340: no Debian mirror found in /etc/apt/sources.list*" >&2; exit 1; }
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -r "$keyring" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debian-archive-keyring >/dev/null
  log "building a Debian $SUITE chroot in $ROOT from $mirror (once; a few minutes)"
  local tmp="$ROOT.partial"
  remove_tree "$tmp"
  remove_tree "$ROOT"  # an incomplete folder of that name
  local output
  output=$(mktemp)
  debootstrap --variant=minbase --keyring="$keyring" "$SUITE" "$tmp" "$mirror" > "$output" 2>&1 || {
    tail -20 "$output" >&2; rm -f "$output"; remove_tree "$tmp"; exit 1; }
  rm -f "$output"
  # setup.sh installs with plain `apt-get install`: keep the chroot lean (no recommends, no kept .debs).
  cat > "$tmp/etc/apt/apt.conf.d/90homestead" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb || true"; };
APT
  rm -f "$tmp"/var/cache/apt/archives/*.deb
  # No daemons may start inside the chroot while packages install.
  printf '#!/bin/sh\nexit 101\n' > "$tmp/usr/sbin/policy-rc.d" && chmod +x "$tmp/usr/sbin/policy-rc.d"
  mv "$tmp" "$ROOT"
}

in_chroot() {
  # A clean environment: only what the tests and pip need (proxies pass through when the host has them).
  local keep=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8
              DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 CI="${CI:-}")
  local v
  [ -r "$ROOT/etc/ssl/host-ca-certificates.crt" ] && keep+=(PIP_CERT=/etc/ssl/host-ca-certificates.crt)
  for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY PIP_INDEX_URL PIP_DEFAULT_TIMEOUT; do
    [ -n "${!v:-}" ] && keep+=("$v=${!v}")
  done
  env -i "${keep[@]}" chroot "$ROOT" "$@"
}

# One run at a time per checkout: a second one would take the first one's mounts for leftovers.
exec 9<"$0"
flock -n 9 || { log "waiting for another run in this checkout"; flock 9; }

if [ "${1:-}" = --remove ]; then
  remove_tree "$ROOT.partial"
  remove_tree "$ROOT"
  log "removed $ROOT"
  exit 0
fi

if [ -n "$(mounts_under "$ROOT")" ]; then
  log "undoing mounts left by an interrupted run"
  unmount_all "$ROOT"
fi
[ -x "$ROOT/usr/bin/apt-get" ] || bootstrap

trap 'rc=$?; unmount_all "$ROOT" || rc=1; exit $rc' EXIT
trap 'exit 130' INT TERM
mount -t proc proc "$ROOT/proc"
mkdir -p "$ROOT/dev/pts"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$ROOT/dev/pts" 2>/dev/null || true  # apt logs via a pty
mount -t tmpfs -o mode=1777 tmpfs "$ROOT/dev/shm" 2>/dev/null || { mkdir -p "$ROOT/dev/shm"; mount -t tmpfs -o mode=1777 tmpfs "$ROOT/dev/shm"; }
mkdir -p "$ROOT/src/main" "$ROOT/src/shared"
mount --bind "$REPO" "$ROOT/src/main"
if [ -d "$SHARED" ]; then
  mount --bind "$(cd "$SHARED" && pwd -P)" "$ROOT/src/shared"
  mount -o remount,bind,ro "$ROOT/src/shared"  # the shared data is read-only to the tests
fi
# A git worktree keeps its repository outside the checkout: show it at the same path, read-only.
GIT_COMMON=$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
if [ -d "$GIT_COMMON" ] && [ "${GIT_COMMON#"$REPO"/}" = "$GIT_COMMON" ]; then
  mkdir -p "$ROOT$GIT_COMMON"
  mount --bind "$GIT_COMMON" "$ROOT$GIT_COMMON"
  mount -o remount,bind,ro "$ROOT$GIT_COMMON"
fi
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
# pip in the chroot trusts what the host trusts (the host may reach PyPI through a proxy with its own CA).
HOST_CA=/etc/ssl/certs/ca-certificates.crt
[ -r "$HOST_CA" ] && mkdir -p "$ROOT/etc/ssl" && cp -L "$HOST_CA" "$ROOT/etc/ssl/host-ca-certificates.crt"

missing=""
for p in $BASE_PACKAGES; do
  in_chroot dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  log "installing$missing in the chroot"
  in_chroot apt-get update -qq
  in_chroot apt-get install -y -qq $missing >/dev/null
fi

# The same set-up and the same test target as the host; only the venv, constraints, XDG folder and
# QGIS profile are the chroot's own.
in_chroot env VENV="$CHROOT_VENV" BUILD="$CHROOT_BUILD" \
  XDG_RUNTIME_DIR="$CHROOT_BUILD/xdg" QGIS_CUSTOM_CONFIG_PATH="$CHROOT_BUILD/qgis-config" \
  make -C /src/main --no-print-directory test VENV="$CHROOT_VENV" PYTEST_ARGS="$*"
