#!/usr/bin/env bash
# Times R quantreg (br, fn, pfn) and the workbench on identical data, checks that the objectives
# agree, and prints times and ratios. Solve times only (best of REPEATS); "drlp proc" is the
# whole java process including the JVM and Felix start and reading the CSV.
#
#   bench/quantreg-vs-drlp.sh                       # the issue's four sizes, tau = 0.5
#   SIZES="1000000x10" METHODS=fn,pfn bench/quantreg-vs-drlp.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000x10 10000x50 100000x10 100000x50"}
TAU=${TAU:-0.5}
REPEATS=${REPEATS:-5}
METHODS=${METHODS:-br,fn,pfn}
JAR=launcher/target/drlp.jar

if ! Rscript -e 'suppressMessages({library(quantreg); library(jsonlite)})' >/dev/null 2>&1; then
  echo "installing R's quantreg and jsonlite from Debian's packages" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q r-cran-quantreg r-cran-jsonlite >/dev/null
fi
if [ ! -f "$JAR" ]; then
  mvn -B -q install -DskipTests
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
Rscript bench/quantreg-vs-drlp.R "$SIZES" "$TAU" "$REPEATS" "$JAR" "$WORK" "$METHODS"
