#!/usr/bin/env bash
# Shared preparation of the run and test commands (sourced, not run):
# system packages, Docker Engine, Redis, the virtualenv, runner images, database, challenge library.
# As root on Debian/Ubuntu it installs what is missing with apt; otherwise it says what to install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ASSESSOR_VENV:-$ROOT/.venv}"
STATE="${ASSESSOR_STATE:-$ROOT/instance}"
mkdir -p "$STATE"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_packages() {
  # need_packages PKG... : install the Debian packages that are missing (root + apt), or stop naming them.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "please install: ${missing[*]} (e.g. sudo apt-get install ${missing[*]}), then run this again"
  fi
}

check_python() {
  PYTHON="${PYTHON:-python3}"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
    || die "Python 3.11 or newer is needed as $PYTHON"
  "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || need_packages python3-venv
}

start_docker() {
  if [ -z "${DOCKER_HOST:-}" ]; then
    command -v dockerd >/dev/null || need_packages docker.io
  fi
  if docker_ping; then return 0; fi
  [ -n "${DOCKER_HOST:-}" ] && die "the Docker Engine at DOCKER_HOST=$DOCKER_HOST does not answer"
  say "starting the Docker Engine"
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    systemctl start docker || true
  fi
  if ! docker_ping; then
    [ "$(id -u)" -eq 0 ] || die "the Docker Engine is not running; start it (sudo systemctl start docker)"
    nohup dockerd >"$STATE/dockerd.log" 2>&1 &
  fi
  for _ in $(seq 1 60); do docker_ping && return 0; sleep 0.5; done
  die "the Docker Engine did not start; see $STATE/dockerd.log"
}

docker_ping() {
  "$PYTHON" - <<'PY' 2>/dev/null
import socket, os, sys
host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
if not host.startswith("unix://"):
    sys.exit(0)  # a remote engine: the client library will tell if it is down
s = socket.socket(socket.AF_UNIX)
s.settimeout(2)
s.connect(host[len("unix://"):])
s.sendall(b"GET /_ping HTTP/1.0\r\n\r\n")
sys.exit(0 if b"200 OK" in s.recv(1024) else 1)
PY
}

start_redis() {
  if [ -n "${REDIS_URL:-}" ]; then return 0; fi
  local port="${ASSESSOR_REDIS_PORT:-6379}"
  export REDIS_URL="redis://127.0.0.1:$port/0"
  command -v redis-server >/dev/null || need_packages redis-server
  if redis-cli -p "$port" ping >/dev/null 2>&1; then return 0; fi
  say "starting redis-server on 127.0.0.1:$port"
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize yes \
    --dir "$STATE" --logfile "$STATE/redis.log" --pidfile "$STATE/redis.pid" >/dev/null
  for _ in $(seq 1 40); do redis-cli -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.25; done
  die "redis-server did not start; see $STATE/redis.log"
}

make_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtualenv in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  say "installing assessor into the virtualenv"
  "$VENV/bin/pip" install -q --disable-pip-version-check -e "$ROOT[test]" 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -c "import assessor, sandbox" || die "installing assessor failed"
  export PATH="$VENV/bin:$PATH"
}

prepare() {
  # prepare [extra Debian packages...]
  check_python
  need_packages ca-certificates debootstrap "$@"
  start_docker
  start_redis
  make_venv
  export ASSESSOR_INSTANCE="${ASSESSOR_INSTANCE:-$STATE}"
  command -v npm >/dev/null || need_packages nodejs npm
  say "building the code editor bundle"
  bash "$ROOT/scripts/build-assets.sh"
  say "building the runner images (the first time takes a few minutes)"
  assessor sandbox build
  say "migrating the database"
  assessor db upgrade 2>&1 | grep -v "^INFO" || true
  say "loading the challenge library"
  assessor challenges sync >/dev/null
}
