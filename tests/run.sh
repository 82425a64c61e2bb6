#!/usr/bin/env bash
# The whole test suite: unit, property, snapshot and end-to-end (tmux) tests.
# The end-to-end tests drive the real binary in tmux, so tmux is installed first when it
# is missing (apt-get; as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null 2>&1; then
  echo "tests/run.sh: installing tmux for the end-to-end tests" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq tmux >/dev/null
fi
exec cargo test "$@"
