#!/usr/bin/env bash
# Runs Switchboard on its embedded defaults: a SQLite file, the built-in PBX simulator and the demo
# data, at http://127.0.0.1:5180. Installs what it needs first (as root, with apt-get), and builds
# the server and the web panel. Arguments go to the server, e.g. ./run.sh --urls http://127.0.0.1:5190
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/install-prerequisites.sh" run
exec dotnet run --project "$root/src/Switchboard.Server" -- "$@"
