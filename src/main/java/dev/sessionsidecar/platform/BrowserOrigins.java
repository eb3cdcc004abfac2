package dev.sessionsidecar.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which web pages may call the sidecar: requests without an {@code Origin} (agents, CLIs, hooks)
 * always may; a browser's request may when its origin is on this machine or listed in {@code
 * sidecar.allowed-origins}. Keeps a site the person happens to visit, or one that rebinds its DNS
 * name to 127.0.0.1, from writing to the agent's record.
 */
@ApplicationScoped
public class BrowserOrigins {

  private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final List<String> listed;

  @Inject
  BrowserOrigins(SidecarConfig config) {
    this(config.allowedOrigins().orElse(List.of()));
  }

  BrowserOrigins(List<String> listed) {
    this.listed = listed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether a request carrying this {@code Origin} header (null when absent) may go on. */
  public boolean allows(String origin) {
    if (origin == null) {
      return true;
    }
    String normalized = origin.toLowerCase(Locale.ROOT);
    if (listed.contains(normalized)) {
      return true;
    }
    try {
      String host = URI.create(normalized).getHost();
      return host != null && LOCAL_HOSTS.contains(host);
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
  }
}
