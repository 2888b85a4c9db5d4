#!/usr/bin/env bash
# Two more PostgreSQL clusters on this machine (ports 5441 and 5442, trust authentication on
# 127.0.0.1), standing in for a region's own database servers in the foreign-partition test
# (tests/integration/foreign-partitions.test.ts, docs/scaling.md "Several servers").
# Idempotent: creates a cluster that is missing, starts one that is stopped.
set -euo pipefail
version="$(ls /etc/postgresql | sort -n | tail -1)"
for spec in node1:5441 node2:5442; do
  name="inovasi_${spec%%:*}"
  port="${spec##*:}"
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$name"; then
    pg_createcluster --port "$port" "$version" "$name" -- --auth=trust >/dev/null
  fi
  if ! pg_isready -h 127.0.0.1 -p "$port" -q; then
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
  fi
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p "$port"
done
