#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The pool paths in Java (JMH, PoolPathsBenchmark) against the kernel's own
# page_pool.c compiled with gcc -O2 (model/src/jmh/c: the same operations on
# user-space stand-ins), alternated on the same machine, and their ratios.
#
#   tools/bench-vs-c.sh [-r ROUNDS] [-c PATH/TO/page_pool.c] [-- JMH OPTIONS]
#
# page_pool.c is Linux v5.14 net/core/page_pool.c; it is not part of this
# repository (defaults to ../shared/reference/page_pool.c beside a checkout).
# Run it on a quiet machine: the ratio of medians is what it reports. The
# fast path with an observer attached (fastPathObserved, no C counterpart) is
# reported against the unobserved Java fast path instead. Java is measured in
# two shapes: one op per JMH invocation (fastPath, ...), and C's own shape, a
# loop of 65536 ops per invocation with a sink per op (fastPathLoop, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
kernel_c=../shared/reference/page_pool.c
jmh_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
while [ $# -gt 0 ]; do
    case "$1" in
        -r) rounds=$2; shift 2 ;;
        -c) kernel_c=$2; shift 2 ;;
        --) shift; jmh_opts=("$@"); break ;;
        -h|--help) sed -n '4,16p' "$0"; exit 0 ;;
        *) echo "error: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
[ -f "$kernel_c" ] || { echo "error: $kernel_c: cannot open: No such file or directory (give -c PATH)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building the JMH benchmarks and the C reference" >&2
mvn -q -B -Pbench -pl model -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
cp="model/target/classes:model/target/test-classes:$(cat "$work/cp.txt")"
c=model/src/jmh/c
gcc -O2 -std=gnu11 -Wall -Wno-unused-function -Wno-unused-but-set-variable -I "$c/shim" -I "$c" \
    -o "$work/bench_pool" "$c/bench_pool.c" "$c/kshim.c" "$kernel_c"

for round in $(seq 1 "$rounds"); do
    echo "round $round of $rounds: C" >&2
    "$work/bench_pool" 1 5 | sed 's/^/C /' >> "$work/results.txt"
    echo "round $round of $rounds: Java" >&2
    java -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" 'PoolPathsBenchmark\.(fastPath|ringPath|pageAllocatorPath)(Loop)?$|fastPathObserved$' \
        | awk '/^PoolPathsBenchmark\./ { split($1, name, "."); print "Java", name[2], $4 }' >> "$work/results.txt"
done

# medians per side and path, then Java / C
awk '
    { key = $1 " " $2; v[key, ++n[key]] = $3 }
    function median(key,   i, j, t, m, a) {
        m = n[key]; for (i = 1; i <= m; i++) a[i] = v[key, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
    }
    END {
        printf "%-18s %8s | %-28s | %-28s\n", "", "", "Java, one op per invocation", "Java, C loop shape (65536)"
        printf "%-18s %8s | %12s %15s | %12s %15s\n", "path", "C ns/op", "ns/op", "Java/C", "ns/op", "Java/C"
        split("fastPath ringPath pageAllocatorPath", paths, " ")
        for (p = 1; p <= 3; p++) {
            c = median("C " paths[p]); j = median("Java " paths[p]); l = median("Java " paths[p] "Loop")
            printf "%-18s %8.2f | %12.2f %15.2f | %12.2f %15.2f\n", paths[p], c, j, j / c, l, l / c
        }
        o = median("Java fastPathObserved"); f = median("Java fastPath")
        printf "%-18s %8s | %12.2f %15.2f   (Java observed / Java fastPath)\n", "fastPathObserved", "-", o, o / f
    }' "$work/results.txt"
