#!/usr/bin/env bash
# Starts or stops an in-memory kinesalite (a local Kinesis API) on 127.0.0.1 for the tests.
#
#   scripts/kinesalite.sh start   install if needed, start, wait until HTTP requests succeed
#   scripts/kinesalite.sh stop    stop the server that "start" recorded
#
# Environment:
#   KINESALITE_PORT       port to listen on (default 4567; 0 picks a free port, printed)
#   KINESALITE_STATE_DIR  where the PID, port and log files go (default: .kinesalite in the
#                         repository root)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PACKAGE_DIR="$SCRIPT_DIR/kinesalite"
STATE_DIR="${KINESALITE_STATE_DIR:-$SCRIPT_DIR/../.kinesalite}"
PID_FILE="$STATE_DIR/kinesalite.pid"
PORT_FILE="$STATE_DIR/kinesalite.port"
LOG_FILE="$STATE_DIR/kinesalite.log"
PORT="${KINESALITE_PORT:-4567}"
START_TIMEOUT_SECONDS=20
STOP_TIMEOUT_SECONDS=10

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  # The PID file may be stale and the number reused, so check that it is still our server.
  if kill -0 "$pid" 2>/dev/null && grep -q "server.js" "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  return 1
}

install_if_needed() {
  if [[ ! -d "$PACKAGE_DIR/node_modules/kinesalite" ]]; then
    echo "Installing kinesalite from the lockfile in $PACKAGE_DIR"
    # Install scripts are not needed because leveldown ships prebuilt binaries in its package.
    (cd "$PACKAGE_DIR" && npm ci --ignore-scripts --no-audit --no-fund)
  fi
}

# Prints the port from the wrapper's "Listening at http://127.0.0.1:PORT" line, if any.
listening_port() {
  sed -n 's|^Listening at http://127\.0\.0\.1:\([0-9][0-9]*\)$|\1|p' "$LOG_FILE" 2>/dev/null \
    | head -n 1
}

port_responds() {
  curl --silent --output /dev/null --max-time 1 "http://127.0.0.1:$1/"
}

wait_until_listening() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT_SECONDS)) port
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "kinesalite exited during start-up; log:" >&2
      cat "$LOG_FILE" >&2
      return 1
    fi
    port="$(listening_port)"
    if [[ -n "$port" ]] && port_responds "$port"; then
      echo "$port" >"$PORT_FILE"
      echo "kinesalite (PID $pid) is listening at http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "kinesalite did not respond within ${START_TIMEOUT_SECONDS} s; log: $LOG_FILE" >&2
  stop_pid "$pid"
  return 1
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "kinesalite is already running (PID $pid, port $(cat "$PORT_FILE" 2>/dev/null))"
    return 0
  fi
  install_if_needed
  mkdir -p "$STATE_DIR"
  rm -f "$PORT_FILE"
  # In memory (no --path). Stream changes take no time, and test streams may use many shards.
  nohup node "$PACKAGE_DIR/server.js" --port "$PORT" --createStreamMs 0 --deleteStreamMs 0 \
    --updateStreamMs 0 --shardLimit 1000 >"$LOG_FILE" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_until_listening "$pid"
}

stop_pid() {
  local pid="$1" deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      echo "kinesalite (PID $pid) ignored SIGTERM for ${STOP_TIMEOUT_SECONDS} s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$PID_FILE" "$PORT_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "kinesalite is not running (no live PID in $PID_FILE)"
    rm -f "$PID_FILE" "$PORT_FILE"
    return 0
  fi
  stop_pid "$pid"
  echo "kinesalite (PID $pid) stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
