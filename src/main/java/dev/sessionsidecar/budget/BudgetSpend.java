package dev.sessionsidecar.budget;

import dev.sessionsidecar.session.SessionQueries;
import dev.sessionsidecar.usage.SessionUsage;
import dev.sessionsidecar.usage.UsageConfig;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Measures a budget's subject over the current period: a session's whole life from the running
 * totals on its row, a session's day, week or month from its records of the period, anything wider
 * from the daily rollups, whose days (in the usage time zone) are the periods' bounds.
 */
@ApplicationScoped
class BudgetSpend {

  private final UsageQueries usage;
  private final SessionQueries sessions;
  private final ZoneId zone;

  BudgetSpend(UsageQueries usage, SessionQueries sessions, UsageConfig config) {
    this.usage = usage;
    this.sessions = sessions;
    this.zone = config.timeZone();
  }

  BudgetUse use(Budget budget, Subject subject, Instant now) {
    return BudgetUse.of(budget, subject, budget.period.key(now, zone), spend(budget, subject, now));
  }

  private BudgetUse.Spend spend(Budget budget, Subject subject, Instant now) {
    if (subject.scope() == BudgetScope.SESSION && budget.period == BudgetPeriod.SESSION) {
      SessionQueries.Spend so = sessions.spendOf(subject.sessionId());
      return new BudgetUse.Spend(so.costUsd(), so.tokens(), so.unknownCostRequests());
    }
    if (subject.scope() == BudgetScope.SESSION) {
      // A session's spend within a day, week or month: summed from its records of the period.
      SessionUsage used =
          usage.forSessionSince(subject.sessionId(), budget.period.start(now, zone));
      return new BudgetUse.Spend(
          used.costUsd(), used.inputTokens() + used.outputTokens(), used.unknownCostRequests());
    }
    LocalDate from = budget.period.firstDay(now, zone);
    UsageFigures used =
        switch (subject.scope()) {
          case PROJECT -> usage.totalSince(from, subject.projectId(), null);
          case INSTANCE -> usage.totalSince(from, null, List.of(subject.instanceId()));
          default -> usage.totalSince(from, null, null);
        };
    return new BudgetUse.Spend(
        used.costUsd(), used.inputTokens() + used.outputTokens(), used.unknownCostRequests());
  }
}
