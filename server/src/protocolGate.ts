/**
 * The one place every message from the editor passes before a handler of the server sees it
 * (LSP lifecycle, cancellation, uri keys), so that no feature has to remember any of it.
 *
 * vscode-languageserver answers `initialize` and `shutdown` and ends the process on `exit`
 * (code 0 after a shutdown, 1 without), but hands every other message to its handler in any
 * state, and answers a cancelled request with whatever its handler returns. `gate(connection)`
 * gives the server a connection whose handlers (`onHover`, `onRequest`, `languages.*.on`,
 * `onDid*`…, at any depth) are wrapped:
 * - before `initialize`, a request fails with ServerNotInitialized (-32002) and a notification
 *   is dropped; after `shutdown`, a request fails with InvalidRequest (-32600) and a
 *   notification is dropped (`exit` is vscode-languageserver's own, never wrapped);
 * - a request cancelled before its handler starts, while it waits (for the index, for a
 *   turn of the event loop), or before its answer is sent is answered RequestCancelled
 *   (-32800); long handlers also check the token between chunks (features/pacer.ts);
 * - the uri fields of the params are rewritten to their key (uriKey.ts).
 */
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { keyUrisOf } from './uriKey';

export type Phase = 'new' | 'running' | 'shutdown';

/** Registrations whose handlers the gate leaves alone: the lifecycle is handled around them. */
const UNGATED = new Set(['onInitialize', 'onShutdown', 'onExit', 'onProgress']);
/** Registrations of notification handlers besides the `onDid…` ones. */
const NOTIFICATIONS = new Set(['onNotification', 'onInitialized', 'onWillSaveTextDocument']);

export class ProtocolGate {
  private state: Phase = 'new';
  private readonly proxies = new WeakMap<object, unknown>();

  get phase(): Phase {
    return this.state;
  }

  /** Called by the server's initialize handler: a second initialize is refused. */
  initialize(): void {
    if (this.state !== 'new') throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize was already received');
    this.state = 'running';
  }

  /** Called by the server's shutdown handler: one shutdown, and only after initialize. */
  shutdown(): void {
    this.refuseRequest();
    this.state = 'shutdown';
  }

  /** The connection the server and its features register on. */
  gate<T extends object>(connection: T): T {
    return this.proxy(connection, 0);
  }

  private proxy<T extends object>(target: T, depth: number): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        const value = Reflect.get(t, prop, t) as unknown;
        if (typeof value === 'function') {
          if (typeof prop !== 'string' || !prop.startsWith('on') || UNGATED.has(prop)) return (value as (...a: unknown[]) => unknown).bind(t);
          const notification = prop.startsWith('onDid') || NOTIFICATIONS.has(prop);
          return (...args: unknown[]) =>
            (value as (...a: unknown[]) => unknown).apply(
              t,
              args.map((a) => (typeof a === 'function' ? this.wrap(a as (...h: unknown[]) => unknown, notification) : a)),
            );
        }
        // connection.languages.semanticTokens, connection.workspace…: their handlers too.
        if (value && typeof value === 'object' && depth < 3) return this.proxy(value, depth + 1);
        return value;
      },
    });
    this.proxies.set(target, proxy);
    return proxy;
  }

  private wrap(handler: (...args: unknown[]) => unknown, notification: boolean): (...args: unknown[]) => unknown {
    if (notification) {
      return (...args: unknown[]) => {
        if (this.state !== 'running') return undefined; // the LSP says: dropped
        keyUrisOf(args[0]);
        return handler(...args);
      };
    }
    return (...args: unknown[]) => {
      this.refuseRequest();
      const token = args.find((a): a is CancellationToken => CancellationToken.is(a));
      if (args[0] !== token) keyUrisOf(args[0]); // a request without params gets its token first
      return token ? answerUnlessCancelled(handler, args, token) : handler(...args);
    };
  }

  private refuseRequest(): void {
    if (this.state === 'new') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet');
    if (this.state === 'shutdown') throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shut down');
  }
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

/**
 * Runs a request handler and answers RequestCancelled as soon as the token is cancelled
 * while the answer is not sent: the handler's own work may go on (long ones stop at their
 * next check) but its result is dropped.
 */
async function answerUnlessCancelled(handler: (...args: unknown[]) => unknown, args: unknown[], token: CancellationToken): Promise<unknown> {
  // Cancelled while queued: vscode-jsonrpc hands the handler a token already cancelled.
  if (token.isCancellationRequested) throw cancelled();
  const work = Promise.resolve().then(() => handler(...args));
  let listener: { dispose(): void } | undefined;
  const cancel = new Promise<never>((_, reject) => {
    listener = token.onCancellationRequested(() => reject(cancelled()));
  });
  // The race's loser must not become an unhandled rejection (which ends a Node process).
  work.catch(() => undefined);
  cancel.catch(() => undefined);
  try {
    const result = await Promise.race([work, cancel]);
    if (token.isCancellationRequested) throw cancelled();
    return result;
  } finally {
    listener?.dispose();
  }
}
