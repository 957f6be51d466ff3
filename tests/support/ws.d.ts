// The part of the `ws` package (a dependency of @fastify/websocket, shipped without types) that
// the tests use as a WebSocket client in Node 20, which has no global WebSocket.
declare module 'ws' {
  import type { IncomingMessage } from 'node:http';
  class WebSocket {
    static readonly OPEN: number;
    static readonly CLOSED: number;
    readonly readyState: number;
    readonly protocol: string;
    onopen: ((event: unknown) => void) | null;
    onmessage: ((event: { data: unknown }) => void) | null;
    onclose: ((event: { code: number; reason: string }) => void) | null;
    onerror: ((event: unknown) => void) | null;
    constructor(url: string, protocols?: string | string[]);
    send(data: string): void;
    close(code?: number, reason?: string): void;
    on(event: 'message', listener: (data: Buffer) => void): this;
    once(event: 'open', listener: (...args: unknown[]) => void): this;
    once(event: 'close', listener: (code: number, reason: Buffer) => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
    once(event: 'unexpected-response', listener: (req: unknown, res: IncomingMessage) => void): this;
  }
  export default WebSocket;
}
