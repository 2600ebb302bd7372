/**
 * Handlers for tests/helpers/server.ts that misbehave the way real feed servers do: hang, drip,
 * reset mid-body, stream a huge body, loop redirects, redirect to file:, compress, and answer
 * with the status codes a watcher must survive.
 */
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import type { Handler } from './server.js';

/** Accept the request and never answer. */
export const hang: Handler = () => new Promise<void>(() => undefined);

/** Send headers, then one byte a second forever. */
export const drip: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<');
  const timer = setInterval(() => res.write(' '), 1000);
  res.on('close', () => clearInterval(timer));
};

/** Promise a long body, send a little of it, then destroy the socket. */
export const resetMidBody: Handler = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '100000' });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>cut');
  setTimeout(() => req.socket.destroy(), 50);
};

/** Stream `bytes` bytes of XML-ish filler in 64 KiB chunks, honouring backpressure, never holding it all. */
export function huge(bytes: number, opts: { declareLength: boolean }): Handler {
  return (_req, res) => {
    // Without Content-Length the body is chunked: the client can only notice the size by counting.
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...(opts.declareLength ? { 'content-length': String(bytes) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => (sent = bytes));
    pump();
  };
}

/** A body that is small on the wire and `bytes` long once decompressed (a gzip bomb, in miniature). */
export function compressed(body: Buffer, encoding: 'gzip' | 'br' | 'deflate', headers: Record<string, string> = {}): Handler {
  const wire = encoding === 'gzip' ? gzipSync(body) : encoding === 'br' ? brotliCompressSync(body) : deflateSync(body);
  return (_req, res) => {
    res.writeHead(200, { 'content-encoding': encoding, 'content-length': String(wire.length), ...headers }).end(wire);
  };
}

export function redirect(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

/** /loop/N redirects to /loop/N+1 forever. */
export const redirectLoop: Handler = (req, res) => {
  const n = Number(/\/loop\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
  res.writeHead(302, { location: `/loop/${n + 1}` }).end();
};

export function status(code: number, headers: Record<string, string> = {}, body = ''): Handler {
  return (_req, res) => {
    res.writeHead(code, headers).end(body);
  };
}

/** 304 when the request carries the given validators, else the body with them. */
export function conditional(body: string | Buffer, etag: string, lastModified: string, headers: Record<string, string> = {}): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { etag, 'last-modified': lastModified, 'cache-control': 'max-age=300', ...headers }).end(body);
  };
}
