#!/usr/bin/env bash
# Parse-and-validate benchmark of credit-balance workbooks (issue 6): times CreditSheetParser on a generated
# 100,000-row workbook inside a 128 MB heap, and (when pandas is installed) pandas.read_excel on the same file.
#   import-service/bench/credit-sheet-bench.sh [ROWS] [RUNS]
# Needs: the module compiled (mvn -o -q -pl import-service compile), python3-pandas and python3-openpyxl for the
# comparison only. The workbook is made with deploy/local/fixture (seed 7) into import-service/target/bench and is
# never committed.
set -euo pipefail
ROWS=${1:-100000}
RUNS=${2:-5}
MODULE=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
BUILD=$MODULE/target
OUT=$MODULE/target/bench
WORKBOOK=$OUT/big_$ROWS.xlsx

if [[ ! -f $WORKBOOK ]]; then
  mkdir -p "$OUT"
  "$ROOT/deploy/local/fixture" credit-xlsx --rows "$ROWS" --seed 7 --out "$WORKBOOK"
fi
if [[ ! -d $BUILD/classes/com ]]; then
  (cd "$ROOT" && ./mvnw -o -q -pl import-service compile)
fi
CP_FILE=$OUT/classpath.txt
(cd "$ROOT" && ./mvnw -o -q -pl import-service dependency:build-classpath -Dmdep.outputFile="$CP_FILE" \
  -Dmdep.includeScope=runtime >/dev/null)

echo "== import-service CreditSheetParser (-Xmx128m)"
java -Xmx128m -cp "$BUILD/classes:$(cat "$CP_FILE")" "$MODULE/bench/CreditSheetBench.java" "$WORKBOOK" "$RUNS"

if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  echo "== pandas.read_excel (openpyxl), what import_updated_excel.py used"
  /usr/bin/python3 - "$WORKBOOK" <<'PY'
import resource, sys, time
import pandas as pd
start = time.perf_counter()
frame = pd.read_excel(sys.argv[1])
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"read {len(frame):,} rows in {elapsed * 1000:,.0f} ms (read only, no validation); peak RSS {peak} MB")
PY
fi
