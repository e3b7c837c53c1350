#!/usr/bin/env bash
# The README's run command: prepare everything, then serve the app with a grading worker.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
prepare

HOST="${ASSESSOR_HOST:-127.0.0.1}"
PORT="${ASSESSOR_PORT:-5000}"
export ASSESSOR_PUBLIC_URL="${ASSESSOR_PUBLIC_URL:-http://$HOST:$PORT}"
WORKERS="${ASSESSOR_WORKERS:-1}"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for i in $(seq 1 "$WORKERS"); do
  assessor worker >"$STATE/worker-$i.log" 2>&1 &
  pids+=($!)
done

demo="$(assessor demo)"
"$VENV/bin/python" - "$demo" "$STATE" <<'PY'
import json, sys
demo = json.loads(sys.argv[1])
print(f"""
  assessor is running at {demo['url']}
  staff login:     {demo['login']} / {demo['password']}
  candidate link:  {demo['candidate_link']}
  worker logs:     {sys.argv[2]}/worker-*.log      (Ctrl-C stops everything)
""")
PY
gunicorn --bind "$HOST:$PORT" --workers "${ASSESSOR_WEB_WORKERS:-2}" --access-logfile - "assessor:create_app()" &
pids+=($!)
wait "${pids[-1]}"
