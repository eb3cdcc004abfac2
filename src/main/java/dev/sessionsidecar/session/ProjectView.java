package dev.sessionsidecar.session;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A project as the API shows it (path and name), with its stored id for queries; the id is null for
 * a configured project no session has started yet.
 */
public record ProjectView(@JsonIgnore Long id, String path, String name) {

  static ProjectView of(Project project) {
    return new ProjectView(project.id, project.path, project.name);
  }

  /** The stored id, or {@link Projects#NONE} so that queries by it find nothing. */
  public long idOrNone() {
    return id == null ? Projects.NONE : id;
  }
}
