#!/usr/bin/env bash
# make-corpus.sh OUTDIR [MB]: build a benchmark corpus of English prose from
# Debian documentation packages (the Debian Reference, the Python and the
# Linux kernel documentation), MB megabytes (default 50) of plain text cut
# into files of about 1 MB at line ends. Installs the packages with apt-get
# when they are missing (needs root or sudo).
set -euo pipefail

out=${1:?usage: make-corpus.sh OUTDIR [MB]}
mb=${2:-50}
pkgs=(debian-reference-en python3-doc linux-doc)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# All the text, once: Debian Reference (plain text), the Python
# documentation sources, the kernel documentation (reStructuredText; its
# translations into other languages left out).
text() {
	zcat /usr/share/debian-reference/debian-reference.en.txt.gz
	# python3-doc installs one folder per Python version; links point at it.
	for d in $(realpath -e /usr/share/doc/python3*/html/_sources 2>/dev/null | sort -u); do
		find "$d" -name '*.txt' -print0 | sort -z | xargs -0 cat
	done
	find -L /usr/share/doc/linux-doc/Documentation -name '*.rst.gz' -not -path '*/translations/*' -print0 2>/dev/null | sort -z | xargs -0 zcat
	find -L /usr/share/doc/linux-doc/Documentation -name '*.rst' -not -path '*/translations/*' -print0 2>/dev/null | sort -z | xargs -0 cat
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
text >"$tmp"
size=$(stat -c %s "$tmp")
if [ "$size" -eq 0 ]; then
	echo "make-corpus.sh: no documentation text found" >&2
	exit 1
fi

rm -rf "$out"
mkdir -p "$out"
want=$((mb * 1024 * 1024))
# Repeat the text until it is big enough, then cut it to size (cat stops
# with SIGPIPE when head has enough).
{
	n=0
	while [ $((n * size)) -lt "$want" ]; do
		cat "$tmp"
		n=$((n + 1))
	done
} | head -c "$want" | split -C 1M -d -a 3 --additional-suffix=.txt - "$out/doc" || true
got=$(cat "$out"/*.txt | wc -c)
if [ "$got" -ne "$want" ]; then
	echo "make-corpus.sh: wrote $got bytes, want $want" >&2
	exit 1
fi
echo "make-corpus.sh: $(du -sh "$out" | cut -f1) in $(ls "$out" | wc -l) files in $out" >&2
