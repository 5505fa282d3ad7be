#!/usr/bin/env bash
# Installs what the tests need on a Debian machine. Safe to run again: it installs only what is missing.
#   dotnet-sdk-10.0  builds and runs everything
#   postgresql       initdb and pg_ctl: the CRM tests start a private server of their own in a temporary
#                    folder, on 127.0.0.1 at a free port. The package may start its own cluster too; the
#                    tests never use it.
set -euo pipefail

need=()
command -v dotnet >/dev/null 2>&1 || need+=(dotnet-sdk-10.0)
# Debian keeps the server programs off PATH, under /usr/lib/postgresql/<version>/bin.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${need[*]}. Run this script as root, or install them yourself (apt-get install ${need[*]})." >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

dotnet --version >/dev/null
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  # As root the tests run initdb and postgres as this user (they refuse root); Debian's package creates it.
  echo "The 'postgres' user is missing; reinstall the postgresql package (apt-get install --reinstall postgresql-common)." >&2
  exit 1
fi
