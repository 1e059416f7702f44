package org.arxiv.submission.agent.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that the test can cut and restore, to take a server away from the
 * agent and give it back. Cutting closes every open connection and then accepts and at once
 * closes new ones, as a server that went down and came back on the same port would.
 *
 * <p>Each connection uses two threads of a fixed pool, one per direction, and at most {@link
 * #MAX_CONNECTIONS} connections are open at once. Further ones are closed on accept.
 */
final class TcpProxy implements AutoCloseable {

  /** Connections open at once. The agent's pool opens at most 10 by default. */
  static final int MAX_CONNECTIONS = 32;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final ExecutorService pumps = Executors.newFixedThreadPool(2 * MAX_CONNECTIONS);
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean cut;

  /** A client connection and its connection to the target, closed together. */
  private final class Connection {
    private final Socket client;
    private final Socket upstream;
    private final AtomicBoolean closed = new AtomicBoolean();

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void close() {
      if (closed.compareAndSet(false, true)) {
        closeQuietly(client);
        closeQuietly(upstream);
        open.remove(this);
        slots.release();
      }
    }
  }

  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private volatile boolean stalled;

  private TcpProxy(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
    this.acceptor = new Thread(this::accept, "tcp-proxy-accept-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /** Starts a proxy on a free port of 127.0.0.1 that forwards to {@code host:port}. */
  static TcpProxy start(String host, int port) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(host, port));
    proxy.acceptor.start();
    return proxy;
  }

  int port() {
    return server.getLocalPort();
  }

  /** Closes every open connection and refuses new ones until {@link #restore()}. */
  void cut() {
    cut = true;
    for (Connection connection : open) {
      connection.close();
    }
  }

  /**
   * Closes every open connection and accepts new ones but never forwards their bytes until
   * {@link #restore()}, as a database host that stops responding does.
   */
  void stall() {
    stalled = true;
    cut();
  }

  void restore() {
    cut = false;
    stalled = false;
    for (Socket socket : held) {
      closeQuietly(socket);
    }
    held.clear();
  }

  /** Returns how many connections the proxy closed on accept, while cut or full. */
  int refusedConnections() {
    return refused.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (stalled) {
        held.add(client);
        continue;
      }
      if (cut || !slots.tryAcquire()) {
        refused.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      connect(client);
    }
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target, (int) CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      slots.release();
      return;
    }
    Connection connection = new Connection(client, upstream);
    open.add(connection);
    // A cut between the check on accept and the add above would miss this connection.
    if (cut) {
      connection.close();
      return;
    }
    pumps.execute(() -> pump(connection, client, upstream));
    pumps.execute(() -> pump(connection, upstream, client));
  }

  private static void pump(Connection connection, Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The connection was cut or closed by one side, which ends both directions.
    } finally {
      connection.close();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort: the socket is unusable either way.
    }
  }

  @Override
  public void close() throws InterruptedException {
    closeQuietly(server);
    cut();
    restore();
    pumps.shutdownNow();
    pumps.awaitTermination(5, TimeUnit.SECONDS);
    acceptor.join(TimeUnit.SECONDS.toMillis(5));
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort: the socket is unusable either way.
    }
  }
}
