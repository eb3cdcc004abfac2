package dev.sessionsidecar.session;

/** A project as the API shows it. */
public record ProjectView(String path, String name) {

  static ProjectView of(Project project) {
    return new ProjectView(project.path, project.name);
  }
}
