#!/usr/bin/env bash
# Runs every test of Switchboard: installs what the tests need, checks formatting, builds,
# runs all test projects and ends with one line "tests: N passed, N failed" counted from
# the test results. Exits non-zero when anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

"$root/tests/install-prerequisites.sh" || { echo "tests: 0 passed, 1 failed"; exit 1; }

status=0
echo "== dotnet format (style check)"
if ! dotnet format Switchboard.slnx --verify-no-changes --verbosity quiet; then
  echo "dotnet format found code that is not formatted; run 'dotnet format Switchboard.slnx'." >&2
  status=1
fi

echo "== build"
if ! dotnet build Switchboard.slnx --configuration Release --nologo --verbosity quiet; then
  echo "The build failed." >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

echo "== test"
dotnet test Switchboard.slnx --configuration Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=3000000 || status=1

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
