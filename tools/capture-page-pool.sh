#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# capture-page-pool.sh: record what a running Linux kernel reports about its
# page pools, for PagePool Visualizer to import:
#
#     sudo tools/capture-page-pool.sh -s 60 -i eth0
#     java -jar model/target/pagepool-model.jar import pagepool-capture-HOST-DATE
#
# Run it as root on the machine to diagnose. For SECONDS seconds it records,
# into one new directory:
#   trace.txt          the page_pool tracepoints (trace-cmd report if trace-cmd
#                      is installed, else read from tracefs directly)
#   dmesg.txt          the kernel log: "stalled pool shutdown", refcount_t
#                      warnings, page_pool_create() failures
#   ethtool-IFACE.txt  ethtool -S IFACE every INTERVAL seconds (5.19+ with
#                      CONFIG_PAGE_POOL_STATS), each after a "# time" line
#   netlink-pools.txt  page-pool-get dumps (6.8+, with the kernel's YNL CLI)
#   netlink-stats.txt  page-pool-stats-get dumps
#   links.txt          ip -o link: the interface names of netlink's ifindexes
#   capture.txt        host, kernel, when the capture began and ended, each
#                      interface's RX ring size and RX queues (ethtool -g, -l),
#                      its NUMA node and its device's interrupts with their CPUs
#                      and names (sysfs, /proc/irq, /proc/interrupts), and each
#                      node's CPUs
#
# Every sample starts with "# time EPOCH uptime=SECONDS [iface=NAME]": EPOCH
# is date +%s.%N, uptime the kernel's CLOCK_BOOTTIME (/proc/uptime). The trace
# is recorded with trace_clock "boot" where the kernel has it, so the trace,
# the samples and netlink's detach-time share one clock (dmesg's is the same
# unless the machine was suspended).
#
# Not yet run against a hardware NIC. Checked: shellcheck, the argument
# handling, --help, --dry-run (which prints every command it would run and
# touches nothing), and real runs as root on a VM (Linux 6.18, no page_pool
# statistics): on its virtio-net with tracefs unmounted (it said so and
# recorded the rest) and mounted (it recorded through an instance of its
# own and removed it), and on a veth pair whose XDP program was attached
# and detached twice under UDP traffic, whose trace import read as two
# pools of 64 pages, each destroyed with every page back. There trace-cmd
# could not enable ftrace: when trace-cmd fails as it begins, the script
# records through tracefs instead. Exit status: 0, or 2 with a message.

set -euo pipefail

