package dev.sessionsidecar.budget;

import dev.sessionsidecar.insight.Evidence;
import dev.sessionsidecar.insight.Finding;
import dev.sessionsidecar.insight.InsightService;
import dev.sessionsidecar.insight.InsightSource;
import dev.sessionsidecar.platform.InstanceIdentity;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.session.Projects;
import dev.sessionsidecar.usage.UsageRecorded;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks at the budgets each time new usage is committed: updates their gauges, and when a threshold
 * is crossed for the first time in a period, claims it and tells (an insight, the log, the
 * webhook). Runs once the write is committed, before it answers: a failure here is logged and never
 * fails the write.
 */
@ApplicationScoped
class BudgetWatch {

  private final BudgetSpend spend;
  private final BudgetAlerts alerts;
  private final BudgetMetrics metrics;
  private final BudgetWebhook webhook;
  private final InsightService insights;
  private final InstanceIdentity instance;
  private final Timestamps time;

  private final Projects projects;

  BudgetWatch(
      Projects projects,
      BudgetSpend spend,
      BudgetAlerts alerts,
      BudgetMetrics metrics,
      BudgetWebhook webhook,
      InsightService insights,
      InstanceIdentity instance,
      Timestamps time) {
    this.projects = projects;
    this.spend = spend;
    this.alerts = alerts;
    this.metrics = metrics;
    this.webhook = webhook;
    this.insights = insights;
    this.instance = instance;
    this.time = time;
  }

  void onUsage(@Observes UsageRecorded recorded) {
    try {
      Instant now = time.now();
      // One read transaction measures every budget the new usage touches.
      List<Measured> measured =
          QuarkusTransaction.requiringNew().call(() -> measure(recorded, now));
      measured.forEach(m -> look(m, now));
    } catch (RuntimeException e) {
      Log.warnf(e, "Budgets not checked after a usage write; the next write checks them again");
    }
  }

  /** A budget's use by one subject, and the project the usage that moved it was charged to. */
  private record Measured(Budget budget, Subject subject, BudgetUse use, Long projectId) {}

  private List<Measured> measure(UsageRecorded recorded, Instant now) {
    List<Budget> budgets = Budget.allByAge();
    List<Measured> measured = new ArrayList<>();
    if (budgets.isEmpty()) {
      return measured;
    }
    Set<String> seen = new HashSet<>();
    for (UsageRecorded.Spender spender : recorded.spenders()) {
      for (Budget budget : budgets) {
        budget
            .subjectFor(spender.sessionId(), spender.projectId(), instance.id())
            .filter(subject -> seen.add(budget.id + " " + subject.key()))
            .ifPresent(
                subject ->
                    measured.add(
                        new Measured(
                            budget,
                            subject,
                            spend.use(budget, subject, now),
                            spender.projectId())));
      }
    }
    return measured;
  }

  private void look(Measured m, Instant now) {
    Budget budget = m.budget();
    BudgetUse use = m.use();
    metrics.used(budget, use.usedRatio());
    List<Integer> crossed = new ArrayList<>();
    // Compared in decimals: 0.29 used reaches a 29% threshold (0.29 * 100 is 28.999... in double).
    BigDecimal usedPercent = BigDecimal.valueOf(use.usedRatio()).movePointRight(2);
    for (int percent : budget.thresholdPercents()) {
      if (usedPercent.compareTo(BigDecimal.valueOf(percent)) >= 0) {
        crossed.add(percent);
      }
    }
    if (crossed.isEmpty()) {
      return;
    }
    crossed.removeAll(alerts.fired(budget.id, use.subject(), use.periodKey()));
    int highest = -1;
    for (int percent : crossed) {
      if (alerts.claim(budget.id, use.periodKey(), percent, use, now)) {
        highest = percent;
      }
    }
    if (highest >= 0) {
      tell(BudgetAlert.of(budget, use, highest, now), m.subject(), m.projectId());
    }
  }

  /** One alert per crossing, for the highest threshold crossed at once. */
  private void tell(BudgetAlert alert, Subject subject, Long projectId) {
    Log.warn(alert.text());
    webhook.send(alert);
    if (projectId == null) {
      return;
    }
    String path = QuarkusTransaction.requiringNew().call(() -> projects.pathOf(projectId));
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("note", "budget " + alert.budgetId(), null, alert.text()));
    if (subject.sessionId() != null) {
      evidence.add(new Evidence("session", subject.sessionId(), subject.sessionId(), null));
    }
    insights.report(
        new Finding(
            InsightSource.PROACTIVE,
            "budget",
            alert.text().length() <= 300 ? alert.text() : alert.text().substring(0, 299) + "…",
            "Thresholds fire once per period; raise or remove the budget with PATCH or DELETE"
                + " /v1/budgets/"
                + alert.budgetId()
                + ".",
            evidence,
            1.0,
            "budget:"
                + alert.budgetId()
                + ":"
                + alert.subject()
                + ":"
                + alert.periodKey()
                + ":"
                + Math.round(alert.threshold() * 100)),
        path);
  }
}
