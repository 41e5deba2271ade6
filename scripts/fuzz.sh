#!/usr/bin/env bash
# Runs the libFuzzer targets for SECONDS each (default 300).
#   scripts/fuzz.sh [SECONDS] [matcher|rules|validate|all]
# Builds with -sanitize=fuzzer,address into .build-fuzz, seeds the corpora
# from Fixtures/ and Rules/, and leaves any crash reproducer in
# .build-fuzz/artifacts/. Replay one with the normal build:
#   swift run cardex-fuzz-matcher .build-fuzz/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
which=${2:-all}
scratch=.build-fuzz
mkdir -p "$scratch/artifacts"

run() {
  local name=$1 seeds=$2
  local product="cardex-fuzz-$name"
  swift build --scratch-path "$scratch" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld --product "$product"
  local corpus="$scratch/corpus-$name"
  mkdir -p "$corpus"
  # shellcheck disable=SC2086
  cp -n $seeds "$corpus/" 2>/dev/null || true
  echo "== $product for ${seconds}s"
  "$scratch/debug/$product" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$scratch/artifacts/$name-" -print_final_stats=1
}

# Feeds: the founding document's, and the dev corpus' expected records.
validate_seeds="Fixtures/*.feed.json Fixtures/dev/expected/00*.json"

# The validate target keeps the feed schema's tree for the whole run.
# LeakSanitizer cannot follow pointers in Swift's tagged enum payloads, so at
# exit it calls that tree a leak; leaks are still checked after each input.
validate_run() {
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}leak_check_at_exit=0" run validate "$validate_seeds"
}

case "$which" in
  matcher) run matcher "Fixtures/*.txt" ;;
  rules) run rules "Rules/grammar/*.yaml Rules/families/*.yaml Rules/elements/separators.yaml Rules/lexicons/competitions.yaml" ;;
  validate) validate_run ;;
  all)
    run matcher "Fixtures/*.txt"
    run rules "Rules/grammar/*.yaml Rules/families/*.yaml Rules/elements/separators.yaml Rules/lexicons/competitions.yaml"
    validate_run
    ;;
  *) echo "usage: $0 [SECONDS] [matcher|rules|validate|all]" >&2; exit 64 ;;
esac
