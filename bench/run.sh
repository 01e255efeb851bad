#!/usr/bin/env bash
# run.sh: build mtlint and measure it on a 50 MB corpus of documentation
# (see make-corpus.sh): throughput at --jobs 1 and 2, peak memory, and
# start-up time on a 1 KB file. Run from anywhere in the repository.
# BENCH_GLOSSARY=FILE adds --glossary FILE (e.g. 10,000 names) to every run
# but the first, which measures the run without a glossary.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${BENCH_DIR:-$(mktemp -d)}
mb=${BENCH_MB:-50}
bin="$work/mtlint"
go build -o "$bin" ./cmd/mtlint
[ -d "$work/corpus" ] || bench/make-corpus.sh "$work/corpus" "$mb"
bytes=$(cat "$work"/corpus/*.txt | wc -c)

now() { date +%s.%N; }

gl=()
if [ -n "${BENCH_GLOSSARY:-}" ]; then
	gl=(--glossary "$BENCH_GLOSSARY")
fi

for run in none 1 2; do
	jobs=$run args=("${gl[@]}") what="--jobs $run${BENCH_GLOSSARY:+, glossary}"
	if [ "$run" = none ]; then
		jobs=1 args=() what="--jobs 1, no glossary"
	fi
	start=$(now)
	"$bin" check --quiet --format json --fail-on none --jobs "$jobs" "${args[@]}" "$work/corpus" >/dev/null
	end=$(now)
	awk -v b="$bytes" -v s="$start" -v e="$end" -v w="$what" \
		'BEGIN { printf "throughput (%s): %.1f MB/s (%.1f MB in %.2f s)\n", w, b/1048576/(e-s), b/1048576, e-s }'
done

if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$bin" check --quiet --format json --fail-on none --jobs 2 "${gl[@]}" "$work/corpus" 2>"$work/time.txt" >/dev/null
	awk -F: '/Maximum resident set size/ { printf "peak RSS --jobs 2: %.1f MB\n", $2/1024 }' "$work/time.txt"
else
	echo "peak RSS: /usr/bin/time not found (apt-get install time)"
fi

# Start-up: the mean of 50 runs on a 1 KB file.
small="$work/small.txt"
head -c 1024 "$work/corpus/doc000.txt" >"$small"
runs=50
start=$(now)
for _ in $(seq "$runs"); do
	"$bin" check --quiet --fail-on none "${gl[@]}" "$small" >/dev/null
done
end=$(now)
awk -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "start-up on a 1 KB file: %.1f ms (mean of %d runs)\n", (e-s)*1000/n, n }'

if [ -z "${BENCH_DIR:-}" ]; then
	rm -rf "$work"
fi
