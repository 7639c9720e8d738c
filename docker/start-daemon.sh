#!/usr/bin/env bash
# Start a Docker daemon suitable for gillab, idempotently.
#
# The daemon runs with no bridge network and no iptables/forwarding/masquerade
# rules: containers are started with network mode "none" (loopback still works
# inside), so no traffic can leave a container. Never create a bridge network.
#
# Env: GILLAB_DOCKERD_LOG  log file (default /var/log/gillab-dockerd.log)
#      GILLAB_DOCKERD_TIMEOUT  seconds to wait for the socket (default 60)
set -euo pipefail

LOG="${GILLAB_DOCKERD_LOG:-/var/log/gillab-dockerd.log}"
TIMEOUT="${GILLAB_DOCKERD_TIMEOUT:-60}"
SOCK=/var/run/docker.sock

say() { echo "start-daemon: $*"; }
die() { echo "start-daemon: ERROR: $*" >&2; exit 1; }

check_networks() {
  local nets
  nets="$(docker network ls --format '{{.Name}}' 2>/dev/null || true)"
  local n
  for n in $nets; do
    case "$n" in
      none|host) ;;
      *) echo "start-daemon: WARNING: unexpected Docker network '$n' exists" \
              "(gillab expects only none/host; do not use it)" >&2 ;;
    esac
  done
}

if docker info >/dev/null 2>&1; then
  say "docker daemon already answers on ${DOCKER_HOST:-unix://$SOCK}; nothing to do"
  check_networks
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "dockerd is not running and starting it needs root"

as_root_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "$@"; then
    say "apt-get install failed; running apt-get update and retrying"
    apt-get update
    apt-get install -y --no-install-recommends "$@"
  fi
}

if ! command -v dockerd >/dev/null 2>&1; then
  say "dockerd missing; installing Debian's docker.io"
  as_root_apt_install docker.io >/dev/null || die "could not install docker.io"
  command -v dockerd >/dev/null 2>&1 || die "docker.io installed but dockerd not on PATH"
fi
command -v docker >/dev/null 2>&1 || die "docker client not found"

# A stale pid/socket from a dead daemon blocks a new one.
if [ -e /var/run/docker.pid ]; then
  oldpid="$(cat /var/run/docker.pid 2>/dev/null || true)"
  # A daemon that is just dying (or just starting) gets 15 s to finish either way.
  for _ in $(seq 1 15); do
    [ -n "$oldpid" ] && kill -0 "$oldpid" 2>/dev/null || break
    if docker info >/dev/null 2>&1; then
      say "docker daemon (pid $oldpid) answers on $SOCK; nothing to do"
      exit 0
    fi
    sleep 1
  done
  if [ -n "$oldpid" ] && kill -0 "$oldpid" 2>/dev/null; then
    die "dockerd (pid $oldpid) runs but does not answer 'docker info'; see $LOG"
  fi
  rm -f /var/run/docker.pid
fi
[ -S "$SOCK" ] && rm -f "$SOCK"

mkdir -p "$(dirname "$LOG")"
nohup dockerd --bridge=none --iptables=false --ip-forward=false --ip-masq=false \
  >>"$LOG" 2>&1 </dev/null &
pid=$!
disown "$pid" 2>/dev/null || true

deadline=$((SECONDS + TIMEOUT))
until docker info >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-daemon: ERROR: dockerd (pid $pid) exited; last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "start-daemon: ERROR: dockerd (pid $pid) did not answer within ${TIMEOUT}s; last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  sleep 0.5
done

say "started dockerd (pid $pid) with no bridge network; log: $LOG"
check_networks
