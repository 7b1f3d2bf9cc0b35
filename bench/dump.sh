#!/usr/bin/env bash
# Write what the CLI gives for every page Lectern is checked on (the Readability.js corpus, the
# trafilatura evaluation pages when present, every fixture under tests/fixtures), one line per
# page, so that a change meant to keep behaviour can be checked to keep it byte for byte:
#
#   bench/dump.sh /tmp/before.tsv      # on the commit before the change
#   bench/dump.sh /tmp/after.tsv       # after it
#   cmp /tmp/before.tsv /tmp/after.tsv && echo unchanged
#
# Each line is `NAME<TAB>JSON`, or `NAME<TAB>exit N: MESSAGE` for a page without an article; the
# one field that differs from run to run, stats.elapsed_ms, is written as 0. Uses the release CLI
# (target/release/lectern, built first). Corpus folders as in tests/common: LECTERN_CORPUS, else
# ../shared/corpus beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bench/dump.sh OUT_FILE}
cargo build --release --bin lectern >&2
cli=target/release/lectern
err=$(mktemp)
trap 'rm -f "$err"' EXIT
corpus=${LECTERN_CORPUS:-../shared/corpus/readability-test-pages}
trafilatura=${LECTERN_TRAFILATURA:-$(dirname "$corpus")/trafilatura-eval}

dump_page() { # name, file, url
    local json
    if json=$("$cli" extract "$2" --url "$3" --format json 2>"$err"); then
        printf '%s\t%s\n' "$1" "$(sed -E 's/"elapsed_ms":[-0-9.eE+]+/"elapsed_ms":0/' <<<"$json")"
    else
        printf '%s\texit %s: %s\n' "$1" "$?" "$(tr '\n' ' ' <"$err")"
    fi
}

{
    for dir in "$corpus"/*/; do
        [ -f "$dir/source.html" ] && dump_page "corpus/$(basename "$dir")" "$dir/source.html" http://fakehost/test/page.html
    done
    if [ -d "$trafilatura" ]; then
        for file in "$trafilatura"/cache/* "$trafilatura"/eval/*; do
            [ -f "$file" ] && dump_page "trafilatura/$(basename "$file")" "$file" https://example.org/page.html
        done
    fi
    for file in tests/fixtures/*/*.html; do
        dump_page "fixture/${file#tests/fixtures/}" "$file" https://news.example/story.html
    done
} >"$out"
echo "bench/dump.sh: $(wc -l <"$out") pages written to $out" >&2
