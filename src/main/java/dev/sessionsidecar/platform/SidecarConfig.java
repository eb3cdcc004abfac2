package dev.sessionsidecar.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sidecar's own top-level keys under {@code sidecar.}: store, data directory, pod identity,
 * origins. Each feature maps its own group ({@code sidecar.session.}, {@code sidecar.tasks.}, ...).
 */
@ConfigMapping(prefix = "sidecar")
public interface SidecarConfig {

  /**
   * Which database keeps the record: {@code h2} (an embedded file in the data directory) or {@code
   * postgresql} (shared by a fleet). Must be the store the package was built for.
   */
  @WithDefault("h2")
  String store();

  /** The shared PostgreSQL database, when {@code store} is {@code postgresql}. */
  Postgresql postgresql();

  /** The shared PostgreSQL database. */
  interface Postgresql {
    /** Its JDBC URL, such as {@code jdbc:postgresql://db:5432/sidecar}. */
    Optional<String> url();

    /** The user the sidecar logs in as. */
    @WithDefault("sidecar")
    String username();

    /** That user's password (from a Kubernetes Secret). */
    Optional<String> password();

    /**
     * The most connections this sidecar holds to the server: its share of the server's {@code
     * max_connections} (at least 2: a migration uses two at once).
     */
    @WithDefault("4")
    int poolSize();

    /** How long an unused connection stays open before it is given back. */
    @WithDefault("30S")
    Duration idleTimeout();

    /** How long a request waits for a free connection before it is answered 503. */
    @WithDefault("2S")
    Duration acquisitionTimeout();
  }

  /** Directory that holds the database and the lock file; created on first start. */
  @WithDefault("./data")
  String dataDir();

  /** Project path of a pod bound to one project: the active project before any session starts. */
  Optional<String> project();

  /** The pod this sidecar runs in (downward API: {@code SIDECAR_POD_NAME}); empty elsewhere. */
  Optional<String> podName();

  /** The pod's namespace ({@code SIDECAR_POD_NAMESPACE}). */
  Optional<String> podNamespace();

  /** The node the pod runs on ({@code SIDECAR_NODE_NAME}). */
  Optional<String> nodeName();

  /** The pod's UID ({@code SIDECAR_POD_UID}). */
  Optional<String> podUid();

  /**
   * Web origins, besides this machine's, whose pages may call {@code /v1} and {@code /mcp} (for
   * example {@code https://ui.example}); see {@link BrowserOrigins}.
   */
  Optional<List<String>> allowedOrigins();

  /**
   * Host names (the {@code Host} header without its port) every door of the API port answers to;
   * see {@link HostCheck}. Its default is {@code sidecar.ui.allowed-hosts}, the page's older key.
   */
  List<String> allowedHosts();

  /** The inspection page's keys, {@code sidecar.ui.}. */
  Ui ui();

  /** The inspection page's keys. */
  interface Ui {
    /**
     * The older name of {@code sidecar.allowed-hosts}, still honoured (it is that key's default).
     */
    Optional<List<String>> allowedHosts();
  }
}
