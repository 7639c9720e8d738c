#!/usr/bin/env bash
# Build gillab's Python images with no container registry: a minimal Debian
# root filesystem from the Debian mirror (debootstrap --variant=minbase) with
# the distribution's CPython (or PyPy), imported with `docker import`.
#
# Usage: build-offline-images.sh [--force] [VARIANT...]
#   VARIANT          image                  suite     interpreter
#   3.11             gillab/cpython:3.11    bookworm  /usr/bin/python3.11
#   3.13             gillab/cpython:3.13    trixie    /usr/bin/python3.13
#   3.14             gillab/cpython:3.14    forky     /usr/bin/python3.14
#   pypy-bookworm    gillab/pypy:bookworm   bookworm  /usr/bin/pypy3 (PyPy 7.3.11, Python 3.9)
# Default: 3.11 3.13 3.14 (PyPy only when named). An image that exists is
# skipped unless --force is given.
#
# Env: GILLAB_DEBIAN_MIRROR  mirror URL (default: first non-security URI in
#                            the apt sources, else http://deb.debian.org/debian)
#      GILLAB_BUILD_LOG_DIR  where debootstrap logs go (default /var/log/gillab-images)
#      GILLAB_BUILD_TMPDIR   parent of the temporary build dir (default /var/tmp)
set -euo pipefail

LOG_DIR="${GILLAB_BUILD_LOG_DIR:-/var/log/gillab-images}"
TMP_PARENT="${GILLAB_BUILD_TMPDIR:-/var/tmp}"
SCRIPTS=/usr/share/debootstrap/scripts

say() { echo "build-offline-images: $*"; }
die() { echo "build-offline-images: ERROR: $*" >&2; exit 1; }

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }

# variant -> "image suite kind interpreter packages"
variant_spec() {
  case "$1" in
    3.11|cpython:3.11) echo "gillab/cpython:3.11 bookworm cpython /usr/bin/python3.11 python3.11" ;;
    3.13|cpython:3.13) echo "gillab/cpython:3.13 trixie cpython /usr/bin/python3.13 python3.13" ;;
    3.14|cpython:3.14) echo "gillab/cpython:3.14 forky cpython /usr/bin/python3.14 python3.14" ;;
    pypy-bookworm|pypy:bookworm|pypy:3.9) echo "gillab/pypy:bookworm bookworm pypy /usr/bin/pypy3 pypy3" ;;
    *) return 1 ;;
  esac
}

FORCE=0
VARIANTS=()
for arg in "$@"; do
  case "$arg" in
    --force|-f) FORCE=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option '$arg' (see --help)" ;;
    *) variant_spec "$arg" >/dev/null || die "unknown variant '$arg' (known: 3.11 3.13 3.14 pypy-bookworm)"
       VARIANTS+=("$arg") ;;
  esac
done
[ "${#VARIANTS[@]}" -gt 0 ] || VARIANTS=(3.11 3.13 3.14)

docker info >/dev/null 2>&1 || die "no Docker daemon answers; run docker/start-daemon.sh first"

# --- the Debian mirror --------------------------------------------------------
find_mirror() {
  if [ -n "${GILLAB_DEBIAN_MIRROR:-}" ]; then echo "$GILLAB_DEBIAN_MIRROR"; return; fi
  local uri
  uri="$(
    {
      for f in /etc/apt/sources.list.d/*.sources; do
        [ -r "$f" ] && sed -n 's/^[[:space:]]*URIs:[[:space:]]*//p' "$f" | tr ' ' '\n'
      done
      for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$f" ] && awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' "$f"
      done
    } 2>/dev/null | grep -E '^https?://' | grep -v -- '-security' | head -n 1
  )" || true
  echo "${uri:-http://deb.debian.org/debian}"
}
MIRROR="$(find_mirror)"
MIRROR="${MIRROR%/}"

need_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return
  [ "$(id -u)" -eq 0 ] || die "debootstrap is missing and installing it needs root"
  say "installing debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends debootstrap >/dev/null; then
    apt-get update >/dev/null
    apt-get install -y --no-install-recommends debootstrap >/dev/null || die "could not install debootstrap"
  fi
}

# --- temporary build directory, always removed --------------------------------
WORK=""
cleanup() {
  [ -n "$WORK" ] && [ -d "$WORK" ] || return 0
  # debootstrap bind-mounts /dev, /proc, /sys into the target; a killed run can
  # leave them mounted: unmount (deepest first) before deleting anything.
  local m
  for m in $(awk -v w="$WORK" 'index($2, w"/") == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'echo "build-offline-images: interrupted; removing the build directory" >&2; exit 130' INT TERM

fmt_size() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1000000 }'; }

SMOKE_MODULES='json, argparse, threading, socket, tempfile, gc, weakref, sysconfig, platform, multiprocessing, ctypes, concurrent.futures'

smoke_test() { # image interpreter
  local image="$1" py="$2" mods="$SMOKE_MODULES"
  case "$py" in */python3.1[4-9]) mods="$mods, concurrent.interpreters" ;; esac
  docker run --rm --network none "$image" "$py" -c \
    "import $mods; import sys; print(sys.version.replace(chr(10), ' '))"
}

