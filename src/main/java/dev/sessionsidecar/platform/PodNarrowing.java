package dev.sessionsidecar.platform;

import java.util.List;
import java.util.Set;

/**
 * A view narrowed to one pod (its name, or the id of an instance outside Kubernetes) and/or one
 * namespace, as {@code ?pod=} and {@code ?namespace=} ask; null parts do not narrow.
 */
public record PodNarrowing(String pod, String namespace) {

  public static final String POD = "pod";

  public static final String NAMESPACE = "namespace";

  /** The query parameters that narrow a view. */
  public static final Set<String> PARAMETERS = Set.of(POD, NAMESPACE);

  /** Not narrowed: the whole fleet. */
  public static final PodNarrowing NONE = new PodNarrowing(null, null);

  /** Kubernetes' limits: a pod name is a DNS subdomain, a namespace a DNS label. */
  static final int MAX_POD = 253;

  static final int MAX_NAMESPACE = 63;

  /** The narrowing a request's query asks for; blank or over-long values are 400s. */
  public static PodNarrowing of(QueryParameters query) {
    return new PodNarrowing(
        checked(query.string(POD), POD, MAX_POD),
        checked(query.string(NAMESPACE), NAMESPACE, MAX_NAMESPACE));
  }

  public boolean any() {
    return pod != null || namespace != null;
  }

  /** The ids of the instances seen on this database that the narrowing selects. */
  public List<String> instanceIds() {
    return SidecarInstance.idsMatching(pod, namespace);
  }

  private static String checked(String value, String name, int max) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > max) {
      throw ApiException.invalidArgument(
          name, "must be 1 to " + max + " characters, as the Fleet view lists it");
    }
    return value;
  }
}
