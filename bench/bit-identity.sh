#!/usr/bin/env bash
# Checks that two builds of the kernel walk bit for bit alike: runs the same 556 solves (linear
# quantile regressions with Gaussian and tied data, every shipped line search with the anti-cycling
# rules and refactorisation policies, three pivot rules; random ReLU networks with each line search
# that applies) on each and compares status, objective bits, pivots, a hash of the end point and a
# hash of every step's objective, step and entering/leaving neurons.
#
#   bench/bit-identity.sh OTHER_TREE        # this tree against another checkout, both built with
#                                           # mvn -pl bundles/org.drlp.kernel,bundles/org.drlp.model.linear -am package
set -euo pipefail
cd "$(dirname "$0")/.."
OTHER=${1:?usage: bench/bit-identity.sh OTHER_TREE}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() {
  local tree=$1 out=$2 b="$1/bundles"
  local cp="$b/org.drlp.api/target/classes:$b/org.drlp.kernel/target/classes:$b/org.drlp.kernel/target/test-classes:$b/org.drlp.model.linear/target/classes"
  mkdir -p "$WORK/$out"
  javac -nowarn -d "$WORK/$out" -cp "$cp" bench/bit-identity/org/drlp/kernel/BitIdentity.java
  java -cp "$WORK/$out:$cp" org.drlp.kernel.BitIdentity > "$WORK/$out.txt"
}
run "$OTHER" other
run "$PWD" this
if cmp -s "$WORK/other.txt" "$WORK/this.txt"; then
  echo "identical: $(wc -l < "$WORK/this.txt") solves"
else
  diff "$WORK/other.txt" "$WORK/this.txt" | head -20
  exit 1
fi
