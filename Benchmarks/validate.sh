#!/usr/bin/env bash
# Throughput of `cardex validate` on a large NDJSON feed (issue 17: 30 MB/s
# or more on 200 MB). Timing lives here, never in `swift test`.
#   Benchmarks/validate.sh [MB]         default: 200
# The feed: the records cardex finds in the 10 MB benchmark corpus
# (Benchmarks/make_corpus.py), repeated under a new source name each time
# (`r2/…`, `r3/…`: as many files with the same text; no record is a
# duplicate of another) until it holds MB megabytes. Env: BENCH_DIR
# (default .build-bench), REPEAT (runs, the best reported; default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
dir=${BENCH_DIR:-.build-bench}
mkdir -p "$dir"
static=()
[ "$(uname -s)" = Linux ] && static=(--static-swift-stdlib)
swift build -c release --product cardex "${static[@]}" >/dev/null
bin=.build/release/cardex

corpus="$dir/corpus-10.txt"
[ -f "$corpus" ] || python3 Benchmarks/make_corpus.py --mb 10 --out "$corpus" >/dev/null
feed="$dir/feed-$mb.ndjson"
if [ ! -f "$feed" ]; then
  "$bin" parse -q --format ndjson --jobs 1 "$corpus" >"$dir/feed-10.ndjson"
  python3 - "$dir/feed-10.ndjson" "$feed" "$mb" <<'PY'
import sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(src, "rb").read().split(b"\n")
header, body = lines[0], [l for l in lines[1:] if l]
with open(out, "wb") as f:
    f.write(header + b"\n")
    size, k = len(header) + 1, 1
    while size < mb * 1_000_000:
        for l in body:
            l = l.replace(b'"source":"', b'"source":"r%d/' % k) + b"\n"
            f.write(l)
            size += len(l)
        k += 1
PY
fi
bytes=$(stat -c %s "$feed")
records=$(($(wc -l <"$feed") - 1))
best="" rss_kb=0
for _ in $(seq "${REPEAT:-3}"); do
  /usr/bin/time -f '%e %M' -o "$dir/time-validate.txt" "$bin" validate "$feed" >"$dir/validate.out" || true
  read -r s kb <"$dir/time-validate.txt"
  best=$(python3 -c "print(min(x for x in [$s, ${best:-$s}]))")
  [ "$kb" -gt "$rss_kb" ] && rss_kb=$kb
done
python3 - "$bytes" "$records" "$best" "$rss_kb" "$(tail -1 "$dir/validate.out")" <<'PY'
import sys
size, records, s, rss, summary = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"feed {size/1e6:.1f} MB, {records} lines: best {s:.2f} s, {size/1e6/s:.1f} MB/s, peak RSS {rss/1024:.1f} MB ({summary})")
PY
