#!/usr/bin/env bash
# Same-JVM A/B of the kernel primitives of two checkouts (see same-jvm-ab/SameJvmAB.java):
#   bench/same-jvm-ab.sh BEFORE_CHECKOUT [AFTER_CHECKOUT]   (after: this checkout)
# Each checkout must have been built (mvn -B -q install -DskipTests -Dinvoker.skip=true, or package).
# Environment: SIZES (default "10000x10 100000x50"), BENCHES (default pricing,basisUpdate,ratioTest),
# ROUNDS (40), CALLS (2000).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
before=$(cd "$1" && pwd)
after=$(cd "${2:-$here/..}" && pwd)
SIZES=${SIZES:-"10000x10 100000x50"}
BENCHES=${BENCHES:-pricing,basisUpdate,ratioTest}
ROUNDS=${ROUNDS:-40}
CALLS=${CALLS:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the libraries the benchmark compiles against, as the jmh module resolves them
(cd "$after/bench/jmh" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/libs.cp" -Dmdep.includeScope=compile \
    -Dmdep.excludeArtifactIds=org.drlp.api,org.drlp.kernel,org.drlp.model.linear >/dev/null)
for side in before after; do
    tree=${!side}
    classes="$tree/bundles/org.drlp.api/target/classes:$tree/bundles/org.drlp.kernel/target/classes:$tree/bundles/org.drlp.model.linear/target/classes"
    mkdir -p "$work/$side"
    # each checkout's own benchmark source: its probes follow its kernel
    javac -proc:none -d "$work/$side" -cp "$classes:$(cat "$work/libs.cp")" $(find "$tree/bench/jmh/src/main/java" -name '*.java')
    echo "$work/$side:$classes:$(cat "$work/libs.cp")" > "$work/$side.cp"
done
javac -d "$work/harness" "$here/same-jvm-ab/SameJvmAB.java"
echo "before: $before ($(git -C "$before" rev-parse --short HEAD 2>/dev/null || echo '?'))  after: $after ($(git -C "$after" rev-parse --short HEAD 2>/dev/null || echo '?'))  load $(cut -d' ' -f1-3 /proc/loadavg)"
for size in $SIZES; do
    java -cp "$work/harness" SameJvmAB "$work/before.cp" "$work/after.cp" "$size" "$BENCHES" "$ROUNDS" "$CALLS"
done
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
