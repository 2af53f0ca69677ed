# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
# Sourced by tools/sim-speed.sh and tools/headless-rates.sh, from the
# repository's root: which presets a measurement runs.
#
# select_presets [PRESET...] fills the array `presets` with .workload files:
# each PRESET is a name in assets/scenarios (05-slow-socket) or a file; with
# none, every shipped preset whose packets keep coming (not 09 and 10, which
# unload their driver, 10 leaking 100 pages). An unknown PRESET ends the
# script with exit status 2.
select_presets() {
    presets=()
    if [ $# -eq 0 ]; then
        for f in assets/scenarios/*.workload; do
            case "$(basename "$f")" in 09-*|10-*) ;; *) presets+=("$f") ;; esac
        done
        return
    fi
    for p in "$@"; do
        if [ -f "$p" ]; then presets+=("$p")
        elif [ -f "assets/scenarios/$p.workload" ]; then presets+=("assets/scenarios/$p.workload")
        else echo "error: $p: no such preset (a name in assets/scenarios or a .workload file)" >&2; exit 2
        fi
    done
}
