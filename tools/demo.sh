#!/usr/bin/env bash
# demo.sh — the headline demo: builds Tributary and runs the seed workloads
# side by side with CPython and PyPy (installed when missing): pure tracing
# (--merge=none) against the default merging policy, where data_driven shows
# the exponential-bridge cliff and its fix.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh pypy3
tools/build.sh build
for w in bench/pi.py bench/data_driven.py; do
  echo "== $w"
  for impl in "build/tributary --merge=none" "build/tributary" "python3" "pypy3"; do
    command -v "${impl%% *}" >/dev/null 2>&1 || [ -x "${impl%% *}" ] || { echo "  $impl: not installed"; continue; }
    printf '  %-30s ' "$impl"
    $impl "$w" | tr '\n' ' '
    echo
  done
done
