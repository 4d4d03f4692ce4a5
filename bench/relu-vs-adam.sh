#!/usr/bin/env bash
# Training that beats Adam (issue 13): Adam alone, the vertex walk alone, and the composed method
# sequence (Adam for a share of the budget, then the walk from Adam's end point) on the same
# first-layer training problems, each stopped by the same wall-time budget. Prints one table row
# per problem, budget and method: training loss, certified yes/no, iterations (epochs of Adam plus
# pivots of the walk), the polish's pivots and seconds, and the loss on held-out rows.
#
#   bench/relu-vs-adam.sh                          # budgets 15 and 60 s on both problems, 300 s on the large one
#   BUDGETS="15 60" LARGE_BUDGETS="" bench/relu-vs-adam.sh   # shorter
#   FRACTION=0.5 bench/relu-vs-adam.sh             # Adam's share of the sequence's budget (default 0.8)
#   JAR=/tmp/drlp.jar bench/relu-vs-adam.sh        # a copy of the launcher, so that builds can go on meanwhile
#
# Problems: examples/relu/large-first-layer.json (random 8-32-32-1 network, 288 parameters,
# N = 10,000), and a network of another shape generated here (6-24-24-1, weights U(-1, 1), seed 7;
# 168 parameters, N = 4,000 synthetic rows). Held-out rows: the same generator with seed 2.
# Needs java 17 and python3 (installed from Debian's packages when missing). Runs one solve at a
# time; timings are wall-clock and depend on the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null; then
  echo "installing python3 from Debian's packages" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-minimal >/dev/null
fi

BUDGETS=${BUDGETS:-15 60}
LARGE_BUDGETS=${LARGE_BUDGETS-300}
FRACTION=${FRACTION:-0.8}
PIVOT=${PIVOT:-steepest-edge}
JAR=${JAR:-launcher/target/drlp.jar}
if [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# the second problem's network: 6-24-24-1, weights and biases U(-1, 1)
python3 - "$WORK/net-6-24-24-1.json" <<'PY'
import json, random, sys
rng = random.Random(7)
widths = [6, 24, 24, 1]
layers = [{"weights": [[rng.uniform(-1, 1) for _ in range(widths[l])] for _ in range(widths[l + 1])],
           "biases": [rng.uniform(-1, 1) for _ in range(widths[l + 1])]} for l in range(len(widths) - 1)]
json.dump({"layers": layers}, open(sys.argv[1], "w"))
PY
cat >"$WORK/small.json" <<JSON
{"name": "relu-6-24-24-1-first-layer",
 "data":  {"source": "synthetic", "n": 4000, "p": 6, "seed": 1},
 "model": {"type": "relu-layer", "network": "$WORK/net-6-24-24-1.json", "layer": 1, "start": "current"},
 "loss":  {"type": "absolute"}, "solver": {}, "trace": false}
JSON

# spec(out, source, budget, method): the problem of source with validation rows and one method under the budget
spec() {
  python3 - "$@" <<'PY'
import json, os, sys
out, source, budget, method, fraction, pivot = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], float(sys.argv[5]), sys.argv[6]
spec = json.load(open(source))
model, data = spec["model"], spec["data"]
model["network"] = os.path.abspath(os.path.join(os.path.dirname(source), model["network"]))
model["validation"] = dict({k: v for k, v in data.items() if k != "source"}, type=data["source"], seed=2)
adam = {"type": "adam", "epochs": 1000000000}
walk = {"type": "vertex-walk", "pivot": pivot}
spec["solver"] = {
    "adam": dict(adam, method="adam", timeLimitSeconds=budget),
    "walk": dict(walk, method="vertex-walk", timeLimitSeconds=budget),
    "sequence": {"method": "sequence", "first": adam, "then": walk, "fraction": fraction, "timeLimitSeconds": budget},
}[method]
for s in (spec["solver"],):
    s.pop("type", None)
spec["trace"] = False
json.dump(spec, open(out, "w"), indent=1)
PY
}
row() {
  python3 - "$@" <<'PY'
import json, sys
problem, budget, method, path = sys.argv[1:5]
r = json.load(open(path))["runs"][0]
polish = [s for s in r["stages"] if s["name"].startswith("vertex-walk")] if method == "sequence" else []
pol = "%d / %.1f s" % (sum(s["pivots"] for s in polish), sum(s["seconds"] for s in polish)) if polish else "-"
cert = "yes" if r["status"] in ("LOCAL_MINIMUM", "OPTIMAL") else "no"
val = (r.get("evaluation") or {}).get("validationLoss")
print("%-16s %6s %-9s %14.4f %-4s %-14s %11d %17s %12s %8.1f" % (problem, budget, method, r["objective"], cert,
      r["status"], r["iterations"], pol, "%.4f" % val if val is not None else "-", r["seconds"]))
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %6s %-9s %14s %-4s %-14s %11s %17s %12s %8s %s\n' problem budget method loss cert status iterations "polish piv/sec" "held-out" seconds "load (1 min, at the end)"
for problem in small large; do
  source=$([ $problem = small ] && echo "$WORK/small.json" || echo examples/relu/large-first-layer.json)
  budgets="$BUDGETS"; [ $problem = large ] && budgets="$BUDGETS $LARGE_BUDGETS"
  for budget in $budgets; do
    for method in adam walk sequence; do
      name="$problem-$budget-$method"
      spec "$WORK/$name.json" "$source" "$budget" "$method" "$FRACTION" "$PIVOT"
      java -jar "$JAR" run "$WORK/$name.json" --out "$WORK/$name" >"$WORK/$name.log" 2>&1 || true
      if [ -f "$WORK/$name/results.json" ]; then
        echo "$(row "$problem" "$budget" "$method" "$WORK/$name/results.json") $(cut -d' ' -f1 /proc/loadavg)"
      else echo "$name: no results"; cat "$WORK/$name.log" >&2; fi
    done
  done
done
