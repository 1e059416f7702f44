#!/usr/bin/env bash
# Runs the test suite: starts kinesalite on 127.0.0.1 for the Kinesis tests, runs Maven, and
# stops kinesalite again. The MariaDB and PostgreSQL servers on 127.0.0.1 must be running
# (override their URLs with -Dtest.mariadb.url=... and -Dtest.postgresql.url=...).
set -euo pipefail
cd "$(dirname "$0")/.."

export KINESALITE_PORT="${KINESALITE_PORT:-4567}"
bash scripts/kinesalite.sh start
trap 'bash scripts/kinesalite.sh stop' EXIT

mvn -B -ntp verify -DKINESIS_TEST_ENDPOINT="http://127.0.0.1:${KINESALITE_PORT}" "$@"
