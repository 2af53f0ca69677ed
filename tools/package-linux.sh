#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The Linux app image: the app with a Java runtime of its own (jpackage), so
# a machine without Java or Maven runs it. The image goes to
# app/target/dist/PagePoolVisualizer; its launcher is
# app/target/dist/PagePoolVisualizer/bin/PagePoolVisualizer (the app's
# command line: --help, --preset, --headless --screenshot, --gif ...).
#
#   tools/package-linux.sh [--skip-build] [--check]
#
#   --skip-build  use app/target/pagepool-app.jar as it is (else: mvn package)
#   --check       then start the image's launcher headless and take a screenshot
#
# Needs a JDK 17 or newer with jpackage and its jmods (Debian: openjdk-17-jdk).
# Copy or tar the PagePoolVisualizer folder anywhere; a desktop needs GTK 3.
set -euo pipefail
cd "$(dirname "$0")/.."

build=yes
check=no
for arg in "$@"; do
    case "$arg" in
        --skip-build) build=no ;;
        --check) check=yes ;;
        -h|--help) sed -n '3,17p' "$0"; exit 0 ;;
        *) echo "error: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done
command -v jpackage > /dev/null || { echo "error: jpackage: not found (it comes with a JDK 17 or newer)" >&2; exit 2; }

name=PagePoolVisualizer
dist=app/target/dist
jar=app/target/pagepool-app.jar
# jpackage wants a plain version: 0.1.0-SNAPSHOT is 0.1.0
version=$(sed -n 's:^  <version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
# what the app needs: jdeps --print-module-deps on the jar (jdk.jfr left out), and the zip file
# system the app lists its presets with (a service, which jdeps does not see)
modules=java.base,java.desktop,java.logging,java.management,java.prefs,jdk.unsupported,jdk.zipfs
# the app's memory settings (README, "How the app keeps its memory small"): the same as javafx:run's in app/pom.xml
read -r -a jvm_options < <(grep -v "^#" app/jvm.options)

if [ "$build" = yes ]; then
    echo "building $jar" >&2
    mvn -q -B -pl app -am package -DskipTests >&2
fi
[ -f "$jar" ] || { echo "error: $jar: no such file (build it, or drop --skip-build)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/input"
cp "$jar" "$work/input/"
rm -rf "${dist:?}/$name"
mkdir -p "$dist"
options=()
for o in "${jvm_options[@]}"; do
    options+=(--java-options "$o")
done
echo "packaging $dist/$name (version $version)" >&2
jpackage --type app-image --name "$name" --app-version "$version" \
    --description "The Linux v5.14 page_pool allocator, animated" --vendor "PagePool Visualizer" \
    --input "$work/input" --main-jar "$(basename "$jar")" --main-class org.pagepool.app.Launcher \
    --add-modules "$modules" "${options[@]}" --dest "$dist"
launcher="$dist/$name/bin/$name"
echo "$launcher ($(du -sh "$dist/$name" | cut -f1))"

if [ "$check" = yes ]; then
    shot="$work/check.png"
    "$launcher" --headless --preset 05-slow-socket.workload --run-for 0.05 --screenshot "$shot" --size 1280x720 \
        2> "$work/err" || { cat "$work/err" >&2; echo "error: $launcher: the headless screenshot failed" >&2; exit 1; }
    # a PNG starts with \x89PNG
    [ "$(head -c 4 "$shot" | tail -c 3)" = PNG ] || { echo "error: $shot: not a PNG" >&2; exit 1; }
    cp "$shot" "$dist/check.png"
    echo "checked: $launcher took a headless screenshot ($dist/check.png, $(wc -c < "$shot") bytes)"
fi
