package dev.sessionsidecar.budget;

/**
 * Whose spend a budget is measured on: one session, one project, one sidecar, or the whole fleet.
 * Its key names it in the alert table and on the page.
 */
record Subject(BudgetScope scope, String sessionId, Long projectId, String instanceId) {

  static Subject session(String sessionId, Long projectId) {
    return new Subject(BudgetScope.SESSION, sessionId, projectId, null);
  }

  static Subject project(long projectId) {
    return new Subject(BudgetScope.PROJECT, null, projectId, null);
  }

  static Subject instance(String instanceId) {
    return new Subject(BudgetScope.INSTANCE, null, null, instanceId);
  }

  static final Subject FLEET = new Subject(BudgetScope.FLEET, null, null, null);

  /** {@code session:abc}, {@code project:12}, {@code instance:pod-1}, {@code fleet}. */
  String key() {
    return switch (scope) {
      case SESSION -> "session:" + sessionId;
      case PROJECT -> "project:" + projectId;
      case INSTANCE -> "instance:" + instanceId;
      case FLEET -> "fleet";
    };
  }
}
