#!/usr/bin/env bash
# Stage costs as instruction counts (valgrind callgrind), and their ratios to `parse`.
# Instruction counts do not drift with machine load, so these ratios repeat exactly
# on a shared machine where wall-clock ratios wander by 10-30%. They are not times:
# a stage with more cache misses per instruction costs more time than its count says.
#
# usage: benches/instructions.sh [corpus|fixtures]   (from the workspace root)
set -euo pipefail
set_name=${1:-corpus}
cargo build --release -q -p pith-benches --example stage
bin=target/release/examples/stage
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$set_name" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count none)
parse=$(( $(count parse) - base ))
printf '%-12s %16s %8s\n' stage instructions "x parse"
printf '%-12s %16d %8.2f\n' parse "$parse" 1
row() { printf '%-12s %16d %8.2f\n' "$1" "$2" "$(echo "$2 / $parse" | bc -l)"; }
clean=$(( $(count clean_html) - base ))
row clean_html "$clean"
row segment $(( $(count segment) - base - clean ))
row end_to_end $(( $(count end_to_end) - base ))
row clean_text $(( $(count clean_text) - base ))
