#!/usr/bin/env bash
# Throughput benchmark: cardex (release) against the Python `re` baseline on
# generated corpora. Timing lives here, never in `swift test`.
#   Benchmarks/run.sh [MB ...]          default: 10 100 1000
# Env: BENCH_DIR (corpora and results, default .build-bench), JOBS (passed
# as --jobs; default: cardex's own default), FORMAT (the feed format timed,
# ndjson or json; default ndjson), PAIRS (rounds of the --jobs
# scaling check, default 5; 0 skips it), REPEAT (runs of each size, cardex
# and Python in turn, the best of each reported; default 3), CC (compiles
# the machine probe, Benchmarks/ipc_probe.c, for those rounds; default cc).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000)
dir=${BENCH_DIR:-.build-bench}
mkdir -p "$dir"
# The Swift runtime linked in (Linux): start-up skips resolving the shared
# libraries' symbols, about a fifth of it (docs/performance.md).
static=()
[ "$(uname -s)" = Linux ] && static=(--static-swift-stdlib)
swift build -c release --product cardex "${static[@]}" >/dev/null
bin=.build/release/cardex
jobs=()
[ -n "${JOBS:-}" ] && jobs=(--jobs "$JOBS")
format=${FORMAT:-ndjson}

printf '%-8s %10s %10s %10s %12s %10s %10s %8s %s\n' size cardex_s MB/s recs/s peakRSS_MB python_s py_MB/s ratio found/planted
for mb in "${sizes[@]}"; do
  corpus="$dir/corpus-$mb.txt"
  [ -f "$corpus" ] || python3 Benchmarks/make_corpus.py --mb "$mb" --out "$corpus" >/dev/null
  bytes=$(stat -c %s "$corpus")
  planted=$(python3 -c "import json;d=json.load(open('$corpus.planted.json'));print(d['bouts']+d['fixtures'])")
  # REPEAT runs of each, cardex and Python in turn; the best of each
  # counts (the run the shared machine disturbed least), and the largest
  # peak RSS.
  secs="" pysecs="" rss_kb=0
  for _ in $(seq "${REPEAT:-3}"); do
    /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$bin" parse -q --format "$format" "${jobs[@]}" "$corpus" >/dev/null
    read -r s kb <"$dir/time.txt"
    /usr/bin/time -f '%e %M' -o "$dir/time-py.txt" python3 Benchmarks/baseline_re.py "$corpus" >/dev/null
    read -r p _ <"$dir/time-py.txt"
    secs=$(python3 -c "print(min(x for x in [$s, ${secs:-$s}]))")
    pysecs=$(python3 -c "print(min(x for x in [$p, ${pysecs:-$p}]))")
    [ "$kb" -gt "$rss_kb" ] && rss_kb=$kb
  done
  found=$("$bin" parse -q --format ndjson "${jobs[@]}" "$corpus" | grep -c -E '^\{"[^"]*".*"type":"(bout|fixture)"' || true)
  python3 - "$mb" "$bytes" "$secs" "$rss_kb" "$pysecs" "$found" "$planted" <<'PY'
import sys
mb, size, s, rss, py, found, planted = sys.argv[1:]
size, s, rss, py = int(size), float(s), int(rss), float(py)
s = max(s, 0.001)
print(f"{mb+'MB':<8} {s:10.2f} {size/1e6/s:10.1f} {int(planted)/s:10.0f} {rss/1024:12.1f} {py:10.2f} {size/1e6/max(py,0.001):10.1f} {py/s:8.2f} {found}/{planted}{'' if found == planted else '  MISMATCH'}")
PY
done
# Start-up with the shipped rules: the median of 20 runs on empty input,
# with the compiled-rules cache filled by a first run, and with --no-cache
# (the rules built from their files), the two in turn.
python3 - "$bin" <<'PY'
import subprocess, sys, time
modes = {"rules from the cache": [], "--no-cache": []}
subprocess.run([sys.argv[1], "parse", "-q", "/dev/null"], stdout=subprocess.DEVNULL, check=True)
for _ in range(20):
    for mode, runs in modes.items():
        t = time.perf_counter()
        subprocess.run([sys.argv[1], "parse", "-q", "/dev/null"] + (["--no-cache"] if mode == "--no-cache" else []),
                       stdout=subprocess.DEVNULL, check=True)
        runs.append(time.perf_counter() - t)
for mode, runs in modes.items():
    runs.sort()
    print(f"startup: median {(runs[9]+runs[10])*500:.1f} ms, min {runs[0]*1000:.1f} ms (20 runs, parse of empty input, {mode})")
PY
# --jobs scaling: --jobs 1 and --jobs <cores> in alternation on the last
# size given, so that both see the same machine (on a shared VM the speed of
# one core drifts by a third within minutes); medians and their ratio. Each
# round also runs <cores> independent --jobs 1 processes side by side: what
# the machine gives a program that shares nothing, the ceiling for --jobs.
pairs=${PAIRS:-5}
if [ "$pairs" -gt 0 ]; then
  # A probe of the machine (Benchmarks/ipc_probe.c), if a C compiler is at
  # hand: how a wide integer loop and a dependent chain scale from one core
  # to all of them, alternated with the --jobs rounds.
  probe=""
  if ${CC:-cc} -O2 -o "$dir/ipc_probe" Benchmarks/ipc_probe.c 2>/dev/null; then probe="$dir/ipc_probe"; fi
  python3 - "$bin" "$dir/corpus-${sizes[-1]}.txt" "$pairs" "$probe" <<'PY'
import os, statistics, subprocess, sys, time
binary, corpus, pairs, probe = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cores = os.cpu_count() or 1
def command(jobs):
    return [binary, "parse", "-q", "--format", "ndjson", "--jobs", str(jobs), corpus]
def run(jobs, copies=1):
    t = time.perf_counter()
    procs = [subprocess.Popen(command(jobs), stdout=subprocess.DEVNULL) for _ in range(copies)]
    for p in procs:
        if p.wait() != 0:
            sys.exit("cardex failed")
    return time.perf_counter() - t
def probe_scaling(mode):
    # Throughput of `cores` copies side by side over one copy alone.
    def go(copies):
        procs = [subprocess.Popen([probe, mode, "400000000"], stdout=subprocess.PIPE, text=True) for _ in range(copies)]
        return max(float(p.communicate()[0].split()[0]) for p in procs)
    return cores * go(1) / go(cores)
one, many, apart, wide, chain = [], [], [], [], []
for _ in range(pairs):
    one.append(run(1))
    many.append(run(cores))
    apart.append(run(1, copies=cores))
    if probe:
        wide.append(probe_scaling("wide"))
        chain.append(probe_scaling("chain"))
a, b, c = statistics.median(one), statistics.median(many), statistics.median(apart)
print(f"jobs: --jobs 1 median {a:.2f} s, --jobs {cores} median {b:.2f} s, speed-up {a/b:.2f}x "
      f"(rounds: {' '.join(f'{x/y:.2f}' for x, y in zip(one, many))}; {pairs} alternating rounds on {os.path.basename(corpus)})")
print(f"jobs ceiling: {cores} independent --jobs 1 runs side by side, median {c:.2f} s for {cores}x the work: "
      f"{cores * a / c:.2f}x the throughput of one")
if probe:
    print(f"machine: {cores} copies of a wide integer loop side by side get {statistics.median(wide):.2f}x the throughput of one "
          f"(rounds: {' '.join(f'{x:.2f}' for x in wide)}); of a dependent chain {statistics.median(chain):.2f}x "
          f"(rounds: {' '.join(f'{x:.2f}' for x in chain)})")
PY
fi
