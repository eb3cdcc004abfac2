package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Finds and stores projects by path, for sessions and for the features that file records. */
@ApplicationScoped
public class Projects {

  private final Timestamps time;

  Projects(Timestamps time) {
    this.time = time;
  }

  /**
   * The project at {@code path}, stored now if no session was started there yet, locked for the
   * rest of the caller's transaction so writers of one project's records take turns.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Project locked(String path) {
    Project project = stored(path, null, time.now());
    return Project.getEntityManager()
        .find(Project.class, project.id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The project at {@code path}, stored with the name (or a default one) when it is new. */
  /** The longest project name the column keeps. */
  static final int MAX_NAME = 200;

  static Project stored(String path, String name, Instant now) {
    Optional<Project> known = Project.byPath(path);
    if (known.isPresent()) {
      return known.get();
    }
    Project project = new Project();
    project.path = path;
    project.name = name != null ? name : defaultName(path);
    project.createdAt = now;
    project.persistAndFlush();
    return project;
  }

  /**
   * The last segment of the path, as a name; the path itself when it has none. A name is a label of
   * at most {@link #MAX_NAME} characters: a longer segment is shown cut, with an ellipsis (the path
   * itself is kept whole).
   */
  static String defaultName(String path) {
    String name;
    try {
      Path fileName = Path.of(path).getFileName();
      name = fileName == null ? path : fileName.toString();
    } catch (RuntimeException notAPath) {
      name = path;
    }
    return PlainText.abbreviate(name, MAX_NAME);
  }
}
