#!/usr/bin/env bash
# Benchmark of `dgmat batch` on synthetic national rounds (figures, not a test).
#
#   bench/batch.sh [AGENCIES...]      default: 340 3400
#
# For each round size it generates a round (fixed seed, 1% broken submissions), then measures
# with /usr/bin/time: parse-only (the same YAML reader on the same files) and `dgmat batch` at
# -j 1 and -j 2. It prints wall time, agencies/s, MB/s, peak RSS, the -j 2 speed-up and the
# ratio of batch time to parse-only time at the same thread count.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(340 3400)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
cargo build --release --quiet --bin dgmat --example generate --example parse_only
bin=target/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command, prints "seconds peak_kb".
# GNU time writes "Command exited with non-zero status" first when a batch finds invalid
# submissions; the figures are on the last line.
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true; tail -n 1 "$work/time"; }

printf '%-8s %-6s %-14s %7s %9s %8s %10s %8s %8s\n' agencies MB run wall_s agencies/s MB/s peak_RSS_MB speedup vs_parse
declare -A rss
for n in "${sizes[@]}"; do
  round="$work/round-$n"
  "$bin/examples/generate" --agencies "$n" --seed 2026 --out "$round" --invalid-share 0.01 2>/dev/null
  mb=$(du -sm --apparent-size "$round" | cut -f1)
  read -r p1 _ < <(measure "$bin/examples/parse_only" "$round" -j 1)
  read -r p2 _ < <(measure "$bin/examples/parse_only" "$round" -j 2)
  read -r b1 r1 < <(measure "$bin/dgmat" batch "$round" --out "$work/out-$n" -j 1 --quiet)
  read -r b2 r2 < <(measure "$bin/dgmat" batch "$round" --out "$work/out-$n" -j 2 --quiet)
  rss[$n]=$r2
  for run in "parse-only -j1:$p1:" "parse-only -j2:$p2:" "batch -j1:$b1:$r1:$p1" "batch -j2:$b2:$r2:$p2"; do
    IFS=: read -r name secs kb base <<<"$run"
    speed=$(awk -v a="$n" -v s="$secs" 'BEGIN{printf "%.0f", a/s}')
    mbs=$(awk -v m="$mb" -v s="$secs" 'BEGIN{printf "%.1f", m/s}')
    peak=$([ -n "$kb" ] && awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}' || echo -)
    ratio=$([ -n "$base" ] && awk -v b="$secs" -v p="$base" 'BEGIN{printf "%.2f", b/p}' || echo -)
    up=$([ "$name" = "batch -j2" ] && awk -v a="$b1" -v b="$b2" 'BEGIN{printf "%.2f", a/b}' || echo -)
    printf '%-8s %-6s %-14s %7s %9s %8s %10s %8s %8s\n' "$n" "$mb" "$name" "$secs" "$speed" "$mbs" "$peak" "$up" "$ratio"
  done
done
if [ -n "${rss[340]:-}" ] && [ -n "${rss[3400]:-}" ]; then
  awk -v a="${rss[3400]}" -v b="${rss[340]}" 'BEGIN{printf "peak RSS, 3400 vs 340 agencies (-j 2): %.2fx\n", a/b}'
fi
