#!/usr/bin/env bash
# Measures the embedded agent end to end: publishes COPIES renumbered copies of the sample
# records (66 records each) to a fresh H2 database, then times `run --until-idle` and reports
# its peak memory. Usage: scripts/benchmark.sh [COPIES] (default 100).
set -euo pipefail
cd "$(dirname "$0")/.."

copies="${1:-100}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=target/submission-agent.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests

export AGENT_DATABASE_URL="jdbc:h2:file:$work/agent"
export AGENT_LOG_LEVEL=WARN
java -jar "$jar" generate examples/sample-records.jsonl --copies "$copies" > "$work/records.jsonl"
records=$(wc -l < "$work/records.jsonl")
java -jar "$jar" publish "$work/records.jsonl" > /dev/null

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" java -jar "$jar" run --until-idle > "$work/summary.txt" 2> "$work/run.log"
end=$(date +%s.%N)

seconds=$(echo "$end - $start" | bc)
read_total=$(sed -n 's/^Records read: \([0-9]*\).*/\1/p' "$work/summary.txt")
echo "published records:     $records"
echo "records read (with emitted events): $read_total"
echo "wall time (s):         $seconds"
echo "records read per s:    $(echo "scale=1; $read_total / $seconds" | bc)"
echo "peak RSS (MiB):        $(( $(cat "$work/rss") / 1024 ))"
cat "$work/summary.txt"
