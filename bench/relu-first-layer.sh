#!/usr/bin/env bash
# The speed floor of first-layer training (issue 3): the vertex walk on
# examples/relu/large-first-layer.json (random 8-32-32-1 network, 288 parameters, L1 loss,
# N = 10,000), then Adam on the same problem for the same wall time. Prints the start loss and,
# for both, time, iterations (pivots for the walk, epochs for Adam), final loss and status.
#
#   bench/relu-first-layer.sh            # walk capped at 3600 s (it certified after 1675 s here)
#   TIME=300 bench/relu-first-layer.sh   # a shorter cap
#   JAR=/tmp/drlp.jar bench/relu-first-layer.sh   # a copy of the launcher, so that builds can go on meanwhile
#   PIVOT=dantzig bench/relu-first-layer.sh        # another pivot rule for the walk (default: steepest-edge, as the spec)
#
# Needs java 17 and python3 (to edit the specs and read results.json; installed from Debian's
# packages when missing). Timings are wall-clock
# and depend on the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null; then
  echo "installing python3 from Debian's packages" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-minimal >/dev/null
fi

TIME=${TIME:-3600}
PIVOT=${PIVOT:-steepest-edge}
JAR=${JAR:-launcher/target/drlp.jar}
if [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# spec(name, source, solver-json): a copy of an example spec with absolute paths and another solver section
spec() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, os, sys
out, source, solver = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
spec = json.load(open(source))
spec["model"]["network"] = os.path.abspath(os.path.join(os.path.dirname(source), spec["model"]["network"]))
spec["solver"].update(solver)
json.dump(spec, open(out, "w"), indent=1)
PY
}
# field(dir, key): a field of the first run in dir/results.json
field() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runs"][0][sys.argv[2]])' "$1/results.json" "$2"
}
run() {
  java -jar "$JAR" run "$1" --out "$2" >"$2.log" 2>&1 || { cat "$2.log" >&2; exit 1; }
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

spec "$WORK/start.json" examples/relu/large-first-layer.json '{"maxIterations": 0}'
run "$WORK/start.json" "$WORK/start"
echo "start loss (the network's own first layer): $(field "$WORK/start" objective); walk pivot rule $PIVOT"

spec "$WORK/walk.json" examples/relu/large-first-layer.json "{\"timeLimitSeconds\": $TIME, \"pivot\": \"$PIVOT\"}"
run "$WORK/walk.json" "$WORK/walk"
WALK_SECONDS=$(field "$WORK/walk" seconds)

spec "$WORK/adam.json" examples/relu/large-first-layer-adam.json "{\"timeLimitSeconds\": $WALK_SECONDS}"
run "$WORK/adam.json" "$WORK/adam"

printf '%-12s %10s %12s %14s %18s  %s\n' method seconds iterations regionChanges "final loss" status
for m in walk adam; do
  printf '%-12s %10.1f %12s %14s %18.4f  %s\n' "$m" "$(field "$WORK/$m" seconds)" "$(field "$WORK/$m" iterations)" \
    "$(field "$WORK/$m" regionChanges)" "$(field "$WORK/$m" objective)" "$(field "$WORK/$m" status)"
done
python3 - "$WORK/walk/results.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["runs"][0].get("certificate") or {}
print("walk certificate: min edge slope %s (tolerance %s), %s edges, %s flat directions"
      % (c.get("minEdgeSlope"), c.get("slopeTolerance"), c.get("edges"), c.get("flatDirections")))
PY
