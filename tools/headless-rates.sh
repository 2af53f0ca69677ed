#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Each preset run headless as `workload` runs it (its warm-up, its events,
# its sockets and all), on a copy whose duration is 1000 s, for about N
# simulated packets: one line per preset and round with the simulated
# packets per wall second the run reports (the JVM's start and the
# compilation included, as a user's run has them).
#
#   tools/headless-rates.sh [-r ROUNDS] [-n PACKETS] [-t THREADS] [PRESET...]
#
# -t passes --threads (a NIC's queues on that many threads; the default is
# the machine's CPUs).
# PRESET is a name in assets/scenarios (05-slow-socket) or a .workload file;
# the default is every shipped preset whose packets keep coming (not 09, 10).
# Needs model/target/pagepool-model.jar (mvn -B -pl model -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=2
packets=30000000
threads=()
while getopts "r:n:t:h" opt; do
    case "$opt" in
        r) rounds=$OPTARG ;;
        n) packets=$OPTARG ;;
        t) threads=(--threads "$OPTARG") ;;
        h) sed -n '4,17p' "$0"; exit 0 ;;
        *) echo "error: unknown option (try -h)" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "error: -r $rounds: give a whole number of rounds, at least 1" >&2; exit 2; }
[[ "$packets" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n $packets: give a whole number of packets" >&2; exit 2; }
jar=model/target/pagepool-model.jar
[ -f "$jar" ] || { echo "error: $jar: no such file (mvn -B -pl model -DskipTests package)" >&2; exit 2; }

# shellcheck source=tools/presets.sh
. tools/presets.sh
select_presets "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq "$rounds"); do
    for f in "${presets[@]}"; do
        name=$(basename "$f" .workload)
        rate=$(awk '$1 == "traffic.rate" { print $3; exit }' "$f")
        # simulated seconds for about N packets at the preset's first rate (5 M a second when it names none)
        seconds=$(awk -v r="${rate:-5M}" -v n="$packets" 'BEGIN {
            m = 1; u = substr(r, length(r)); v = r
            if (u == "k") m = 1e3; else if (u == "M") m = 1e6; else if (u == "G") m = 1e9
            if (m != 1) v = substr(r, 1, length(r) - 1)
            s = n / (v * m); if (s > 1000) s = 1000; printf "%.9f", s }')
        sed 's/^duration = .*/duration = 1000s/' "$f" > "$work/$name.workload"
        line=$(java -jar "$jar" workload --preset "$work/$name.workload" --seconds "$seconds" "${threads[@]}" 2>&1 \
            | awk '/^wall clock:/ { print $5 }')
        echo "round $round $name ${line:-?} M packets per wall second"
    done
done
