#!/usr/bin/env bash
# Side by side, as README "Benchmarks" quotes it: /tmp/essay-qa-main.jar (the previous build, C1
# everywhere) against /tmp/essay-qa-lean.jar (C1 for ask, full tiered for the REPL and batches):
# one ask, a 65-question ask --file batch and a piped REPL; wall seconds and peak RSS (KB) each.
set -u
grep -E '^\s*-?\s*question:' src/main/resources/eval/essay-heldout.yaml |
  sed -E 's/^\s*-?\s*question:\s*//; s/^"(.*)"$/\1/' | head -65 >/tmp/i21-q65.txt
common="-XX:+UseSerialGC -Xmx128m -XX:-UsePerfData -Dfile.encoding=UTF-8"
run() { # label jar flags mode...
  local label=$1 jar=$2 flags=$3; shift 3
  /usr/bin/time -f "%e %M" -o /tmp/i21-t.txt java $common $flags -Dessayqa.cache=/tmp/i21cache-$label -jar $jar "$@" >/dev/null 2>/tmp/i21-err.txt < "${INPUT:-/dev/null}"
  cat /tmp/i21-t.txt
}
for label in main lean; do
  jar=/tmp/essay-qa-$label.jar
  INPUT= run $label $jar "-XX:TieredStopAtLevel=1" ask "What is this essay about?" >/dev/null  # fills the cache
done
for i in 1 2 3; do
  for label in main lean; do
    jar=/tmp/essay-qa-$label.jar
    one=$(run $label $jar "-XX:TieredStopAtLevel=1" ask "What is this essay about?")
    if [ $label = main ]; then bflags="-XX:TieredStopAtLevel=1"; else bflags=""; fi
    batch=$(INPUT=/tmp/i21-q65.txt run $label $jar "$bflags" ask --json --file -)
    repl=$(INPUT=/tmp/i21-q65.txt run $label $jar "$bflags" repl)
    echo "$label round $i: ask1 [s KB]=$one batch65=$batch repl=$repl"
  done
done
