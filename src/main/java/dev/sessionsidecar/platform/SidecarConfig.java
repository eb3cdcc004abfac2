package dev.sessionsidecar.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The sidecar's own configuration keys, all under {@code sidecar.}. */
@ConfigMapping(prefix = "sidecar")
public interface SidecarConfig {

  /**
   * Which database keeps the record: {@code h2} (an embedded file in the data directory) or {@code
   * postgresql} (shared by a fleet). Must be the store the package was built for.
   */
  @WithDefault("h2")
  String store();

  /** The shared PostgreSQL database, when {@code store} is {@code postgresql}. */
  PostgresqlSettings postgresql();

  /** The shared PostgreSQL database. */
  interface PostgresqlSettings {
    /** Its JDBC URL, such as {@code jdbc:postgresql://db:5432/sidecar}. */
    Optional<String> url();

    /** The user the sidecar logs in as. */
    @WithDefault("sidecar")
    String username();

    /** That user's password (from a Kubernetes Secret). */
    Optional<String> password();
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

  /** Session settings. */
  SessionSettings session();

  /** Tool-call settings. */
  ToolCallSettings toolCall();

  /** Usage-ledger settings. */
  UsageSettings usage();

  /** Usage-ledger settings. */
  interface UsageSettings {
    /** A price file in the shipped table's format whose rows replace or extend the shipped ones. */
    Optional<Path> pricesFile();

    /** Most records one {@code POST /v1/usage} array may carry. */
    @WithDefault("1000")
    @Min(1)
    @Max(100_000)
    int maxBatch();
  }

  /** Session settings. */
  interface SessionSettings {
    /** A session without activity for this long is closed by the idle job. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** How often the idle job looks for idle sessions (read by its schedule). */
    @WithDefault("60s")
    Duration idleCheckInterval();
  }

  /** Tool-call settings. */
  interface ToolCallSettings {
    /** Longest stored form of a tool call's arguments, in characters; longer ones are cut. */
    @WithDefault("8192")
    @Min(16)
    @Max(1_000_000)
    int maxArgumentsChars();
  }
}
