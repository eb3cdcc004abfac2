package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.Conditions;
import java.time.Instant;

/**
 * Which sessions a listing wants; a null part does not filter. Start from {@link #ALL} and narrow
 * it with the named methods.
 */
public record SessionFilter(
    String projectPath, SessionStatus status, Instant activeSince, String pod, String namespace) {

  /** Every session. */
  public static final SessionFilter ALL = new SessionFilter(null, null, null, null, null);

  /** Only the sessions of the project at this path (null: any project). */
  public SessionFilter inProject(String path) {
    return new SessionFilter(path, status, activeSince, pod, namespace);
  }

  /** Only sessions in this status (null: any). */
  public SessionFilter withStatus(SessionStatus wanted) {
    return new SessionFilter(projectPath, wanted, activeSince, pod, namespace);
  }

  /** Only sessions with activity at or after this time (null: any time). */
  public SessionFilter activeSince(Instant since) {
    return new SessionFilter(projectPath, status, since, pod, namespace);
  }

  /**
   * Only sessions last started or resumed in this pod, named by pod name or by the id of an
   * instance outside Kubernetes (null: any pod).
   */
  public SessionFilter onPod(String podName) {
    return new SessionFilter(projectPath, status, activeSince, podName, namespace);
  }

  /** Only sessions last started or resumed in this Kubernetes namespace (null: any). */
  public SessionFilter inNamespace(String podNamespace) {
    return new SessionFilter(projectPath, status, activeSince, pod, podNamespace);
  }

  /** The JPQL conditions on {@code AgentSession} for this filter. */
  Conditions conditions() {
    return new Conditions()
        .and("project.path = :path", "path", projectPath)
        .and("status = :status", "status", status)
        .and("lastActivityAt >= :since", "since", activeSince)
        .and("(podName = :pod or instanceId = :pod)", "pod", pod)
        .and("podNamespace = :namespace", "namespace", namespace);
  }
}
