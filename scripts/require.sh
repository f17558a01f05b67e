#!/usr/bin/env bash
# Make sure the machine has the programs a target needs (Debian's packages), before it
# starts rather than half-way through:
#
#   scripts/require.sh "the tests" chromium=chromium redis-server=redis-server nginx=nginx
#
# Each argument is program=package. A program found on PATH (Chromium: also CHROMIUM_PATH)
# is fine. Missing ones are installed with apt-get when we are root and apt-get exists;
# otherwise this says in one line what to install and fails at once.
set -euo pipefail

purpose=$1
shift
missing=()
for pair in "$@"; do
  program=${pair%%=*}
  package=${pair#*=}
  if [ "$program" = chromium ] && [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
    continue
  fi
  command -v "$program" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for $purpose (apt-get) …"
  export DEBIAN_FRONTEND=noninteractive
  # Only the programs are wanted: Debian would also start nginx's and Redis's system
  # services (on ports 80 and 6379). A policy-rc.d that says "no" stops that, for as long
  # as we install, unless the machine has one of its own.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      { echo "Could not install ${missing[*]}: install them (apt-get install ${missing[*]}) and run make again." >&2; exit 1; }
  fi
  exit 0
fi
echo "Missing for $purpose: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run make again." >&2
exit 1
