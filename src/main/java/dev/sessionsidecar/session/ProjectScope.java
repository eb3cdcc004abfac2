package dev.sessionsidecar.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Turns the {@code project} a goal or preference names (a path, {@code global}, or nothing for the
 * active project) into the project it belongs to.
 */
@ApplicationScoped
public class ProjectScope {

  public static final String GLOBAL = "global";

  private final CurrentSession current;
  private final Projects projects;

  ProjectScope(CurrentSession current, Projects projects) {
    this.current = current;
    this.projects = projects;
  }

  /** A project to write to: its id, or empty for global; stores the project when it is new. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Long> forWriting(String project) {
    String path = path(project);
    return path == null ? Optional.empty() : Optional.of(projects.locked(path).id);
  }

  /** A project to read: its id ({@link #UNKNOWN} when never stored), or empty for global. */
  public Optional<Long> forReading(String project) {
    String path = path(project);
    return path == null ? Optional.empty() : Optional.of(current.projectIdOrNone(path));
  }

  /** The path named, else the active project's; null for global. */
  private String path(String project) {
    if (GLOBAL.equals(project)) {
      return null;
    }
    return current.projectPathOrActive(project, "project", "give a path or \"" + GLOBAL + "\"");
  }

  /** The project a recap or listing reads by default: the active one's id, if there is one. */
  public Optional<ProjectView> active() {
    return current.activeProject();
  }
}
