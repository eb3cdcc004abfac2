package dev.sessionsidecar.fleet;

import dev.sessionsidecar.platform.InstanceHeartbeat;
import dev.sessionsidecar.platform.PodNarrowing;
import dev.sessionsidecar.platform.SidecarInstance;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.AgentSession;
import dev.sessionsidecar.session.ToolCall;
import dev.sessionsidecar.usage.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The sidecars seen on this database, with what each recorded over a window. */
@ApplicationScoped
public class FleetService {

  private final Timestamps time;

  FleetService(Timestamps time) {
    this.time = time;
  }

  /**
   * The instances seen that the narrowing selects, most recently seen first, with their figures
   * over the last days.
   */
  @Transactional
  public List<InstanceView> instances(int days, PodNarrowing narrowing) {
    Instant now = time.now();
    Instant since = now.minus(Duration.ofDays(days));
    Instant aliveAfter = now.minus(InstanceHeartbeat.ALIVE_WITHIN);
    Set<String> selected = narrowing.any() ? Set.copyOf(narrowing.instanceIds()) : null;
    return SidecarInstance.allBySeen().stream()
        .filter(i -> selected == null || selected.contains(i.id))
        .map(
            i -> {
              UsageRecord.Spend spend = UsageRecord.spendOfSince(i.id, since);
              return new InstanceView(
                  i.id,
                  i.podName,
                  i.podNamespace,
                  i.nodeName,
                  i.startedAt,
                  i.lastSeenAt,
                  i.lastSeenAt.isAfter(aliveAfter),
                  AgentSession.countActiveOf(i.id),
                  ToolCall.countOfSince(i.id, since),
                  spend.requests(),
                  spend.costUsd().stripTrailingZeros(),
                  spend.unknownCostRequests());
            })
        .toList();
  }
}
