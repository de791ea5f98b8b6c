#!/usr/bin/env bash
# Regenerates the expected output of the test scripts from the reference
# implementations, so expectations are never weft's own output:
#   NAME.py            -> CPython (python3)
#   stackless_NAME.py  -> PyPy's stackless module (pypy3), when installed
#   weft_NAME.py       -> hand-checked (weft-specific or where PyPy differs
#                         from Stackless's documentation); not regenerated
set -euo pipefail
cd "$(dirname "$0")/py"
for f in *.py; do
  base="${f%.py}"
  case "$f" in
    weft_*) continue ;;
    stackless_*) command -v pypy3 >/dev/null || continue; runner=pypy3 ;;
    *) runner=python3 ;;
  esac
  set +e
  "$runner" "$f" > "$base.out" 2>/dev/null
  echo $? > "$base.exit"
  set -e
done
echo "regenerated $(ls *.out | wc -l) expectations"
