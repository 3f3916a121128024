#!/usr/bin/env bash
# Benchmark of dgmat's loader, `check` and `batch` on synthetic national rounds (figures, not a
# test). Everything is printed side by side in one run.
#
#   bench/batch.sh [AGENCIES...]      default: 340 3400
#   AJV=/path/to/node_modules/.bin/ajv bench/batch.sh 340     with ajv-cli beside `check`
#   SHAPE=light bench/batch.sh 340 3400    the lighter round of the speed issue (20-400 systems,
#                                          about 33 KB per agency) instead of the full one
#
# For each round size it generates a round (fixed seed, 1% broken submissions), then measures
# with /usr/bin/time (wall seconds, peak RSS):
#   events -jN   the YAML parser's events only, no tree (the floor: examples/parse_only.rs --events)
#   serde -j1    the first loader: the node tree through serde-saphyr
#   evtree -j1   the second loader: the node tree built from the parser's events
#   loader -jN   the loader dgmat uses: the fast reader of everyday YAML (src/load/scan.rs),
#                falling back to the event path and serde for the rest
#   check -jN    `dgmat check ROUND/*/* -f json` (load, assess, every finding)
#   batch -jN    `dgmat batch ROUND --out ...` into an empty folder (every output: reports,
#                summaries, index, sync); the same work at each -j
#   rerun -j2    the same into the -j2 run's folder: the new set replaces the old one, which
#                is removed (a round run again)
#   ajv-cli      `ajv validate` of the same inventories against `dgmat schema inventory`, when
#                AJV names an ajv binary (npm install --prefix DIR ajv-cli ajv-formats) or `ajv`
#                is on PATH; run from its install folder so that `-c ajv-formats` resolves.
# vs_floor is a run's time over the events-only time at the same -j; the last lines compare the
# figures with the targets.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(340 3400)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
cargo build --release --quiet --bin dgmat --example generate --example parse_only
bin=${CARGO_TARGET_DIR:-target}/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ajv=${AJV:-$(command -v ajv || true)}
shape=${SHAPE:-full}
echo "round shape: $shape"


# Runs a command, prints "seconds peak_kb". GNU time writes "Command exited with non-zero
# status" first when a run finds invalid submissions; the figures are on the last line.
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true; tail -n 1 "$work/time"; }
# The same, printing "seconds peak_kb exit_status".
measure_exit() { /usr/bin/time -f "%e %M %x" -o "$work/time" "$@" >/dev/null 2>&1 || true; tail -n 1 "$work/time"; }

