#!/usr/bin/python3
"""Parse a local feed with Debian's python3-feedparser and print what it read as JSON:
{"bozo": 0|1, "bozo_exception": str|null, "version": str, "title": str,
 "entries": [{"id", "title", "link", "date"}]} with date as RFC 3339 UTC (or null).

usage: python3 tests/interop/feedparser_check.py FILE
Exit status: 0 = parsed and not bozo, 1 = bozo (the reader found the XML broken).
"""
import json
import sys

import feedparser

# feedparser prefers libxml2's SAX driver when python3-libxml2 happens to be installed; a plain
# install (Debian's python3-feedparser, or pip) uses expat, which is what most users run.
feedparser.api.PREFERRED_XML_PARSERS[:] = []


def when(entry):
    t = entry.get('published_parsed') or entry.get('updated_parsed')
    return '%04d-%02d-%02dT%02d:%02d:%02dZ' % tuple(t[:6]) if t else None


def main(path):
    d = feedparser.parse(path)  # a local path: no network
    exc = d.get('bozo_exception')
    out = {
        'bozo': int(bool(d.get('bozo'))),
        'bozo_exception': ('%s: %s' % (type(exc).__name__, exc)) if exc else None,
        'version': d.get('version') or '',
        'title': d.feed.get('title'),
        'entries': [
            {'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), 'date': when(e)}
            for e in d.entries
        ],
    }
    print(json.dumps(out))
    return 1 if out['bozo'] else 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
