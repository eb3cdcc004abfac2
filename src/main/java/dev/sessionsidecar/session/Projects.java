package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The one answer to "which project": the active one, the one a request names (else the active one),
 * a path's stored id and an id's path; and stores projects by path for the features that file
 * records in them.
 */
@ApplicationScoped
public class Projects {

  /** An id that matches no project: one never stored has no records of any kind. */
  public static final long NONE = -1;

  private final Timestamps time;
  private final CurrentSession current;

  Projects(Timestamps time, CurrentSession current) {
    this.time = time;
    this.current = current;
  }

  /**
   * The active project: that of the session this sidecar most recently started or resumed, else the
   * configured one (its id null while no session has started there).
   */
  public Optional<ProjectView> active() {
    return current.activeProject();
  }

  /**
   * The path a request names, else the active project's; without either, a 400 on {@code field}
   * that adds {@code alternative} to the ways out.
   */
  public String namedOrActive(String named, String field, String alternative) {
    if (named != null) {
      return named;
    }
    return active()
        .map(ProjectView::path)
        .orElseThrow(
            () ->
                ApiException.invalidArgument(
                    field,
                    "is required: there is no active project (start a session, configure"
                        + " sidecar.project, or "
                        + alternative
                        + ")"));
  }

  /** The stored id of a project, if any session or record was ever filed in it. */
  @Transactional
  public Optional<Long> id(String path) {
    return Project.byPath(path).map(p -> p.id);
  }

  /** The stored id of a project, or {@link #NONE} so that queries by it find nothing. */
  @Transactional // its own: a call to id() from here does not pass through the interceptor
  public long idOrNone(String path) {
    return id(path).orElse(NONE);
  }

  /** The path of a stored project; null for null (a record of no project, or of every one). */
  @Transactional
  public String pathOf(Long id) {
    return id == null ? null : Project.<Project>findById(id).path;
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

  /** The longest project name the column keeps. */
  static final int MAX_NAME = 200;

  /** The project at {@code path}, stored with the name (or a default one) when it is new. */
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
