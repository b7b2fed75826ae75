#!/usr/bin/env bash
# Startup cost of driftless per command and JVM, and a paired comparison of a one-service image deploy with
# the Node action aws-actions/amazon-ecs-deploy-task-definition, all against one local moto.
#
#   JDK17_HOME   (default /usr/lib/jvm/java-17-openjdk-amd64)
#   JDK25_HOME   (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   ECS_DEPLOY_ACTION_DIR  a checkout of aws-actions/amazon-ecs-deploy-task-definition with its built dist/
#                          (outside this repository); without it the Node column is skipped
#   RUNS (default 5) runs per matrix cell; PAIRS (default 9) paired deploys
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/driftless.jar ] || ./mvnw -q -B package -DskipTests
PYTHON=$(python3 -c 'import moto, sys; print(sys.executable)')
exec "$PYTHON" bench/startup_bench.py "$@"