PROG=${0##*/}
SECONDS_TO_RECORD=30
INTERVAL=1
OUT=""
IFACES=()
TRACER=auto
YNL=""
BUFFER_KB=16384
DRY_RUN=0
TRACEFS=""
INSTANCE=""
PIDS=()
HAVE_TRACEFS=0
# Where sysfs and procfs are: other directories only for the script's tests.
SYSFS=${PAGEPOOL_SYSFS:-/sys}
PROCFS=${PAGEPOOL_PROCFS:-/proc}

usage() {
    cat <<EOF
usage: $PROG [options]
Records the page_pool tracepoints, the kernel log and repeated ethtool -S and
netlink samples into one directory, for: pagepool-model.jar import DIR

  -s, --seconds N      how long to record (default $SECONDS_TO_RECORD)
  -i, --iface NAME     an interface to sample with ethtool -S; repeat for more
                       (default: every interface whose ethtool -S has pp_ counters)
  -e, --every S        seconds between samples (default $INTERVAL; fractions allowed)
  -o, --out DIR        the directory to write (default ./pagepool-capture-HOST-DATE);
                       it must not exist or be empty
  -t, --tracer WHICH   trace-cmd, tracefs or none (default: trace-cmd if installed)
      --ynl COMMAND    the YNL CLI for the netdev family, e.g.
                       'ynl --family netdev' or
                       '/src/linux/tools/net/ynl/cli.py --spec /src/linux/Documentation/netlink/specs/netdev.yaml'
                       (default: 'ynl --family netdev' if ynl is on PATH, else no netlink)
      --buffer-kb N    trace buffer per CPU in KiB (default $BUFFER_KB)
  -n, --dry-run        print what would be done; touch nothing (no root needed)
  -h, --help           this help
EOF
}

die() {
    echo "$PROG: error: $*" >&2
    exit 2
}

note() {
    echo "$PROG: $*" >&2
}

# Runs a command, or in a dry run prints it. Quoting is shown as the shell would need it.
run() {
    if [ "$DRY_RUN" = 1 ]; then
        printf '+'
        printf ' %q' "$@"
        printf '\n'
    else
        "$@"
    fi
}

# Runs a command with its output appended to a file, or in a dry run prints it.
run_into() {
    local file=$1
    shift
    if [ "$DRY_RUN" = 1 ]; then
        printf '+'
        printf ' %q' "$@"
        printf ' >> %q\n' "$file"
    else
        "$@" >>"$file"
    fi
}

# Writes a line into a file, or in a dry run prints it.
write_line() {
    local file=$1 line=$2
    if [ "$DRY_RUN" = 1 ]; then
        printf "+ echo '%s' >> %q\n" "$line" "$file"
    else
        printf '%s\n' "$line" >>"$file"
    fi
}

need_value() {
    if [ $# -lt 2 ] || [ -z "$2" ]; then
        die "$1 needs a value (try --help)"
    fi
}

is_count() {
    [[ $1 =~ ^[1-9][0-9]*$ ]]
}

is_seconds() {
    [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]] && [[ $1 =~ [1-9] ]]
}

parse_args() {
    while [ $# -gt 0 ]; do
        case $1 in
            -h | --help)
                usage
                exit 0
                ;;
            -s | --seconds)
                need_value "$@"
                is_count "$2" || die "--seconds needs a whole number above 0, not \"$2\""
                SECONDS_TO_RECORD=$2
                shift 2
                ;;
            -e | --every)
                need_value "$@"
                is_seconds "$2" || die "--every needs a number of seconds above 0, not \"$2\""
                INTERVAL=$2
                shift 2
                ;;
            -i | --iface)
                need_value "$@"
                [[ $2 =~ ^[A-Za-z0-9_.:@-]+$ ]] || die "--iface: \"$2\" is not an interface name"
                IFACES+=("$2")
                shift 2
                ;;
            -o | --out)
                need_value "$@"
                OUT=$2
                shift 2
                ;;
            -t | --tracer)
                need_value "$@"
                case $2 in
                    trace-cmd | tracefs | none) TRACER=$2 ;;
                    *) die "--tracer is trace-cmd, tracefs or none, not \"$2\"" ;;
                esac
                shift 2
                ;;
            --ynl)
                need_value "$@"
                YNL=$2
                shift 2
                ;;
            --buffer-kb)
                need_value "$@"
                is_count "$2" || die "--buffer-kb needs a whole number above 0, not \"$2\""
                BUFFER_KB=$2
                shift 2
                ;;
            -n | --dry-run)
                DRY_RUN=1
                shift
                ;;
            *)
                die "unknown argument \"$1\" (try --help)"
                ;;
        esac
    done
}

find_tracefs() {
    local dir
    for dir in "$SYSFS/kernel/tracing" "$SYSFS/kernel/debug/tracing"; do
        if [ -d "$dir/events/page_pool" ]; then
            TRACEFS=$dir
            return 0
        fi
    done
    TRACEFS=$SYSFS/kernel/tracing
    return 1
}

choose_tracer() {
    local have_tracefs=1
    find_tracefs || have_tracefs=0
    HAVE_TRACEFS=$have_tracefs
    if [ "$TRACER" = auto ]; then
        if command -v trace-cmd >/dev/null 2>&1; then
            TRACER=trace-cmd
        elif [ "$have_tracefs" = 1 ]; then
            TRACER=tracefs
        elif [ "$DRY_RUN" = 1 ]; then
            TRACER=tracefs
            note "no tracefs with page_pool events here; showing what tracefs recording would do"
        else
            TRACER=none
            note "neither trace-cmd nor tracefs with page_pool events: no trace (is CONFIG_PAGE_POOL set? is tracefs mounted?)"
        fi
    fi
    if [ "$TRACER" = trace-cmd ] && ! command -v trace-cmd >/dev/null 2>&1 && [ "$DRY_RUN" = 0 ]; then
        die "--tracer trace-cmd, but trace-cmd is not installed"
    fi
    if [ "$TRACER" = tracefs ] && [ "$have_tracefs" = 0 ] && [ "$DRY_RUN" = 0 ]; then
        die "--tracer tracefs, but $TRACEFS has no page_pool events"
    fi
}

