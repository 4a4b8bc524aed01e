/**
 * Real traffic on 127.0.0.1 for the live-capture tests: a small DNS responder (UDP) and a
 * node HTTP server, both on ports the system picks, so that a BPF filter on those ports keeps
 * the capture to the test's own packets.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DnsResponder {
  port: number;
  close(): Promise<void>;
}

/**
 * Answers every A query with 127.0.0.1 (one answer, TTL 60). It listens on port 53, because
 * nDPI (and so our detector) calls DNS only what uses the DNS port. `host` can be another
 * loopback address (all of 127/8 is on lo), so that two test runs on one machine (two
 * worktrees) do not both need 127.0.0.1:53.
 */
export async function startDnsResponder(port = 53, host = '127.0.0.1'): Promise<DnsResponder> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    if (query.length < 12) return;
    const questionEnd = endOfQuestion(query);
    if (questionEnd < 0) return;
    const header = Buffer.from(query.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2); // response, recursion desired + available, no error
    header.writeUInt16BE(1, 6); // one answer
    const answer = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
    socket.send(Buffer.concat([header, query.subarray(12, questionEnd), answer]), peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', (e) => reject(new Error(`cannot listen on ${host}:${port} for the test DNS responder: ${e.message}`)));
    socket.bind(port, host, resolve);
  });
  return { port: (socket.address() as AddressInfo).port, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

function endOfQuestion(query: Buffer): number {
  let i = 12;
  while (i < query.length && query[i] !== 0) i += query[i]! + 1;
  return i + 5 <= query.length ? i + 5 : -1;
}

export interface DnsClient {
  /** The client's own port: a capture filter on it sees only this client's queries. */
  port: number;
  /** Sends one A query for `name` and resolves with the answer's bytes. */
  query(name: string): Promise<Buffer>;
  close(): void;
}

export async function dnsClient(serverPort: number, serverHost = '127.0.0.1'): Promise<DnsClient> {
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: (socket.address() as AddressInfo).port,
    query: (name) => dnsQuery(socket, serverHost, serverPort, name),
    close: () => socket.close(),
  };
}

async function dnsQuery(socket: Socket, host: string, port: number, name: string): Promise<Buffer> {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const query = Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), ...labels, Buffer.from([0, 0, 1, 0, 1])]);
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no DNS answer from ${host}:${port}`)), 3000);
      socket.once('message', (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      socket.send(query, port, host);
    });
  } finally {
    socket.removeAllListeners('message');
  }
}

export interface HttpPeer {
  port: number;
  /** A client agent that keeps its connection open: one TCP flow with no packets while idle (TCP keepalive probes only after 2 minutes). */
  agent: Agent;
  get(path: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHttpServer(): Promise<HttpPeer> {
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`hello ${req.url}\n`);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, keepAliveMsecs: 120_000, maxSockets: 1 });
  return {
    port,
    agent,
    get: (path) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent, headers: { Host: 'live-test.example' } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
        req.end();
      }),
    close: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves once `check` returns a value; rejects after `ms` with what was awaited. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether a process with this pid exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
