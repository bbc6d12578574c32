#!/bin/sh
# Parse benchmark of the debtor report reader: prints pages/s, accounts/s and peak heap per file.
# Usage (from the repository root, after `mvn -o -q -pl import-service compile`):
#   import-service/bench/debtor-report-bench.sh [file.pdf ...]
# Without arguments it measures deb013/reitz_large.pdf and a 20,000-account DEB013 report generated into
# import-service/target/bench (needs enscript, ghostscript, poppler-utils; never committed).
set -e
cd "$(dirname "$0")/.."
BUILD=${IMPORT_BUILD_DIR:-target}
TESTDATA=${TESTDATA_DIR:-../../shared/testdata}
[ -d "$TESTDATA" ] || TESTDATA=/work/shared/testdata
if [ $# -eq 0 ]; then
  mkdir -p "$BUILD/bench"
  BIG="$BUILD/bench/deb013_20000.pdf"
  [ -f "$BIG" ] || /usr/bin/python3 "$TESTDATA/tools/gen_deb013.py" --seed 7 --accounts 20000 --contacts yes \
      --pharmacy "BENCH PHARMACY" --out "$BIG"
  set -- "$TESTDATA/deb013/reitz_large.pdf" "$BIG"
fi
CP_FILE="$BUILD/bench/debtor-classpath.txt"
mkdir -p "$BUILD/bench"
[ -f "$CP_FILE" ] || mvn -o -q dependency:build-classpath -Dimport.build.dir="$BUILD" -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
CP="$BUILD/classes:$(cat "$CP_FILE")"
javac -d "$BUILD/bench" -cp "$CP" bench/DebtorReportBench.java
exec java -Xmx128m -Djava.util.logging.config.file=/dev/null -cp "$BUILD/bench:$CP" DebtorReportBench "$@"
