package dev.sessionsidecar.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A sidecar seen on this database: where it runs and when it last said it is alive. */
@Entity
@Table(name = "sidecar_instance")
public class SidecarInstance extends PanacheEntityBase {

  @Id public String id;

  @Column(name = "pod_name")
  public String podName;

  @Column(name = "pod_namespace")
  public String podNamespace;

  @Column(name = "node_name")
  public String nodeName;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;

  /** Every instance seen, most recently seen first. */
  public static List<SidecarInstance> allBySeen() {
    return list("order by lastSeenAt desc, id");
  }

  /**
   * The ids of the instances in this pod (its name, or an instance id) and namespace; a null part
   * matches any.
   */
  static List<String> idsMatching(String pod, String namespace) {
    Conditions matching =
        new Conditions()
            .and("(id = :pod or podName = :pod)", "pod", pod)
            .and("podNamespace = :namespace", "namespace", namespace);
    return SidecarInstance.<SidecarInstance>list(
            matching.where(), Sort.by("id"), matching.parameters())
        .stream()
        .map(i -> i.id)
        .toList();
  }
}
