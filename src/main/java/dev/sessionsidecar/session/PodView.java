package dev.sessionsidecar.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The Kubernetes pod a session last ran in, as the downward API named it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodView(String name, String namespace, String node, String uid) {

  /** The session's pod, or null when it ran outside Kubernetes. */
  static PodView of(AgentSession s) {
    if (s.podName == null && s.podNamespace == null && s.nodeName == null && s.podUid == null) {
      return null;
    }
    return new PodView(s.podName, s.podNamespace, s.nodeName, s.podUid);
  }

  /** One line: {@code namespace/name on node (uid)}. */
  public String describe() {
    return (namespace == null ? "" : namespace + "/")
        + (name == null ? "?" : name)
        + (node == null ? "" : " on node " + node)
        + (uid == null ? "" : " (uid " + uid + ")");
  }
}
