#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (sourced by test.sh); sets TEST_DATABASE_URL.
start_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return 0; fi
  local bin port=54329 dir="$STATE/postgres"
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -x "$bin/initdb" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); fi
  if ! "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
    say "starting a throwaway PostgreSQL on 127.0.0.1:$port"
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U assessor --auth=trust >/dev/null
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null
  fi
  export TEST_DATABASE_URL="postgresql://assessor@127.0.0.1:$port/postgres"
}