# The trace clock that matches /proc/uptime: boot, else mono, else the default.
trace_clock() {
    local clocks=""
    if [ -r "$TRACEFS/trace_clock" ]; then
        clocks=$(cat "$TRACEFS/trace_clock")
    fi
    case " $clocks " in
        *" boot "* | *"[boot]"*) echo boot ;;
        *" mono "* | *"[mono]"*) echo mono ;;
        "  ") echo boot ;; # unknown here (a dry run): boot, as on any kernel since 4.x
        *) echo local ;;
    esac
}

choose_ifaces() {
    [ ${#IFACES[@]} -eq 0 ] || return 0
    local path dev
    for path in "$SYSFS"/class/net/*; do
        [ -e "$path" ] || continue
        dev=${path##*/}
        [ "$dev" = lo ] && continue
        if [ "$DRY_RUN" = 1 ]; then
            IFACES+=("$dev")
        elif ethtool -S "$dev" 2>/dev/null | grep -q 'pp_'; then
            IFACES+=("$dev")
        fi
    done
    if [ ${#IFACES[@]} -eq 0 ]; then
        note "no interface has page_pool counters in ethtool -S (5.19+ with CONFIG_PAGE_POOL_STATS): no ethtool samples"
    elif [ "$DRY_RUN" = 1 ]; then
        note "a real run samples those of ${IFACES[*]} whose ethtool -S has pp_ counters"
    fi
}

choose_ynl() {
    if [ -z "$YNL" ] && command -v ynl >/dev/null 2>&1; then
        YNL="ynl --family netdev"
    fi
    if [ -z "$YNL" ]; then
        note "no YNL CLI (give --ynl): no netlink samples"
    fi
}

# The RX ring's current size from ethtool -g (nothing when the driver does not say).
rx_ring_size() {
    ethtool -g "$1" 2>/dev/null |
        awk '/^Current hardware settings:/ { current = 1 } current && $1 == "RX:" { if ($2 ~ /^[0-9]+$/) print $2; exit }'
}

# The RX queues from ethtool -l: its current RX and combined channels (nothing when it does not say).
rx_queue_count() {
    ethtool -l "$1" 2>/dev/null | awk '/^Current hardware settings:/ { current = 1 }
        current && ($1 == "RX:" || $1 == "Combined:") && $2 ~ /^[0-9]+$/ { n += $2 }
        END { if (n > 0) print n }'
}

# rx_ring.IFACE=N and rx_queues.IFACE=N in capture.txt for every sampled interface: the RX ring
# and the queues a simulation of it should have (where ethtool and the driver say).
write_rx_rings() {
    local iface size queues
    for iface in "${IFACES[@]}"; do
        size=$(rx_ring_size "$iface" || true)
        if [ -n "$size" ]; then
            write_line "$OUT/capture.txt" "rx_ring.$iface=$size"
        fi
        queues=$(rx_queue_count "$iface" || true)
        if [ -n "$queues" ]; then
            write_line "$OUT/capture.txt" "rx_queues.$iface=$queues"
        fi
    done
}

# node_cpus.N=LIST for each NUMA node, and for every sampled interface numa_node.IFACE=N and
# irq.IFACE.NUMBER=CPUS NAME for each MSI interrupt of its device: where a simulation should put the
# queues (import tells the queues' interrupts from the device's others by their names).
write_topology() {
    local node iface device irq cpus name
    for node in "$SYSFS"/devices/system/node/node[0-9]*; do
        if [ -r "$node/cpulist" ]; then
            write_line "$OUT/capture.txt" "node_cpus.${node##*/node}=$(cat "$node/cpulist")"
        fi
    done
    for iface in "${IFACES[@]}"; do
        device=$SYSFS/class/net/$iface/device
        if [ ! -d "$device/msi_irqs" ] && [ -d "$device/../msi_irqs" ]; then
            device=$device/.. # a virtio device: its PCI function has the interrupts
        fi
        node=$(cat "$device/numa_node" 2>/dev/null || true)
        case $node in
            '' | -*) ;;
            *) write_line "$OUT/capture.txt" "numa_node.$iface=$node" ;;
        esac
        for irq in "$device/msi_irqs"/*; do
            [ -e "$irq" ] || continue
            irq=${irq##*/}
            cpus=$(cat "$PROCFS/irq/$irq/effective_affinity_list" 2>/dev/null || true)
            if [ -z "$cpus" ]; then
                cpus=$(cat "$PROCFS/irq/$irq/smp_affinity_list" 2>/dev/null || true)
            fi
            name=$(awk -v irq="$irq:" '$1 == irq { print $NF; exit }' "$PROCFS/interrupts" 2>/dev/null || true)
            if [ -n "$cpus" ]; then
                write_line "$OUT/capture.txt" "irq.$iface.$irq=$cpus ${name:-?}"
            fi
        done
    done
}

