#!/usr/bin/env bash
# Fuzzes medterm's readers, text repair and layout with libFuzzer + AddressSanitizer.
#
#   Tests/Fuzz/run.sh --smoke                 # CI: every target briefly, fixed seed
#   Tests/Fuzz/run.sh --seconds 600 [TARGET…] # longer runs by hand
#   Tests/Fuzz/run.sh --replay FILE… --target T  # run inputs once (e.g. a crash file)
#
# Targets: page textdump markdown html xml text layout (sources in Targets/, one
# LLVMFuzzerTestOneInput each). They are not SwiftPM targets: swift build never sees them.
# The package's MedlinePlus and BrowserCore sources are compiled here, with swiftc, into
# one instrumented module named MedlinePlus (BrowserCore's `import MedlinePlus` then names
# its own module, which swiftc ignores with a warning), so targets reach internal API with
# @testable import.
#
# Every target first replays Tests/Corpus/fuzz-regressions (old crashes stay fixed), then
# fuzzes from a corpus seeded with Tests/Corpus, Tests/Fuzz/Seeds and the regressions.
# A crash, a trap, a sanitizer report, a leak or a timeout fails the run (exit 1); the
# artifacts and logs stay in the work directory printed at the end. Minimise a crash with
#   .build/fuzz/TARGET -minimize_crash=1 -runs=100000 CRASHFILE
# Environment: FUZZ_BUILD_DIR (default .build/fuzz), FUZZ_WORK_DIR (default a new temp dir),
# FUZZ_TIMEOUT (seconds per input, default 10), FUZZ_MAX_LEN (default 16384: larger seeds
# are cut, and small inputs run many times faster).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

all_targets=(page textdump markdown html xml text layout)
seconds=""
smoke=0
replay=()
replay_target=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; seconds=12 ;;
    --seconds) seconds="$2"; shift ;;
    --replay) shift; while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do replay+=("$1"); shift; done; continue ;;
    --target) replay_target="$2"; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 64 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
