#!/usr/bin/env bash
# Starts a one-node Slurm on this host for the Slurm integration tests (and for trying drlp slurm
# by hand): munged, slurmctld and slurmd, without systemd, with their state, logs and slurm.conf in
# $DRLP_SLURM_DIR (default /tmp/drlp-slurm). Installs Debian's slurm-wlm and munge when missing
# (needs root). Prints the line to export SLURM_CONF; .ci/slurm-down.sh stops it all.
set -euo pipefail
state=${DRLP_SLURM_DIR:-/tmp/drlp-slurm}
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    # a fresh machine may have no package lists yet
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi
mkdir -p "$state"/ctld "$state"/d
host=$(hostname -s)
cpus=$(nproc)
cat > "$state/slurm.conf" <<CONF
ClusterName=drlp
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
KillWait=30
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
# munge: a key and a socket directory, daemon as the munge user
if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! munge -n >/dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged
    touch "$state/started-munged"
fi
export SLURM_CONF="$state/slurm.conf"
# clients on this host find the configuration without SLURM_CONF too, unless one is installed
if [ ! -e /etc/slurm/slurm.conf ]; then
    mkdir -p /etc/slurm
    ln -s "$SLURM_CONF" /etc/slurm/slurm.conf
    touch "$state/linked-etc"
fi
[ -f "$state/slurmctld.pid" ] && kill -0 "$(cat "$state/slurmctld.pid")" 2>/dev/null || slurmctld -f "$SLURM_CONF"
[ -f "$state/slurmd.pid" ] && kill -0 "$(cat "$state/slurmd.pid")" 2>/dev/null || slurmd -f "$SLURM_CONF"
for _ in $(seq 30); do
    if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
        echo "export SLURM_CONF=$SLURM_CONF"
        exit 0
    fi
    sleep 1
done
echo "slurm-up: the node did not come up; see $state/slurmctld.log and $state/slurmd.log" >&2
exit 1
