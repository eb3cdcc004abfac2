package dev.sessionsidecar.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.SidecarConfig;
import dev.sessionsidecar.platform.Store;
import dev.sessionsidecar.platform.StoreSelection;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.task.TaskContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code backup} task: an online backup of the embedded H2 database to a zip file under {@code
 * <data-dir>/backups/}. The file appears under its final name only once it is complete.
 */
@ApplicationScoped
class BackupHandler extends SteppedHandler {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final SidecarConfig config;
  private final Timestamps time;
  private final ObjectMapper mapper;
  private final StoreSelection store;

  BackupHandler(SidecarConfig config, Timestamps time, ObjectMapper mapper, StoreSelection store) {
    this.store = store;
    this.config = config;
    this.time = time;
    this.mapper = mapper;
  }

  @Override
  public String kind() {
    return "backup";
  }

  @Override
  public String title() {
    return "Back up the database to a zip file in the data directory";
  }

  @Override
  public void checkAvailable() {
    if (store.store() != Store.H2) {
      throw ApiException.invalidArgument(
          "kind",
          "backup copies the embedded H2 file and this sidecar keeps its record in PostgreSQL:"
              + " back that database up with its own tools (pg_dump, WAL archiving)");
    }
  }

  @Override
  public JsonNode run(TaskContext context) throws IOException {
    long pause = Pause.of(context.parameters());
    Path dataDir = Path.of(config.dataDir()).toAbsolutePath().normalize();
    Path backups = Files.createDirectories(dataDir.resolve("backups"));
    String name = "sidecar-" + STAMP.format(time.now()) + ".zip";
    Path partial = backups.resolve(name + ".part");
    Path done = backups.resolve(name);
    try {
      context.progress(0.1, "writing " + partial.getFileName());
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  Panache.getEntityManager()
                      .createNativeQuery(
                          "BACKUP TO '" + partial.toString().replace("'", "''") + "'")
                      .executeUpdate());
      if (pause > 0) {
        context.pause(pause);
      }
      context.progress(0.9, "naming " + done.getFileName());
      Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    ObjectNode result = mapper.createObjectNode();
    result.put("path", dataDir.relativize(done).toString());
    result.put("size_bytes", Files.size(done));
    return result;
  }
}
