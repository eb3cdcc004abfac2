package dev.sessionsidecar.platform;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This sidecar's identity among the sidecars that share a database: its pod name (downward API),
 * else an id generated once and kept in the data directory, so a restart keeps it.
 */
@ApplicationScoped
public class InstanceIdentity {

  static final String ID_FILE = "instance-id";

  private final String id;

  InstanceIdentity(SidecarConfig config) {
    this.id = config.podName().orElseGet(() -> kept(Path.of(config.dataDir())));
  }

  public String id() {
    return id;
  }

  private static String kept(Path dataDir) {
    Path file = dataDir.resolve(ID_FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      String generated = generated();
      Files.createDirectories(dataDir);
      Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
      return generated;
    } catch (IOException e) {
      // Without a writable data directory the id lasts as long as the process: said at start.
      String generated = generated();
      Log.warnf("Instance id %s is not kept (%s): a restart will be a new instance", generated, e);
      return generated;
    }
  }

  private static String generated() {
    return "sidecar-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
