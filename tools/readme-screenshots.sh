#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Takes the README's screenshots again from the built app (headless: no
# display needed), so that they show the window as it is now:
#
#   mvn -B -q -pl app -am package -DskipTests && tools/readme-screenshots.sh
#
# Each is a preset run to a moment of its story, at a size, theme and scale.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=app/target/pagepool-app.jar
[ -f "$jar" ] || { echo "error: $jar: build the app first (mvn -B -q -pl app -am package -DskipTests)" >&2; exit 2; }

# OUT PRESET SECONDS SIZE THEME SCALE
shots=(
    "assets/screenshots/slow-socket.png 05-slow-socket 0.15 1280x720 light 100"
    "assets/screenshots/slow-socket-1080p-150.png 05-slow-socket 0.15 1920x1080 light 150"
    "assets/screenshots/undersized-ring-contrast.png 04-undersized-ring 0.05 1280x720 contrast 100"
    "assets/screenshots/irq-move-dark.png 08-irq-numa-move 0.12 1280x720 dark 100"
    "docs/16-elephant-flow.png 16-elephant-flow 0.015 1280x720 light 100"
    "docs/16-queues-xdp-drop.png 19-xdp-drop-16-queues 0.01 1280x720 light 100"
    "docs/15-queues-memory-64-queues.png 15-queues-memory 0.015 1280x720 light 100"
)
for shot in "${shots[@]}"; do
    read -r out preset seconds size theme scale <<<"$shot"
    java -jar "$jar" --headless --preset "$preset" --run-for "$seconds" --size "$size" --theme "$theme" \
        --scale "$scale" --screenshot "$out"
done
