#!/usr/bin/env bash
# Stops what .ci/slurm-up.sh started (slurmd, slurmctld, and munged if it started it) and removes
# its state folder.
set -uo pipefail
state=${DRLP_SLURM_DIR:-/tmp/drlp-slurm}
for daemon in slurmd slurmctld; do
    pidfile="$state/$daemon.pid"
    if [ -f "$pidfile" ]; then
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null
        for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
done
if [ -f "$state/started-munged" ] && [ -f /run/munge/munged.pid ]; then
    kill "$(cat /run/munge/munged.pid)" 2>/dev/null
fi
if [ -f "$state/linked-etc" ] && [ -L /etc/slurm/slurm.conf ]; then
    rm -f /etc/slurm/slurm.conf
fi
rm -rf "$state"
