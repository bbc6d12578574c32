#!/bin/sh
# Parse benchmark of the debtor report reader: prints pages/s, accounts/s and peak heap per file.
# Usage (from the repository root, after `mvn -o -q -pl import-service compile`):
#   import-service/bench/debtor-report-bench.sh [file.pdf ...]
# Without arguments it measures the test kit's large DEB013 report (1,541 accounts, reitz_large.pdf) and a
# 20,000-account one, both made with deploy/local/fixture into import-service/target/bench (never committed).
set -e
cd "$(dirname "$0")/.."
BUILD=target
if [ $# -eq 0 ]; then
  mkdir -p "$BUILD/bench"
  LARGE="$BUILD/bench/reitz_large.pdf"
  BIG="$BUILD/bench/deb013_20000.pdf"
  [ -f "$LARGE" ] || ../deploy/local/fixture deb013 --preset large --out "$LARGE"
  [ -f "$BIG" ] || ../deploy/local/fixture deb013 --accounts 20000 --seed 7 --out "$BIG"
  set -- "$LARGE" "$BIG"
fi
CP_FILE="$BUILD/bench/debtor-classpath.txt"
mkdir -p "$BUILD/bench"
[ -f "$CP_FILE" ] || ../mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
CP="$BUILD/classes:$(cat "$CP_FILE")"
javac -d "$BUILD/bench" -cp "$CP" bench/DebtorReportBench.java
exec java -Xmx128m -Djava.util.logging.config.file=/dev/null -cp "$BUILD/bench:$CP" DebtorReportBench "$@"
