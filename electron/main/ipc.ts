// Registers one ipcMain handler per bridge channel (sender check, zod-parsed request, typed handler, checked
// response) and sends the contract's host → renderer events with checked payloads.
import type { z } from 'zod';
import {
  bridgeContract,
  bridgeEvents,
  channels,
  type BridgeContract,
  type BridgeEvent,
  type BridgeEventPayload,
  type BridgeResponse,
  type Channel,
} from '../../shared/bridge/contract';

/** The part of an IPC invoke event this module reads (Electron's IpcMainInvokeEvent satisfies it). */
export interface IpcInvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's ipcMain this module uses, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** A request after its schema parsed it: what a handler receives. */
export type ParsedBridgeRequest<C extends Channel> = z.output<BridgeContract[C]['request']>;

/** One typed implementation per channel of the contract. */
export type BridgeHandlers = {
  [C in Channel]: (request: ParsedBridgeRequest<C>) => Promise<BridgeResponse<C>> | BridgeResponse<C>;
};

export type BridgeErrorCode = 'untrusted-sender' | 'invalid-request' | 'invalid-response';

/** Thrown to the renderer's invoke() when a call is refused; the handler has not run (or its answer was withheld). */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(
    readonly code: BridgeErrorCode,
    readonly channel: Channel,
    message: string,
  ) {
    super(`${channel}: ${message}`);
  }
}

export interface RegisterBridgeOptions {
  /** Decides from the sender frame's URL whether the caller is the app itself. */
  readonly isTrustedSender: (frameUrl: string | undefined) => boolean;
  /** Called when a call is refused or a handler fails (for the main-process log). */
  readonly onError?: (error: unknown, channel: Channel) => void;
}

/** Lists schema issues by path without echoing the values (which may be large or private). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Registers a handler for every channel of the bridge contract on `ipc`. Each call is refused
 * unless the sender frame is trusted and its single argument parses with the channel's request
 * schema; the handler's answer is validated with the response schema before it is returned.
 * @returns a function that removes the handlers again
 */
export function registerBridgeHandlers(ipc: IpcMainLike, handlers: BridgeHandlers, options: RegisterBridgeOptions): () => void {
  for (const channel of channels) {
    ipc.handle(channel, (event, ...args) => handleCall(channel, handlers, options, event, args));
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}

async function handleCall<C extends Channel>(
  channel: C,
  handlers: BridgeHandlers,
  options: RegisterBridgeOptions,
  event: IpcInvokeEventLike,
  args: unknown[],
): Promise<BridgeResponse<C>> {
  try {
    const frameUrl = event.senderFrame?.url;
    if (!options.isTrustedSender(frameUrl)) {
      throw new BridgeError('untrusted-sender', channel, `refused a call from an untrusted frame (${frameUrl ?? 'no frame'})`);
    }
    if (args.length !== 1) {
      throw new BridgeError('invalid-request', channel, `expected exactly one request argument, got ${args.length}`);
    }
    const spec = bridgeContract[channel];
    const request = spec.request.safeParse(args[0]);
    if (!request.success) {
      throw new BridgeError('invalid-request', channel, `invalid request — ${describeIssues(request.error)}`);
    }
    const handler = handlers[channel] as (request: unknown) => unknown;
    const result = await handler(request.data);
    const response = spec.response.safeParse(result);
    if (!response.success) {
      throw new BridgeError('invalid-response', channel, `the host produced an invalid response — ${describeIssues(response.error)}`);
    }
    return response.data as BridgeResponse<C>;
  } catch (error) {
    options.onError?.(error, channel);
    throw error;
  }
}

/** The part of a WebContents that receives events (Electron's WebContents satisfies it). */
export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * Sends a contract event to a renderer; the payload is parsed with the event's schema first, so
 * the main process never sends what the renderer would drop.
 * @returns false when the target is gone or the payload breaks the contract (nothing sent)
 */
export function sendBridgeEvent<E extends BridgeEvent>(target: EventTargetLike | null | undefined, event: E, payload: BridgeEventPayload<E>): boolean {
  if (!target || target.isDestroyed()) return false;
  const parsed = bridgeEvents[event].payload.safeParse(payload);
  if (!parsed.success) return false;
  target.send(event, parsed.data);
  return true;
}
