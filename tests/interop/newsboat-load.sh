#!/usr/bin/env bash
# Load one local feed file into newsboat (as a file:// URL: nothing goes to the network) and
# print what it stored in its cache as a JSON array of {guid, title, url, pubDate} (pubDate in
# Unix seconds). Exit 1 when newsboat reported an error for the feed.
# usage: tests/interop/newsboat-load.sh FILE
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'file://%s\n' "$(realpath "$1")" > "$tmp/urls"
: > "$tmp/config"
nb=(newsboat -u "$tmp/urls" -c "$tmp/cache.db" -C "$tmp/config")
HOME="$tmp" LC_ALL=C.UTF-8 "${nb[@]}" -x reload -l 1 -d "$tmp/log" </dev/null >/dev/null
# newsboat runs libxml2 in recover mode and rarely fails loudly; a USERERROR is its one signal.
if grep -h USERERROR "$tmp/log" >&2 2>/dev/null; then exit 1; fi
[ -f "$tmp/cache.db" ] || { echo "newsboat stored nothing" >&2; exit 1; }
out=$(sqlite3 -json "$tmp/cache.db" "select guid, title, url, pubDate from rss_item order by pubDate desc, guid;")
printf '%s\n' "${out:-[]}"
