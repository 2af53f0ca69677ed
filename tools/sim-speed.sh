#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The simulator's cost per packet in thread CPU time (SimSpeed), each preset
# in a JVM of its own, round after round; with -b, the same for another
# commit's simulator, alternated with this tree's, and the ratios.
#
#   tools/sim-speed.sh [-b COMMIT] [-r ROUNDS] [-s SECONDS] [-t SPAN_NS] [-w WARM_NS] [PRESET...]
#
# PRESET is a name in assets/scenarios (05-slow-socket) or a .workload file;
# the default is every shipped preset whose packets keep coming (not 09, 10).
# CPU time leaves out the time the thread waits for a CPU, so on a shared
# machine it moves much less than JMH's wall time; a JVM's compiled code still
# differs from the next one's, hence several rounds. Per side it reports the
# fastest block of any round and the median of the rounds' median blocks.
# Blocks are 20,000 packets each, run step by step as the app runs; with -t,
# spans of SPAN_NS simulated ns, run bounded by time alone as a headless run
# is, where a NIC's queues run ahead of each other. Blocks start from the
# preset run for WARM_NS simulated ns (default 5 ms: past the first fills;
# give skbs of 100 ms lifetimes a second, with a longer duration, to measure
# their steady state).
set -euo pipefail
cd "$(dirname "$0")/.."

base=
rounds=3
seconds=3
span=0
warm=5000000
while getopts "b:r:s:t:w:h" opt; do
    case "$opt" in
        b) base=$OPTARG ;;
        r) rounds=$OPTARG ;;
        s) seconds=$OPTARG ;;
        t) span=$OPTARG ;;
        w) warm=$OPTARG ;;
        h) sed -n '4,21p' "$0"; exit 0 ;;
        *) echo "error: unknown option (try -h)" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "error: -r $rounds: give a whole number of rounds, at least 1" >&2; exit 2; }
[[ "$span" =~ ^[0-9]+$ ]] || { echo "error: -t $span: give a whole number of simulated ns" >&2; exit 2; }
[[ "$warm" =~ ^[0-9]+$ ]] || { echo "error: -w $warm: give a whole number of simulated ns" >&2; exit 2; }

# shellcheck source=tools/presets.sh
. tools/presets.sh
select_presets "$@"

if [ -n "$base" ]; then
    git rev-parse --verify -q "$base^{commit}" >/dev/null || { echo "error: -b $base: no such commit" >&2; exit 2; }
fi

work=$(mktemp -d)
cleanup() {
    if [ -d "$work/base" ]; then git worktree remove --force "$work/base" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "building this tree's simulator and SimSpeed" >&2
mvn -q -B -Pbench -pl model -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
deps="model/target/test-classes:$(cat "$work/cp.txt")"
sides=(now)
declare -A classes=([now]=model/target/classes)
if [ -n "$base" ]; then
    echo "building $base's simulator in a temporary worktree" >&2
    git worktree add -q --detach "$work/base" "$base"
    (cd "$work/base" && mvn -q -B -pl model -DskipTests -Dcheckstyle.skip compile >&2)
    sides=(base now)
    classes[base]=$work/base/model/target/classes
fi

for round in $(seq 1 "$rounds"); do
    echo "round $round of $rounds" >&2
    for p in "${presets[@]}"; do
        for side in "${sides[@]}"; do
            # the side's simulator first on the class path: SimSpeed uses only what both have
            # a preset that cannot be measured (no packet in a span) is reported and left out, not fatal
            if ! java -cp "${classes[$side]}:$deps" org.pagepool.bench.SimSpeed --seconds "$seconds" --span "$span" \
                    --warm "$warm" "$p" > "$work/one.txt"; then
                echo "$side: $p left out of round $round" >&2
                continue
            fi
            sed "s/^/$side /" "$work/one.txt" >> "$work/results.txt"
        done
    done
done

awk -v sides="${sides[*]}" '
    { side = $1; p = $2; sub(/\.workload$/, "", p); if (!(p in seen)) { seen[p] = 1; order[++np] = p }
      k = side SUBSEP p; if (!(k in best) || $4 < best[k]) best[k] = $4; med[k, ++n[k]] = $6 }
    function median(k,   i, j, t, m, a) {
        m = n[k]; for (i = 1; i <= m; i++) a[i] = med[k, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
    }
    END {
        ns = split(sides, s, " ")
        printf "%-32s", "ns of CPU per packet"
        for (i = 1; i <= ns; i++) printf " | %-8s %8s %8s", s[i], "fastest", "median"
        if (ns == 2) printf " | now/base fastest, median"
        printf "\n"
        for (q = 1; q <= np; q++) {
            p = order[q]; printf "%-32s", p
            for (i = 1; i <= ns; i++) {
                k = s[i] SUBSEP p
                if (n[k]) printf " | %-8s %8.1f %8.1f", "", best[k], median(k)
                else printf " | %-8s %8s %8s", "", "-", "-"
            }
            if (ns == 2 && n["now" SUBSEP p] && n["base" SUBSEP p]) printf " | %.2f, %.2f",
                best["now", p] / best["base", p], median("now" SUBSEP p) / median("base" SUBSEP p)
            printf "\n"
        }
    }' "$work/results.txt"
