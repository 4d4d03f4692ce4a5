#!/usr/bin/env bash
# Degenerate regressions through the launcher, presolve portnoy-koenker against none: exact fits and constant
# targets (absolute loss) and the epsilon-insensitive loss (epsilon = 0.5) on integer targets.
# Prints, per data set and presolve mode, the solve seconds of each repeat (from summary.csv),
# pivots, status and objective.
#
#   bench/degenerate.sh                                   # exact and constant at 5,000 to 1,000,000 rows
#   SETS="eps-int-50000" REPEATS=5 bench/degenerate.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SETS=${SETS:-"exact-5000 constant-5000 exact-50000 constant-50000 exact-1000000 constant-1000000 eps-int-50000"}
REPEATS=${REPEATS:-3}
P=${P:-3}
TIME_LIMIT=${TIME_LIMIT:-600}
JAR=${JAR:-launcher/target/drlp.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"

# kind rows file: Gaussian features (3 decimals, so that y = 1 + sum x is exact in the CSV too), or
# integer features 0..9 and y = round(1 + sum x + 2 N(0, 1)) for eps-int
generate() {
  awk -v kind="$1" -v n="$2" -v p="$P" 'BEGIN {
    srand(1); h = "y"; for (j = 1; j <= p; j++) h = h ",x" j; print h
    for (i = 0; i < n; i++) {
      s = 1; line = ""
      for (j = 1; j <= p; j++) {
        if (kind == "eps-int") v = int(rand() * 10)
        else v = sprintf("%.3f", sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand())) + 0
        s += v; line = line "," v
      }
      if (kind == "exact") y = s
      else if (kind == "constant") y = 3
      else y = int(s + 2 * sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand()) + 0.5)
      printf "%.17g%s\n", y, line
    }
  }' > "$3"
}

printf '%-18s %-6s %-32s %8s  %-9s %s\n' data presolve "seconds (each repeat)" pivots status objective
for set in $SETS; do
  kind=${set%-*}; rows=${set##*-}
  generate "$kind" "$rows" "$WORK/$set.csv"
  if [ "$kind" = eps-int ]; then loss='{"type": "epsilon-insensitive", "epsilon": 0.5}'; else loss='{"type": "absolute"}'; fi
  cat > "$WORK/$set.json" <<SPEC
{
  "name": "$set",
  "data":   {"source": "csv", "path": "$WORK/$set.csv", "target": "y"},
  "model":  {"type": "linear", "intercept": true},
  "loss":   $loss,
  "solver": {"method": "vertex-walk", "pivot": "dantzig", "timeLimitSeconds": $TIME_LIMIT},
  "sweep":  {"solver.presolve.type": ["portnoy-koenker", "none"]},
  "repeats": $REPEATS
}
SPEC
  java -jar "$JAR" run "$WORK/$set.json" --out "$WORK/out-$set" >/dev/null 2>&1 || true
  # summary.csv: index,label,solver.presolve.type,repeat,status,objective,iterations,regionChanges,seconds,
  #              presolvePivots,zeroLengthPivots,blandPivots,refactorisations,message
  awk -F, -v set="$set" 'NR > 1 {
      mode = $3; times[mode] = times[mode] (times[mode] == "" ? "" : ", ") sprintf("%.3f", $9)
      pivots[mode] = $7; status[mode] = $5; objective[mode] = $6
      if (!(mode in seen)) { seen[mode] = 1; order[++count] = mode }
    } END {
      for (c = 1; c <= count; c++) { m = order[c]
        printf "%-18s %-6s %-32s %8s  %-9s %s\n", set, m, "[" times[m] "]", pivots[m], status[m], objective[m] }
    }' "$WORK/out-$set/summary.csv"
done
