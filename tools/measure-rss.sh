#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The app's resident memory while it plays a preset as fast as it can, under
# a virtual display: one line "seconds rss_mb" every INTERVAL seconds.
#
#   tools/measure-rss.sh [-j APP.jar | -l LAUNCHER] [-s SECONDS] [-i INTERVAL] [-p PRESET] [-- JAVA_OPTION...]
#
# -l runs an app image's launcher (tools/package-linux.sh) with the options
# it was packaged with, instead of java -jar.
#
# With GDK_GL=disable in the environment the app loads no OpenGL (the README:
# a machine without a GPU); the last line says which OpenGL libraries it had.
#
# Memory, not timing: a busy machine gives the same figures. Needs xvfb-run
# (apt-get install -y --no-install-recommends xvfb libgtk-3-0).
set -eu

jar=app/target/pagepool-app.jar
launcher=
seconds=600
interval=30
preset=01-xdp-drop.workload
while getopts j:l:s:i:p: option; do
    case $option in
        j) jar=$OPTARG ;;
        l) launcher=$OPTARG ;;
        s) seconds=$OPTARG ;;
        i) interval=$OPTARG ;;
        p) preset=$OPTARG ;;
        *) echo "usage: $0 [-j APP.jar | -l LAUNCHER] [-s SECONDS] [-i INTERVAL] [-p PRESET] [-- JAVA_OPTION...]" >&2
           exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift
if [ -n "$launcher" ]; then
    [ -x "$launcher" ] || { echo "error: $launcher: not an app image's launcher (tools/package-linux.sh)" >&2; exit 2; }
    set -- "$launcher"
elif [ -f "$jar" ]; then
    set -- java "$@" -jar "$jar"
else
    echo "error: $jar: no such file (build it: mvn -pl app -am package -DskipTests)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the app plays at maximum speed for the whole measurement (--measure-frames), then exits by itself
# shellcheck disable=SC2016 # the inner shell expands them
xvfb-run -a sh -c '"$@" & echo $! > "$0"; wait $!' "$work/pid" "$@" \
    --preset "$preset" --measure-frames "$seconds" > "$work/out" 2>&1 &
runner=$!
while [ ! -s "$work/pid" ]; do
    kill -0 "$runner" 2> /dev/null || { cat "$work/out" >&2; exit 1; }
    sleep 0.2
done
pid=$(cat "$work/pid")
start=$(date +%s)
echo "# ${GDK_GL:+GDK_GL=$GDK_GL }$* (pid $pid)"
gl=
while kill -0 "$pid" 2> /dev/null; do
    rss=$(ps -o rss= -p "$pid" || true)
    [ -n "$rss" ] && echo "$(( $(date +%s) - start )) $(( rss / 1024 ))"
    # which OpenGL libraries the app has loaded (none with GDK_GL=disable: see the README)
    seen=$(grep -oE '[^/ ]*(libGL|swrast|LLVM)[^/ ]*$' "/proc/$pid/maps" 2> /dev/null | sort -u | tr '\n' ' ' || true)
    [ -n "$seen" ] && gl=$seen
    sleep "$interval"
done
echo "# OpenGL libraries mapped at the end: ${gl:-none}"
wait "$runner" || true
cat "$work/out"