sample_header() {
    local iface=${1-} uptime
    uptime=$(cut -d' ' -f1 /proc/uptime)
    if [ -n "$iface" ]; then
        printf '# time %s uptime=%s iface=%s' "$(date +%s.%N)" "$uptime" "$iface"
    else
        printf '# time %s uptime=%s' "$(date +%s.%N)" "$uptime"
    fi
}

# One round of samples: ethtool -S of every interface, then the two netlink dumps.
sample_once() {
    local iface
    local -a ynl
    for iface in "${IFACES[@]}"; do
        write_line "$OUT/ethtool-$iface.txt" "$(sample_header "$iface")"
        run_into "$OUT/ethtool-$iface.txt" ethtool -S "$iface" || true
    done
    if [ -n "$YNL" ]; then
        read -r -a ynl <<<"$YNL"
        write_line "$OUT/netlink-pools.txt" "$(sample_header)"
        run_into "$OUT/netlink-pools.txt" "${ynl[@]}" --dump page-pool-get || true
        write_line "$OUT/netlink-stats.txt" "$(sample_header)"
        run_into "$OUT/netlink-stats.txt" "${ynl[@]}" --dump page-pool-stats-get || true
    fi
}

sampler() {
    local end=$((SECONDS + SECONDS_TO_RECORD))
    while [ "$SECONDS" -lt "$end" ]; do
        sample_once
        sleep "$INTERVAL"
    done
    sample_once
}

record_trace() {
    local clock began
    clock=$(trace_clock)
    write_line "$OUT/capture.txt" "tracer=$TRACER"
    write_line "$OUT/capture.txt" "trace_clock=$clock"
    case $TRACER in
        trace-cmd)
            began=$SECONDS
            if run trace-cmd record -q -C "$clock" -b "$BUFFER_KB" -e page_pool -o "$OUT/trace.dat" \
                sleep "$SECONDS_TO_RECORD"; then
                run_into "$OUT/trace.txt" trace-cmd report -i "$OUT/trace.dat"
            elif [ $((SECONDS - began)) -le 2 ] && [ "$HAVE_TRACEFS" = 1 ]; then
                # as where ftrace_enabled may not be written (a container, a locked-down kernel)
                note "trace-cmd record failed as it began: recording through tracefs instead"
                write_line "$OUT/capture.txt" "tracer=tracefs"
                record_tracefs "$clock"
            else
                note "trace-cmd record failed: no trace; the samples and the kernel log are still recorded"
                run sleep "$((SECONDS_TO_RECORD - (SECONDS - began) > 0 ? SECONDS_TO_RECORD - (SECONDS - began) : 0))"
            fi
            ;;
        tracefs)
            record_tracefs "$clock"
            ;;
        none)
            run sleep "$SECONDS_TO_RECORD"
            ;;
    esac
}

