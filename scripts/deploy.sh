#!/usr/bin/env bash
# Upgrade the running site to the newest code without taking it offline (issue 18):
#
#   make deploy                      # or: scripts/deploy.sh
#   DEPLOY_REF=v1.4 make deploy      # a tag or commit instead of the branch's upstream
#
# Run it as the user that owns the checkout (vestis), in the checkout. In order: fetch and
# fast-forward the code, install exactly the locked dependencies, migrate the database,
# collect static files, run Django's deployment checks, then reload gunicorn gracefully
# (new workers start with the new code; old ones finish their requests). Any failing step
# stops it before the reload, and the running site keeps serving the old code.
#
# Migrations run while the old code still serves: write them so that the old code works
# with the new schema (add a column now, drop the old one in a later release).
#
# DEPLOY_ENV_FILE   the service's environment (default /etc/vestis/vestis.env), read when
#                   it exists, so that manage.py sees the same settings as the service
# DEPLOY_RELOAD     how to reload the app server (default: systemctl reload vestis; as a
#                   user without sudo rights for it, allow that one command in sudoers)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "deploy: $*" >&2; }

env_file=${DEPLOY_ENV_FILE:-/etc/vestis/vestis.env}
if [ -r "$env_file" ]; then
  # systemd's EnvironmentFile syntax (KEY=value, # comments), not shell: no sourcing.
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    export "$line"
  done <"$env_file"
fi
reload=${DEPLOY_RELOAD:-systemctl reload vestis}
uv=$(command -v uv || echo .tools/bin/uv)

if ! git diff --quiet HEAD --; then
  say "the checkout has local changes; commit or discard them first (git status)"
  exit 1
fi
before=$(git rev-parse --short HEAD)
say "fetching …"
git fetch --quiet --tags
git merge --ff-only --quiet "${DEPLOY_REF:-@{upstream}}"
after=$(git rev-parse --short HEAD)

say "installing the locked dependencies …"
# Compiled to bytecode now, not by the first request of each new worker.
"$uv" sync --frozen --no-dev --all-extras --compile-bytecode --quiet
say "migrating the database …"
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input --verbosity 0
.venv/bin/python manage.py check --deploy --fail-level WARNING

say "reloading the app server ($reload) …"
$reload
say "deployed $after (was $before)."
