// A TCP proxy on 127.0.0.1 that behaves like a poor (2G) link: every byte is delayed by half the
// round trip in its direction, each direction is one link of limited bandwidth shared by all
// connections, and some connections are cut part-way. Reproducible for a given seed.
import { connect, createServer, type Socket } from 'node:net';

export type ThrottleProxyOptions = {
  target: { host: string; port: number };
  /** Bandwidth of each direction, shared by all connections (default 50 kbit/s). */
  kbitPerSecond?: number;
  /** Round-trip time; each direction adds half of it (default 600 ms). */
  roundTripMs?: number;
  /** Chance that a new connection is cut after its first 1 to 2048 bytes (default 0.05). */
  cutProbability?: number;
  /** Seed of the generator that picks the connections to cut and where (default 1). */
  seed?: number;
};

export type ThrottleProxyStats = {
  /** Connections accepted. */
  connections: number;
  /** Connections cut. */
  cut: number;
  /** Bytes delivered to the target. */
  bytesUp: number;
  /** Bytes delivered to the client. */
  bytesDown: number;
};

export type ThrottleProxy = {
  port: number;
  /** `http://127.0.0.1:PORT/` */
  url: string;
  stats: ThrottleProxyStats;
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
};

/** Largest piece sent over the link at once, so data trickles in as it would over TCP. */
const segmentBytes = 1024;
/** Bytes waiting in one direction of one connection before its sender is paused. */
const highWaterBytes = 64 * 1024;
/** A cut connection is cut after at most this many bytes (both directions together). */
const cutWithinBytes = 2048;

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One direction of the link: a serial line, so its pieces leave one after another. */
type Link = { freeAt: number; msPerByte: number; delayMs: number };

/** What waits to be delivered in one direction of one connection. */
type Item = { at: number; data: Buffer } | { at: number; end: true } | { at: number; reset: true };

/** Starts the proxy; it forwards to target. */
export async function startThrottleProxy(options: ThrottleProxyOptions): Promise<ThrottleProxy> {
  const {
    target,
    kbitPerSecond = 50,
    roundTripMs = 600,
    cutProbability = 0.05,
    seed = 1,
  } = options;
  const random = generator(seed);
  const stats: ThrottleProxyStats = { connections: 0, cut: 0, bytesUp: 0, bytesDown: 0 };
  const msPerByte = 8 / kbitPerSecond; // 8 bits per byte at kbitPerSecond bits per millisecond.
  const up: Link = { freeAt: 0, msPerByte, delayMs: roundTripMs / 2 };
  const down: Link = { freeAt: 0, msPerByte, delayMs: roundTripMs / 2 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    stats.connections++;
    // Two draws per connection whatever the outcome, so connection n always gets the same fate.
    const cutDraw = random();
    const cutAt = 1 + Math.floor(random() * cutWithinBytes);
    const cutAfter = cutDraw < cutProbability ? cutAt : Infinity;
    let passed = 0;
    let dead = false;

    const upstream = connect({ host: target.host, port: target.port, allowHalfOpen: true });
    sockets.add(client);
    sockets.add(upstream);

    const kill = (cut: boolean) => {
      if (dead) return;
      dead = true;
      if (cut) stats.cut++;
      for (const socket of [client, upstream]) {
        sockets.delete(socket);
        // A cut is a reset (the peer sees ECONNRESET), not a clean end of stream.
        if (cut && !socket.destroyed && !socket.connecting) socket.resetAndDestroy();
        else socket.destroy();
      }
      for (const direction of directions) direction.clear();
    };

    /** Carries what `from` sends to `to` over `link`, in order, at the link's pace. */
    const pipe = (from: Socket, to: Socket, link: Link, count: (bytes: number) => void) => {
      const queue: Item[] = [];
      let queued = 0;
      let timer: NodeJS.Timeout | undefined;

      const deliver = () => {
        timer = undefined;
        const now = performance.now();
        while (!dead && queue.length > 0 && queue[0]!.at <= now) {
          const item = queue.shift()!;
          if ('reset' in item) return kill(false);
          if ('end' in item) {
            to.end();
            continue;
          }
          queued -= item.data.length;
          const room = cutAfter - passed;
          const data = item.data.length > room ? item.data.subarray(0, room) : item.data;
          passed += data.length;
          count(data.length);
          if (data.length > 0) to.write(data);
          if (passed >= cutAfter) return kill(true);
        }
        if (queued < highWaterBytes && from.isPaused() && !from.destroyed) from.resume();
        schedule();
      };
      const schedule = () => {
        if (dead || timer || queue.length === 0) return;
        const t = setTimeout(
          () => {
            timers.delete(t);
            deliver();
          },
          Math.max(0, queue[0]!.at - performance.now()),
        );
        timer = t;
        timers.add(t);
      };
      const push = (item: Item) => {
        queue.push(item);
        schedule();
      };

      from.on('data', (chunk: Buffer) => {
        for (let offset = 0; offset < chunk.length; offset += segmentBytes) {
          const data = chunk.subarray(offset, offset + segmentBytes);
          // The piece starts when the line is free, takes its transmission time, then travels.
          link.freeAt = Math.max(performance.now(), link.freeAt) + data.length * link.msPerByte;
          queued += data.length;
          push({ at: link.freeAt + link.delayMs, data });
        }
        if (queued >= highWaterBytes) from.pause();
      });
      from.on('end', () =>
        push({ at: Math.max(performance.now(), link.freeAt) + link.delayMs, end: true }),
      );
      // An error or a close without end (reset) reaches the other side after the data before it.
      from.on('error', () =>
        push({ at: Math.max(performance.now(), link.freeAt) + link.delayMs, reset: true }),
      );
      from.on('close', () => {
        if (!from.readableEnded)
          push({ at: Math.max(performance.now(), link.freeAt) + link.delayMs, reset: true });
      });

      return {
        clear() {
          if (timer) {
            clearTimeout(timer);
            timers.delete(timer);
          }
          timer = undefined;
          queue.length = 0;
        },
        /** Both ends are done once the end has been delivered and written. */
        get finished() {
          return from.readableEnded && to.writableFinished;
        },
      };
    };

    const directions = [
      pipe(client, upstream, up, (bytes) => (stats.bytesUp += bytes)),
      pipe(upstream, client, down, (bytes) => (stats.bytesDown += bytes)),
    ];
    for (const socket of [client, upstream]) {
      socket.on('close', () => {
        if (directions.every((direction) => direction.finished)) kill(false);
      });
    }
    client.resume();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('The proxy has no port');

  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}/`,
    stats,
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