if [ ${#targets[@]} -eq 0 ]; then targets=("${all_targets[@]}"); fi
if [ -z "$seconds" ] && [ ${#replay[@]} -eq 0 ]; then
  echo "usage: run.sh --smoke | --seconds N [TARGET…] | --replay FILE… --target T" >&2
  exit 64
fi

build="${FUZZ_BUILD_DIR:-$root/.build/fuzz}"
timeout="${FUZZ_TIMEOUT:-10}"
max_len="${FUZZ_MAX_LEN:-16384}"
mkdir -p "$build"

# Swift's crash backtracer waits for a debugger-style symbolication that never ends under
# libFuzzer; ASan's report is what we want. Leaks are checked (LeakSanitizer comes with ASan).
export SWIFT_BACKTRACE=enable=no
# A short allocation context: recording 30 frames for every allocation was a fifth of the
# run time of these allocation-heavy targets; reports still show where a bad access is.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=4:symbolize=1}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

swiftc=(swiftc -sanitize=fuzzer,address -parse-as-library -O -g -enable-testing
  -I "$root/Sources/CLibXML2" -Xcc -I/usr/include/libxml2)

# The library: rebuilt when a source file, this script or a support file is newer.
library="$build/libMedlinePlus.a"
mapfile -t sources < <(find Sources/MedlinePlus Sources/BrowserCore -name '*.swift' | sort)
if [ ! -f "$library" ] || [ -n "$(find Sources/MedlinePlus Sources/BrowserCore "$0" \
  -newer "$library" -print -quit)" ]; then
  echo "== building the instrumented library (${#sources[@]} files)"
  start=$SECONDS
  "${swiftc[@]}" -suppress-warnings -module-name MedlinePlus -emit-module \
    -emit-module-path "$build/MedlinePlus.swiftmodule" -emit-library -static \
    -o "$library.tmp" "${sources[@]}"
  mv "$library.tmp" "$library"
  echo "   $((SECONDS - start)) s"
fi

build_target() {
  local target="$1" binary="$build/$1"
  if [ -f "$binary" ] && [ -z "$(find "$library" "$here/Support" "$here/Targets/$target.swift" \
    -newer "$binary" -print -quit)" ]; then
    return
  fi
  echo "== building $target"
  # ld.gold warns about ASan's local symbols; those lines say nothing about our code.
  "${swiftc[@]}" -I "$build" -L "$build" -lMedlinePlus -lxml2 -module-name "Fuzz_$target" \
    "$here"/Support/*.swift "$here/Targets/$target.swift" -o "$binary" 2>&1 \
    | { grep -v -e 'Cannot export local symbol' || true; }
  [ -x "$binary" ] || { echo "run.sh: $target did not build" >&2; exit 1; }
}

if [ ${#replay[@]} -gt 0 ]; then
  [ -n "$replay_target" ] || { echo "run.sh: --replay needs --target" >&2; exit 64; }
  build_target "$replay_target"
  exec "$build/$replay_target" -timeout="$timeout" "${replay[@]}"
fi

work="${FUZZ_WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/medterm-fuzz.XXXXXX")}"
mkdir -p "$work"
corpus="$root/Tests/Corpus"
regressions="$corpus/fuzz-regressions"

# Seeds per target. html and layout read settings from their first bytes, so their seeds
# get a header: html `\0` (full reader, UTF-8); layout 80 columns (0x4F) and a format/height
# byte (0xB8 Markdown, 0xB9 HTML, 0xBA text dump, 0xBB XML; 24 rows).
seed_files() {
  case "$1" in
    page) ls "$corpus"/*.{txt,md,xml,json} "$corpus"/fixtures/*.html "$corpus"/web/*.html \
      "$here"/Seeds/* ;;
    textdump) ls "$corpus"/osteonecrosis.seed.txt "$here"/Seeds/*.txt "$here"/Seeds/*.md ;;
    markdown) ls "$corpus"/*.md "$corpus"/osteonecrosis.seed.txt "$here"/Seeds/*.md \
      "$here"/Seeds/*.txt ;;
    html) ls "$corpus"/fixtures/*.html "$corpus"/web/*.html "$here"/Seeds/*.html ;;
    xml) ls "$corpus"/*.xml "$here"/Seeds/*.xml ;;
    text) ls "$corpus"/osteonecrosis.seed.txt "$corpus"/fixtures/latin1.html "$here"/Seeds/* ;;
    layout) ls "$corpus"/*.md "$corpus"/osteonecrosis.seed.txt "$corpus"/fixtures/*.html \
      "$corpus"/*.xml "$here"/Seeds/* ;;
  esac
}

layout_header() {
  case "$1" in
    *.html) printf '\x4f\xb9' ;;
    *.txt) printf '\x4f\xba' ;;
    *.xml) printf '\x4f\xbb' ;;
    *) printf '\x4f\xb8' ;;
  esac
}

seed() {
  local target="$1" dir="$2" file name
  mkdir -p "$dir"
  while read -r file; do
    name="$(basename "$file")"
    case "$target" in
      html) { printf '\0'; cat "$file"; } >"$dir/$name" ;;
      layout) { layout_header "$file"; cat "$file"; } >"$dir/$name" ;;
      *) cp "$file" "$dir/$name" ;;
    esac
  done < <(seed_files "$target" 2>/dev/null)
  # Regressions are named TARGET-*: each goes to its own target, as found.
  if [ -d "$regressions" ]; then
    find "$regressions" -name "$target-*" -type f -exec cp {} "$dir/" \;
  fi
}

failed=()
summary=()
for target in "${targets[@]}"; do
  case " ${all_targets[*]} " in *" $target "*) ;; *) echo "run.sh: no target $target" >&2; exit 64 ;; esac
  build_target "$target"
  binary="$build/$target"
  artifacts="$work/artifacts/$target"
  mkdir -p "$artifacts"
  log="$work/$target.log"

  # Old crashes first: each runs once, so a regression fails here whatever the fuzzer does.
  mapfile -t old < <(find "$regressions" -name "$target-*" -type f 2>/dev/null | sort)
  if [ ${#old[@]} -gt 0 ]; then
    if ! "$binary" -timeout="$timeout" -artifact_prefix="$artifacts/" "${old[@]}" \
      >"$work/$target.regressions.log" 2>&1; then
      echo "!! $target: a regression input fails again (see $work/$target.regressions.log)"
      failed+=("$target")
      continue
    fi
  fi

  seed "$target" "$work/corpus/$target"
  options=(-max_total_time="$seconds" -timeout="$timeout" -max_len="$max_len"
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="$here/medterm.dict"
    -artifact_prefix="$artifacts/" -print_final_stats=1 -close_fd_mask=1)
  # Smoke runs start from a fixed seed so that CI sees the same mutations each time.
  if [ "$smoke" -eq 1 ]; then options+=(-seed=1); fi
  echo "== fuzzing $target for ${seconds} s"
  status=0
  "$binary" "${options[@]}" "$work/corpus/$target" >"$log" 2>&1 || status=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)"
  summary+=("$target: ${runs:-?} runs, ${cov:-cov: ?}, exit $status")
  if [ "$status" -ne 0 ]; then
    echo "!! $target failed (exit $status):"
    grep -E -m 5 'ERROR|SUMMARY|Fatal error|deadly signal|timeout after|Test unit written' \
      "$log" || tail -20 "$log"
    failed+=("$target")
  fi
done

echo "== summary"
for line in "${summary[@]}"; do echo "   $line"; done
echo "   work directory (logs, corpora, artifacts): $work"
if [ ${#failed[@]} -gt 0 ]; then
  echo "== FAILED: ${failed[*]}"
  exit 1
fi
# A passing smoke run leaves nothing behind unless a work directory was asked for.
if [ "$smoke" -eq 1 ] && [ -z "${FUZZ_WORK_DIR:-}" ]; then
  rm -rf "$work"
  echo "   (removed: the smoke run passed)"
fi
echo "== ok"