# The page_pool events through a tracefs instance of the script's own, for SECONDS_TO_RECORD.
record_tracefs() {
    local clock=$1
    INSTANCE="$TRACEFS/instances/pagepool-$$"
    run mkdir "$INSTANCE"
    run_into "$INSTANCE/trace_clock" echo "$clock"
    run_into "$INSTANCE/buffer_size_kb" echo "$BUFFER_KB"
    run_into "$INSTANCE/events/page_pool/enable" echo 1
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ cat %q > %q &   # for %s s\n' "$INSTANCE/trace_pipe" "$OUT/trace.txt" "$SECONDS_TO_RECORD"
    else
        cat "$INSTANCE/trace_pipe" >"$OUT/trace.txt" &
        PIDS+=("$!")
    fi
    run sleep "$SECONDS_TO_RECORD"
    run_into "$INSTANCE/events/page_pool/enable" echo 0
    stop_tracefs
}

stop_tracefs() {
    local pid
    if [ "$DRY_RUN" = 0 ] && [ ${#PIDS[@]} -gt 0 ]; then
        sleep 0.5 # let trace_pipe hand over what it still holds
        for pid in "${PIDS[@]}"; do
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        done
        PIDS=()
    fi
    if [ -n "$INSTANCE" ]; then
        run rmdir "$INSTANCE" || true
        INSTANCE=""
    fi
}

cleanup() {
    local pid
    if [ "$DRY_RUN" = 0 ]; then
        for pid in "${PIDS[@]}"; do
            kill "$pid" 2>/dev/null || true
        done
        if [ -n "$INSTANCE" ] && [ -d "$INSTANCE" ]; then
            echo 0 >"$INSTANCE/events/page_pool/enable" 2>/dev/null || true
            rmdir "$INSTANCE" 2>/dev/null || true
        fi
    fi
}

main() {
    parse_args "$@"
    if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then
        die "run as root: tracefs, trace-cmd and ethtool -S need it (or try --dry-run)"
    fi
    if [ -z "$OUT" ]; then
        OUT="pagepool-capture-$(hostname -s 2>/dev/null || echo host)-$(date +%Y%m%d-%H%M%S)"
    fi
    if [ -e "$OUT" ] && [ -n "$(ls -A "$OUT" 2>/dev/null)" ]; then
        die "$OUT exists and is not empty: give a new directory with --out"
    fi
    choose_tracer
    choose_ifaces
    choose_ynl
    trap cleanup EXIT
    trap 'exit 2' INT TERM

    run mkdir -p "$OUT"
    write_line "$OUT/capture.txt" "# pagepool-capture 1 (written by tools/capture-page-pool.sh)"
    write_line "$OUT/capture.txt" "host=$(hostname 2>/dev/null || echo '?')"
    write_line "$OUT/capture.txt" "kernel=$(uname -r)"
    write_line "$OUT/capture.txt" "seconds=$SECONDS_TO_RECORD"
    write_line "$OUT/capture.txt" "start_uptime=$(cut -d' ' -f1 /proc/uptime)"
    write_rx_rings
    write_topology
    run_into "$OUT/links.txt" ip -o link || note "ip -o link failed: netlink's ifindexes stay unnamed"

    if [ "$DRY_RUN" = 1 ]; then
        echo "# every $INTERVAL s for $SECONDS_TO_RECORD s, in the background:"
        sample_once
        echo "# meanwhile, in the foreground:"
    else
        sampler &
        PIDS+=("$!")
    fi
    record_trace
    if [ "$DRY_RUN" = 0 ]; then
        wait "${PIDS[@]}" 2>/dev/null || true
        PIDS=()
    fi
    run_into "$OUT/dmesg.txt" dmesg || note "dmesg failed (kernel.dmesg_restrict?): no kernel log"
    write_line "$OUT/capture.txt" "end_uptime=$(cut -d' ' -f1 /proc/uptime)"
    echo "recorded into $OUT; now: java -jar model/target/pagepool-model.jar import $OUT"
}

main "$@"
