// A fetch for the sync engine that misbehaves on purpose, request by request, as a plan says:
// the network faults the sync protocol must survive (ARCHITECTURE.md "Sync protocol").
// Deterministic: what happens to the n-th request is the n-th step of the plan (a fast-check
// value), then every request goes through untouched.
import { gunzipSync } from 'node:zlib';

/** What happens to one request. */
export type Fault =
  /** Forwarded, answered normally. */
  | 'ok'
  /** Never reaches the hub: the client sees a network error. */
  | 'dropRequest'
  /** The hub answers (and applies it), the answer is lost: the client sees a network error. */
  | 'dropResponse'
  /** Sent twice at once; the client gets the first answer. */
  | 'duplicate'
  /** Forwarded after `delayMs`. */
  | 'delay'
  /** Held back (the client sees a network error at once) and delivered after the next request. */
  | 'reorder'
  /** Forwarded; the answer breaks off in the middle of its body. */
  | 'cutBody'
  /** Answered 500 by something in front of the hub, without forwarding. */
  | 'serverError'
  /** Forwarded; the answer never comes, so the client's own timeout (its AbortSignal) fires. */
  | 'timeout'
  /** Forwarded, and the hub is restarted `delayMs` later, while it may still be working on it. */
  | 'restart';

export const faults: readonly Fault[] = ['ok', 'dropRequest', 'dropResponse', 'duplicate', 'delay', 'reorder', 'cutBody', 'serverError', 'timeout', 'restart'];

export type FaultStep = {
  fault: Fault;
  /** For 'delay' and 'restart': milliseconds to wait. */
  delayMs?: number;
  /** Which of `targets()` serves this request (modulo their number). */
  target?: number;
};

/** One request as it left the client, and what became of it. */
export type LoggedRequest = {
  n: number;
  method: string;
  path: string;
  fault: Fault;
  /** Ids of the pushed mutations in the body (push requests only). */
  mutationIds: string[];
  /** Where it was sent ('' when it never was). */
  target: string;
  /** HTTP status the client was given; 0 when it got an error instead. */
  status: number;
};

export type FaultyFetchOptions = {
  /** The real fetch underneath (the global one by default). */
  fetch?: typeof fetch;
  /** Origins (e.g. `http://127.0.0.1:4310/`) to route requests to; the URL's own when absent. */
  targets?: () => readonly string[];
  /** Restarts the hub serving the request (for the 'restart' fault), by its index in `targets()`. */
  restart?: (target: number) => Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A network error as undici raises it. */
function networkError(why: string): TypeError {
  return new TypeError(`fetch failed (${why})`);
}

/** The mutation ids in a (gzip) JSON push body. */
function pushedIds(body: unknown): string[] {
  if (!(body instanceof Uint8Array)) return [];
  try {
    const json = JSON.parse(gunzipSync(body).toString('utf8')) as { mutations?: { id: string }[] };
    return (json.mutations ?? []).map((m) => m.id);
  } catch {
    return [];
  }
}

/** A response whose body delivers its first half and then fails. */
function cutResponse(response: Response, bytes: Uint8Array): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  const half = bytes.slice(0, Math.floor(bytes.length / 2));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half);
    },
    pull(controller) {
      controller.error(networkError('connection reset mid-body'));
    },
  });
  return new Response(body, { status: response.status, headers });
}

/**
 * A fetch that applies `plan` to the requests made through it, one step per request, and logs
 * every request. `settle()` waits for anything still travelling (held, duplicated, late).
 */
export function faultyFetch(options: FaultyFetchOptions = {}) {
  const underlying = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let plan: FaultStep[] = [];
  const log: LoggedRequest[] = [];
  const travelling = new Set<Promise<unknown>>();
  let held: (() => void)[] = [];
  let n = 0;

  const track = <T>(promise: Promise<T>): Promise<T> => {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    travelling.add(settled);
    void settled.then(() => travelling.delete(settled));
    return promise;
  };

  /** Sends to the hub (without the client's signal: the hub gets it whatever the client does). */
  const forward = (url: string, init: RequestInit | undefined): Promise<Response> => {
    const { signal: _signal, ...rest } = init ?? {};
    return track(underlying(url, rest));
  };
  /** Forwards and reads the whole answer; errors are swallowed (nobody is listening). */
  const deliverUnheard = (url: string, init: RequestInit | undefined) => {
    void track(forward(url, init).then((r) => r.arrayBuffer()));
  };

  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const step = plan.shift() ?? { fault: 'ok' };
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    const targets = options.targets?.() ?? [];
    const target = targets.length ? new URL(url.pathname + url.search, targets[(step.target ?? 0) % targets.length]).toString() : url.toString();
    const entry: LoggedRequest = { n: n++, method: init?.method ?? 'GET', path: url.pathname, fault: step.fault, mutationIds: pushedIds(init?.body), target, status: 0 };
    log.push(entry);
    // Requests held back by 'reorder' arrive after this one has left.
    const release = held;
    held = [];
    const answered = (response: Response) => {
      entry.status = response.status;
      return response;
    };
    try {
      switch (step.fault) {
        case 'ok':
          return answered(await forward(target, init));
        case 'dropRequest':
          entry.target = '';
          throw networkError('request lost');
        case 'dropResponse': {
          const response = await forward(target, init);
          await response.arrayBuffer();
          throw networkError('answer lost');
        }
        case 'duplicate': {
          const first = forward(target, init);
          deliverUnheard(target, init);
          return answered(await first);
        }
        case 'delay':
          await sleep(step.delayMs ?? 0);
          return answered(await forward(target, init));
        case 'reorder':
          entry.target = '';
          held.push(() => {
            entry.target = target;
            deliverUnheard(target, init);
          });
          throw networkError('request held back');
        case 'cutBody': {
          const response = await forward(target, init);
          const bytes = new Uint8Array(await response.arrayBuffer());
          return answered(cutResponse(response, bytes));
        }
        case 'serverError':
          entry.target = '';
          return answered(
            new Response(JSON.stringify({ error: 'hub-error', message: 'Bad gateway (simulated).' }), { status: 500, headers: { 'content-type': 'application/json' } }),
          );
        case 'timeout': {
          deliverUnheard(target, init);
          const signal = init?.signal;
          if (!signal) throw networkError('timed out');
          await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
          throw signal.reason instanceof Error ? signal.reason : networkError('timed out');
        }
        case 'restart': {
          const sent = forward(target, init).then(async (r) => ({ r, bytes: new Uint8Array(await r.arrayBuffer()) }));
          const restarted = sleep(step.delayMs ?? 0).then(() => options.restart?.(step.target ?? 0));
          const [outcome] = await Promise.allSettled([sent, restarted]);
          await restarted;
          if (outcome.status === 'rejected') throw networkError('hub restarted');
          return answered(new Response(outcome.value.bytes, { status: outcome.value.r.status, headers: withoutEncoding(outcome.value.r.headers) }));
        }
      }
    } finally {
      for (const send of release) send();
    }
  };

  return {
    fetch: fetchFn,
    log,
    /** Replaces the plan: its steps apply to the next requests, in order. */
    setPlan(steps: readonly FaultStep[]) {
      plan = [...steps];
    },
    /** Steps of the plan not used yet. */
    get remaining() {
      return plan.length;
    },
    /** Delivers what is held back and waits for everything still on its way. */
    async settle() {
      const release = held;
      held = [];
      for (const send of release) send();
      while (travelling.size) await Promise.all([...travelling]);
    },
  };
}
export type FaultyFetch = ReturnType<typeof faultyFetch>;

function withoutEncoding(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('content-encoding');
  copy.delete('content-length');
  return copy;
}
