#!/usr/bin/env bash
# The app with its club open to real visitors and real visits in the queue, under Xvfb
# (docs/bridge.md#in-the-app): `tlsclub-gui --serve` opens the club on a free port and prints it,
# `tlsclub knock` sends three of the scenario's members, and the app takes its picture once their
# visits have joined the queue (--wait-visits); png_check then checks it is a real picture.
# Usage: live_screenshot.sh XVFB_RUN APP CLI CHECK SCENARIO PNG
set -euo pipefail
xvfb_run=$1 app=$2 cli=$3 check=$4 scenario=$5 png=$6
mkdir -p "$(dirname "$png")"
rm -f "$png"
logs=$(mktemp -d)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  rm -rf "$logs"
}
trap cleanup EXIT
fail() {
  echo "live screenshot: $*" >&2
  cat "$logs/out" "$logs/err" >&2
  exit 1
}

"$xvfb_run" -a -s "-screen 0 1600x1000x24" "$app" --serve "$scenario" --port 0 --wait-visits 3 \
  --screenshot "$png" >"$logs/out" 2>"$logs/err" &
app_pid=$!

# The port, from the line the app prints once the club listens (as `tlsclub serve` prints it).
port=
for _ in $(seq 300); do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\) as .*/\1/p' "$logs/out")
  [ -n "$port" ] && break
  kill -0 "$app_pid" 2>/dev/null || fail "tlsclub-gui ended before the club opened"
  sleep 0.1
done
[ -n "$port" ] || fail "the club did not open within 30 s"

# Alice is admitted, Carol's card has expired, Bob shows none (knock exits 1 for a refusal).
for member in Alice Carol Bob; do
  status=0
  "$cli" knock "127.0.0.1:$port" --scenario "$scenario" --member "$member" -q || status=$?
  [ "$status" -le 1 ] || fail "knock as $member failed ($status)"
done

status=0
wait "$app_pid" || status=$?
app_pid=
[ "$status" = 0 ] || fail "tlsclub-gui exited with $status"
grep -q . "$logs/err" && cat "$logs/err" >&2
"$check" "$png" 1600 1000
