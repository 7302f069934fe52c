import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can cut, restore, or make drop the connection
 * at a transaction's `COMMIT`: outages on demand, without touching the server other tests use.
 */
export interface TcpProxy {
  port: number;
  /** Stops listening and cuts every connection: new connections are refused until `restore`. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /**
   * Drops the next connection that sends `COMMIT`: `before` the server receives it (the server
   * rolls the transaction back), or `after` the server received it and before its answer reaches
   * the client (the transaction commits; the client cannot know).
   */
  dropAtCommit(when: 'before' | 'after'): void;
  close(): Promise<void>;
}

/** A simple-protocol Query message whose text is exactly `COMMIT`: 'Q', length 11, "COMMIT\0". */
const COMMIT_MESSAGE = Buffer.concat([Buffer.from('Q'), Buffer.from([0, 0, 0, 11]), Buffer.from('COMMIT\0')]);

export async function startTcpProxy(upstream: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let armed: 'before' | 'after' | undefined;
  let server: Server | undefined;
  let port = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const relay = (client: Socket) => {
    const backend = connect(upstream.port, upstream.host);
    track(client);
    track(backend);
    backend.pipe(client);
    client.on('close', () => backend.end());
    backend.on('close', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (armed === undefined || !chunk.includes(COMMIT_MESSAGE)) {
        backend.write(chunk);
        return;
      }
      const when = armed;
      armed = undefined;
      backend.unpipe(client);
      client.destroy();
      if (when === 'before') {
        backend.destroy();
        return;
      }
      // The server gets the whole COMMIT; the connection closes once it has answered.
      backend.write(chunk);
      backend.once('data', () => backend.destroy());
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(relay);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });
  const stop = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    dropAtCommit(when) {
      armed = when;
    },
    close: stop,
  };
}
