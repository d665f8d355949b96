#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, then every gate, each run even if an earlier
# one failed, so one report shows everything that is wrong. Exits non-zero if any gate failed.
set -uo pipefail
cd "$(dirname "$0")/.."

step() {
	local name=$1
	shift
	echo
	echo "=== $name ==="
	if "$@"; then
		results+=("$name: ok")
	else
		results+=("$name: FAILED")
		failed=1
	fi
}

results=()
failed=0

# Set-up: dependencies (when `npm ci` was not run first), the browser, a fresh build.
if [ ! -d node_modules ]; then npm ci || exit 1; fi
bash scripts/ensure-chromium.sh || exit 1
FIELDCHECK_FORCE_BUILD=1 node scripts/ensure-build.js || exit 1

step check npm run --silent check
step lint npm run --silent lint
step unit npx vitest run --project unit
step integration npx vitest run --project integration
# The same integration suite on PostgreSQL, on a throwaway loopback cluster (scripts/with-pg.sh).
step integration-postgres bash scripts/with-pg.sh npx vitest run --project integration
step e2e npx playwright test
# Two app servers on PostgreSQL behind a round-robin balancer, one killed and restarted.
step e2e-two-servers bash scripts/with-pg.sh npx playwright test --config playwright.cluster.config.ts

echo
echo "=== summary ==="
printf '%s\n' "${results[@]}"
exit $failed
