#!/usr/bin/env bash
# The README's test command: the same preparation as the run command, then the whole test suite
# against a real Docker Engine, Redis and PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ASSESSOR_STATE="${ASSESSOR_STATE:-$ROOT/instance/test}"
STATE="$ASSESSOR_STATE"
mkdir -p "$STATE"
prepare postgresql chromium
source "$ROOT/scripts/postgres.sh"
start_postgres
cd "$ROOT"
say "running the tests"
pytest "$@"
