#!/usr/bin/env bash
# Build the browser bundles served from assessor/static/build/ (currently the
# CodeMirror editor). Rebuilds only when the sources or the lockfile are newer
# than the bundle. Works from any current directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
editor="$root/assessor/static/editor"
bundle="$root/assessor/static/build/editor.js"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: please install nodejs and npm" >&2
    exit 1
fi

stale=0
if [[ ! -f "$bundle" ]]; then
    stale=1
elif [[ -n "$(find "$editor/src" "$editor/package.json" "$editor/package-lock.json" -newer "$bundle" -print -quit)" ]]; then
    stale=1
fi

if (( stale )); then
    echo "building $bundle"
    cd "$editor"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    npm run --silent build
fi