SUMMARY=()

build_one() { # variant
  local spec image suite kind py pkgs
  spec="$(variant_spec "$1")"
  read -r image suite kind py pkgs <<<"$spec"

  if [ "$FORCE" -eq 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
    local id size
    id="$(docker image inspect -f '{{.Id}}' "$image")"
    size="$(docker image inspect -f '{{.Size}}' "$image")"
    say "exists: $image (id ${id#sha256:}; $(fmt_size "$size")); --force rebuilds"
    SUMMARY+=("$image|exists|$(fmt_size "$size")|-")
    return 0
  fi

  need_debootstrap
  local script=()
  if [ ! -e "$SCRIPTS/$suite" ]; then
    [ -e "$SCRIPTS/sid" ] || die "debootstrap has no script for '$suite' nor 'sid'"
    script=("$SCRIPTS/sid")
  fi

  mkdir -p "$LOG_DIR" "$TMP_PARENT"
  WORK="$(mktemp -d "$TMP_PARENT/gillab-rootfs.XXXXXX")"
  local rootfs="$WORK/rootfs" log="$LOG_DIR/debootstrap-$suite-$kind.log"
  local t0=$SECONDS
  say "building $image: debootstrap --variant=minbase --include=$pkgs $suite from $MIRROR (log: $log)"
  if ! debootstrap --variant=minbase --include="$pkgs" "$suite" "$rootfs" "$MIRROR" "${script[@]}" >"$log" 2>&1; then
    [ -f "$rootfs/debootstrap/debootstrap.log" ] && {
      echo "---- $rootfs/debootstrap/debootstrap.log ----"; cat "$rootfs/debootstrap/debootstrap.log"; } >>"$log"
    tail -n 20 "$log" >&2
    die "debootstrap failed for suite '$suite' ($image); full log: $log"
  fi

  # Keep the image small, and give it the directories gillab relies on.
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* \
         "$rootfs"/usr/share/info/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* \
         "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/log/* "$rootfs"/debootstrap
  mkdir -p "$rootfs/tmp" "$rootfs/gillab"
  chmod 1777 "$rootfs/tmp"
  [ -x "$rootfs$py" ] || die "$py is missing from the $suite root filesystem ($image)"
  # A plain `python3` is handy inside the container; point it at this interpreter.
  if [ "$kind" = cpython ] && [ ! -e "$rootfs/usr/bin/python3" ]; then
    ln -s "$(basename "$py")" "$rootfs/usr/bin/python3"
  fi

  local old_id
  old_id="$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
  tar -C "$rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . |
    docker import \
      --change "LABEL io.gillab.python=$py" \
      --change "LABEL io.gillab.suite=$suite" \
      --change "LABEL io.gillab.kind=$kind" \
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      --change "ENV LANG=C.UTF-8" \
      --change "WORKDIR /gillab" \
      --change "CMD [\"$py\"]" \
      -m "gillab: debootstrap minbase $suite + $pkgs" \
      - "$image" >/dev/null || die "docker import failed for $image"
  cleanup
  WORK=""
  # --force: drop the image this one replaced (kept if a container still uses it).
  if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "$image")" ]; then
    docker rmi "$old_id" >/dev/null 2>&1 && say "removed the replaced image ${old_id#sha256:}" || true
  fi

  local secs=$((SECONDS - t0)) size version
  size="$(docker image inspect -f '{{.Size}}' "$image")"
  say "built $image in ${secs}s ($(fmt_size "$size")); smoke test:"
  version="$(smoke_test "$image" "$py")" || {
    docker rmi "$image" >/dev/null 2>&1 || true
    die "smoke test failed for $image ($py); image removed so the next run rebuilds it"; }
  echo "  $version"
  SUMMARY+=("$image|built in ${secs}s|$(fmt_size "$size")|$version")
}

for v in "${VARIANTS[@]}"; do
  build_one "$v"
done

echo
printf '%-22s %-14s %-8s %s\n' IMAGE STATUS SIZE PYTHON
for row in "${SUMMARY[@]}"; do
  IFS='|' read -r a b c d <<<"$row"
  printf '%-22s %-14s %-8s %s\n' "$a" "$b" "$c" "$d"
done
