/**
 * A small static server for output/ (node:http): feed content types with charset, strong ETags
 * from the bytes (the build is deterministic, so an unchanged file keeps its ETag across
 * rebuilds), Last-Modified, 304 for conditional requests, gzip when accepted, and no way out of
 * output/. `/healthz` answers JSON from a callback (last cycle summary, next run).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.xsl': 'text/xsl',
  '.xslt': 'application/xslt+xml',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
const TEXTUAL = /^(text\/|application\/(.+\+)?(xml|json|javascript)|image\/svg)/;

/** Content type of a file in output/, sniffing feeds by their root element / version key. */
export function contentType(file: string, head: string): string {
  const ext = path.extname(file).toLowerCase();
  let type = TYPES[ext] ?? 'application/octet-stream';
  if (ext === '.xml') {
    if (/<feed[\s>]/.test(head)) type = 'application/atom+xml';
    else if (/<rss[\s>]|<rdf:RDF[\s>]/.test(head)) type = 'application/rss+xml';
    else if (/<xsl:stylesheet[\s>]/.test(head)) type = 'application/xslt+xml';
  } else if (ext === '.json' && /jsonfeed\.org\/version\//.test(head)) {
    type = 'application/feed+json';
  }
  return TEXTUAL.test(type) ? `${type}; charset=utf-8` : type;
}

/** Resolve a request path inside `root`, or null when it would leave it (.., encoded or not). */
export async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  let file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    // A symlink inside output/ must not lead outside it either.
    const real = await realpath(file);
    const realRoot = await realpath(root);
    return real === realRoot || real.startsWith(realRoot + path.sep) ? real : null;
  } catch {
    return null;
  }
}

interface Cached {
  mtimeMs: number;
  size: number;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  type: string;
}

export interface ServeOptions {
  root: string;
  host: string;
  port: number;
  health: () => unknown;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const ae = String(req.headers['accept-encoding'] ?? '');
  return /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(ae);
}

export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const cache = new Map<string, Cached>();

  const load = async (file: string): Promise<Cached> => {
    const st = await stat(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const body = await readFile(file);
    const type = contentType(file, body.subarray(0, 1024).toString('utf8'));
    const entry: Cached = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      body,
      gzip: TEXTUAL.test(type) && body.length > 256 ? gzipSync(body) : null,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      type,
    };
    cache.set(file, entry);
    return entry;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    if (url.pathname === '/healthz') {
      const body = `${JSON.stringify(opts.health())}\n`;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const file = await resolveInside(opts.root, url.pathname);
    const f = file ? await load(file).catch(() => null) : null;
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const gz = f.gzip !== null && acceptsGzip(req);
    // The gzip variant is a different representation: it gets its own ETag.
    const etag = gz ? `${f.etag.slice(0, -1)}-gz"` : f.etag;
    const lastModified = new Date(Math.floor(f.mtimeMs / 1000) * 1000).toUTCString();
    const headers: Record<string, string> = {
      'content-type': f.type,
      etag,
      'last-modified': lastModified,
      'cache-control': 'public, max-age=60',
      'x-content-type-options': 'nosniff',
    };
    if (f.gzip !== null) headers.vary = 'Accept-Encoding';
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh =
      inm !== undefined
        ? inm.split(',').some((t) => {
            const v = t.trim().replace(/^W\//, '');
            return v === '*' || v === etag || v === f.etag;
          })
        : ims !== undefined && Date.parse(ims) >= Math.floor(f.mtimeMs / 1000) * 1000;
    if (fresh) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = gz ? f.gzip! : f.body;
    if (gz) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Let in-flight responses finish, then cut keep-alive sockets that would linger.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}
