package dev.sessionsidecar.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The packaged sidecar run as a child process on its own ports and data directory. */
public final class SidecarProcess {

  public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  /** The package built for the PostgreSQL store (fleet mode). */
  public static final Path POSTGRESQL_JAR =
      Path.of("target", "quarkus-app-postgresql", "quarkus-run.jar");

  /** Linux's ephemeral range starts at 32768 by default; the ports chosen here stay below it. */
  private static final int FIRST_CHOSEN_PORT = 20000;

  private static final int CHOSEN_PORTS = 12000;

  /** The JVM image's options: the crash and fleet tests run the sidecar as the pod does. */
  private static final Path SHIPPED_JVM_OPTIONS = Path.of("deploy/k8s/overlays/jvm/jvm.options");

  private static final Random RANDOM = new Random();

  /**
   * Every port this JVM handed out: none is handed out twice, since a port is only checked free,
   * not held, until its process binds it (FleetIT's three sidecars starting at once once drew the
   * same port for two of them).
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  public final int apiPort;
  public final int managementPort;
  public final Path dataDir;
  public final Path log;
  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SidecarProcess(
      Path jar,
      Path dataDir,
      int apiPort,
      int managementPort,
      Map<String, String> env,
      List<String> asUser)
      throws IOException {
    this.dataDir = dataDir;
    this.apiPort = apiPort;
    this.managementPort = managementPort;
    this.log = Files.createTempFile("sidecar-child", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(asUser);
    command.addAll(
        List.of(
            java,
            "@" + SHIPPED_JVM_OPTIONS.toAbsolutePath(),
            "-Dquarkus.http.port=" + apiPort,
            "-Dquarkus.management.port=" + managementPort,
            "-Dsidecar.data-dir=" + dataDir.toAbsolutePath(),
            "-jar",
            jar.toAbsolutePath().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    this.process = builder.start();
  }

  /** Starts a sidecar on fresh ports; {@link #awaitReady()} waits until it serves. */
  public static SidecarProcess start(Path dataDir) throws IOException {
    return start(dataDir, Map.of());
  }

  /** Starts a sidecar with these environment variables added to the test's own. */
  public static SidecarProcess start(Path dataDir, Map<String, String> env) throws IOException {
    return new SidecarProcess(JAR, dataDir, freePort(), freePort(), env, List.of());
  }

  /**
   * Starts a sidecar as a user the file modes apply to: the test's own, or {@code nobody} (through
   * util-linux's {@code runuser}) when the tests run as root, who reads every file whatever its
   * mode. That user must be able to reach the jar and write the data directory.
   */
  public static SidecarProcess startUnprivileged(Path dataDir, Map<String, String> env)
      throws IOException {
    List<String> asUser =
        "root".equals(System.getProperty("user.name"))
            ? List.of("runuser", "-u", "nobody", "--")
            : List.of();
    return new SidecarProcess(JAR, dataDir, freePort(), freePort(), env, asUser);
  }

  /** Starts the PostgreSQL package with these environment variables added. */
  public static SidecarProcess startPostgresql(Path dataDir, Map<String, String> env)
      throws IOException {
    return new SidecarProcess(POSTGRESQL_JAR, dataDir, freePort(), freePort(), env, List.of());
  }

  /** Starts another sidecar on the same data directory (and other ports). */
  public SidecarProcess startAnotherOnSameDirectory() throws IOException {
    return start(dataDir);
  }

  public SidecarProcess awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("sidecar exited early:\n" + output());
      }
      try {
        if (get(managementUrl("/q/health/ready")).statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("sidecar not ready in time:\n" + output());
  }

  public String apiUrl(String path) {
    return "http://127.0.0.1:" + apiPort + path;
  }

  public String managementUrl(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }

  public HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String url, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed on the way out. */
  public void kill() throws InterruptedException {
    // The sidecar itself, also when it runs under runuser (which would leave it behind).
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }

  public void stop() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(
        Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  public Process process() {
    return process;
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  /** Waits until the sidecar's output holds {@code text}; fails with the output after a while. */
  public void awaitOutput(String text, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (!output().contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no '" + text + "' in:\n" + output());
      }
      Thread.sleep(200);
    }
  }

  /**
   * A loopback port nobody listens on now, taken below the kernel's ephemeral range: a port the
   * kernel handed out (port 0) can be given again to an outgoing connection, such as another
   * sidecar's to PostgreSQL, before the child binds it, and the child then fails to start.
   */
  public static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = FIRST_CHOSEN_PORT + RANDOM.nextInt(CHOSEN_PORTS);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException(
        "no free port in " + FIRST_CHOSEN_PORT + ".." + (FIRST_CHOSEN_PORT + CHOSEN_PORTS));
  }
}
