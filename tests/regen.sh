#!/usr/bin/env bash
# Regenerates the expected output of every plain-Python test script with
# CPython (python3), so the expectations are CPython's, not weft's.
# Scripts whose name starts with `weft_` are weft-specific and keep
# hand-checked expectations.
set -euo pipefail
cd "$(dirname "$0")/py"
for f in *.py; do
  case "$f" in weft_*) continue ;; esac
  base="${f%.py}"
  set +e
  python3 "$f" > "$base.out" 2>/dev/null
  echo $? > "$base.exit"
  set -e
done
echo "regenerated $(ls *.out | wc -l) expectations"
