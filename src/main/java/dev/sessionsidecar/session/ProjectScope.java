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

  private final Projects projects;

  ProjectScope(Projects projects) {
    this.projects = projects;
  }

  /** A project to write to: its id, or empty for global; stores the project when it is new. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Long> forWriting(String project) {
    String path = path(project);
    return path == null ? Optional.empty() : Optional.of(projects.locked(path).id);
  }

  /** A project to read: its id ({@link Projects#NONE} when never stored), or empty for global. */
  public Optional<Long> forReading(String project) {
    String path = path(project);
    return path == null ? Optional.empty() : Optional.of(projects.idOrNone(path));
  }

  /** The path named, else the active project's; null for global. */
  private String path(String project) {
    if (GLOBAL.equals(project)) {
      return null;
    }
    return projects.namedOrActive(project, "project", "give a path or \"" + GLOBAL + "\"");
  }

  /** The active project, if there is one: without it, nothing names a project but global. */
  public Optional<ProjectView> active() {
    return projects.active();
  }
}
