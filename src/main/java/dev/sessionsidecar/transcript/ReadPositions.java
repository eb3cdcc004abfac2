package dev.sessionsidecar.transcript;

import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Timestamps;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far this sidecar has read each transcript file, kept in the store so that a restart (or a
 * {@code kill -9}) reads on from there: a file is recorded first and its position saved after, so a
 * crash between the two reads some lines twice, which the request ids make harmless.
 */
@ApplicationScoped
class ReadPositions {

  /** Where reading a file stopped: its identity then (an inode) and the byte offset. */
  record Position(String fileKey, long offset, long skippedLines) {
    static final Position START = new Position(null, 0, 0);
  }

  private final InstanceIdentity instance;
  private final Timestamps time;

  ReadPositions(InstanceIdentity instance, Timestamps time) {
    this.instance = instance;
    this.time = time;
  }

  /** Every file this instance has read, by path. */
  @Transactional
  Map<String, Position> load() {
    List<?> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select path, file_key, read_offset, skipped_lines from transcript_file"
                    + " where instance_id = ?1")
            .setParameter(1, instance.id())
            .getResultList();
    Map<String, Position> positions = new HashMap<>();
    for (Object row : rows) {
      Object[] cells = (Object[]) row;
      positions.put(
          (String) cells[0],
          new Position(
              (String) cells[1], ((Number) cells[2]).longValue(), ((Number) cells[3]).longValue()));
    }
    return positions;
  }

  /** Saves where reading each file stopped, by path, in one transaction. */
  @Transactional
  void save(Map<String, Position> positions) {
    // Only this instance's reader writes its rows: an update, else an insert, cannot race.
    positions.forEach(
        (path, position) -> {
          if (write(UPDATE, path, position) == 0) {
            write(INSERT, path, position);
          }
        });
  }

  private static final String UPDATE =
      "update transcript_file set file_key = ?1, read_offset = ?2, skipped_lines = ?3,"
          + " updated_at = ?4 where instance_id = ?5 and path = ?6";

  private static final String INSERT =
      "insert into transcript_file (file_key, read_offset, skipped_lines, updated_at,"
          + " instance_id, path) values (?1, ?2, ?3, ?4, ?5, ?6)";

  /** Runs the update or the insert, which take the same parameters in the same order. */
  private int write(String statement, String path, Position position) {
    return Panache.getEntityManager()
        .createNativeQuery(statement)
        .setParameter(1, position.fileKey())
        .setParameter(2, position.offset())
        .setParameter(3, position.skippedLines())
        .setParameter(4, time.now())
        .setParameter(5, instance.id())
        .setParameter(6, path)
        .executeUpdate();
  }
}
