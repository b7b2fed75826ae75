#!/usr/bin/env bash
# Deploy 1 and 20 services against moto; prints wall time, CPU time, peak RSS and AWS calls per run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/driftless.jar ] || mvn -q -B package -DskipTests
PYTHON=$(python3 -c 'import moto, sys; print(sys.executable)')
exec "$PYTHON" bench/deploy_bench.py "$@"