"$bin/dgmat" schema inventory >"$work/inventory.schema.json"
printf '%-8s %-6s %-12s %7s %8s %8s %9s\n' agencies MB run wall_s MB/s peak_MB vs_floor
declare -A t kb
for n in "${sizes[@]}"; do
  round="$work/round-$n"
  "$bin/examples/generate" --agencies "$n" --seed 2026 --out "$round" --invalid-share 0.01 --shape "$shape" 2>/dev/null
  mb=$(du -sm --apparent-size "$round" | cut -f1)
  runs=()
  for j in 1 2; do
    read -r t["events$j"] kb["events$j"] < <(measure "$bin/examples/parse_only" "$round" -j "$j" --events); runs+=("events$j")
  done
  read -r t[serde1] kb[serde1] < <(measure "$bin/examples/parse_only" "$round" -j 1 --serde); runs+=(serde1)
  read -r t[evtree1] kb[evtree1] < <(measure "$bin/examples/parse_only" "$round" -j 1 --event-tree); runs+=(evtree1)
  for j in 1 2; do
    read -r t["loader$j"] kb["loader$j"] < <(measure "$bin/examples/parse_only" "$round" -j "$j"); runs+=("loader$j")
  done
  for j in 1 2; do
    read -r t["check$j"] kb["check$j"] < <(measure "$bin/dgmat" check "$round"/*/* -f json -j "$j"); runs+=("check$j")
  done
  # Each batch into a folder of its own, the rerun into the -j2 run's. Nothing is removed between
  # timed runs: on ext4 a file created within seconds of thousands of deletions costs a scan
  # past the freshly freed inodes, which would time the removal instead of the run.
  for j in 1 2; do
    sync
    read -r t["batch$j"] kb["batch$j"] < <(measure "$bin/dgmat" batch "$round" --out "$work/out-$n-$j" -j "$j" --quiet); runs+=("batch$j")
  done
  sync
  read -r t[rerun2] kb[rerun2] < <(measure "$bin/dgmat" batch "$round" --out "$work/out-$n-2" -j 2 --quiet); runs+=(rerun2)
  if [ -n "$ajv" ]; then
    # From ajv's install folder, so that `-c ajv-formats` resolves; the paths are absolute.
    read -r t[ajv] kb[ajv] ajv_exit < <(cd "$(dirname "$(readlink -f "$ajv")")/../.." && measure_exit "$ajv" validate --spec=draft2020 \
      -c ajv-formats --strict=false -s "$work/inventory.schema.json" -d "$round/*/*/inventory.yaml"); runs+=(ajv)
    # ajv-cli exits 2 when a file is not YAML at all: it stops there and the rest go unchecked.
    if [ "$ajv_exit" = 2 ]; then
      echo "note: ajv-cli stopped at a file it could not parse (exit 2): its time covers only part of the round" >&2
      unset 't[ajv]'; runs=("${runs[@]/ajv}")
    fi
  fi
  for run in "${runs[@]}"; do
    [ -n "$run" ] || continue
    j=${run: -1}; [[ $j =~ [12] ]] || j=1
    name=$run; [[ $run =~ [12]$ ]] && name="${run%?} -j$j"; [ "$run" = ajv ] && name=ajv-cli
    secs=${t[$run]}
    mbs=$(awk -v m="$mb" -v s="$secs" 'BEGIN{printf "%.1f", m/s}')
    peak=$(awk -v k="${kb[$run]}" 'BEGIN{printf "%.0f", k/1024}')
    ratio=$(awk -v b="$secs" -v p="${t[events$j]}" 'BEGIN{printf "%.2f", b/p}')
    printf '%-8s %-6s %-12s %7s %8s %8s %9s\n' "$n" "$mb" "$name" "$secs" "$mbs" "$peak" "$ratio"
  done
  # Against the targets of the speed issue.
  awk -v n="$n" -v mb="$mb" -v l="${t[loader1]}" -v s="${t[serde1]}" -v c1="${t[check1]}" -v c2="${t[check2]}" \
      -v b1="${t[batch1]}" -v b2="${t[batch2]}" -v r2="${t[rerun2]}" -v f2="${t[events2]}" -v a="${t[ajv]:-}" -v rss="${kb[batch2]}" -v crss="${kb[check2]}" 'BEGIN{
    printf "%s agencies: loader %.1f MB/s on one thread (target >= 25; serde path %.1f MB/s)\n", n, mb/l, mb/s
    printf "%s agencies: batch -j2 = %.2fx the events-only floor at -j2 (target <= 3); -j2 is %.2fx faster than -j1 (target >= 1.8)\n", n, b2/f2, b1/b2
    printf "%s agencies: rerun -j2 (replacing the previous set) = %.2fx the floor\n", n, r2/f2
    printf "%s agencies: check -j2 is %.2fx faster than -j1; peak memory batch -j2 %.0f MB, check -j2 %.0f MB (target < 100)\n", n, c1/c2, rss/1024, crss/1024
    if (a != "") printf "%s agencies: check -j2 is %.2fx faster than ajv-cli (target >= 3)\n", n, a/c2
  }'
  unset 't[ajv]' 'kb[ajv]'
  rm -rf "$work/out-$n-1" "$work/out-$n-2"
  sync
  sleep 6
done
