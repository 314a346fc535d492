#!/usr/bin/env bash
# deps.sh [PACKAGE...] — installs the Debian packages Tributary needs, and any
# given as arguments (the demo adds pypy3), only those missing.
set -euo pipefail
packages=(g++ meson ninja-build pkg-config ccache python3 python3.11 libpython3.11-stdlib libfmt-dev doctest-dev
          libgc-dev libgmp-dev libasmjit-dev libcapstone-dev libicu-dev zlib1g-dev libssl-dev libexpat1-dev libsqlite3-dev
          gdb) # (gdb: the test of the JIT's GDB interface)
packages+=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "tributary: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
