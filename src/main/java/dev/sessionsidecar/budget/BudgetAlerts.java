package dev.sessionsidecar.budget;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The thresholds that fired, per budget, subject and period. Recording one is the claim to send its
 * alert: the row's primary key lets exactly one of two writers (threads or sidecars) that cross the
 * same line at once insert it.
 */
@ApplicationScoped
class BudgetAlerts {

  /** The thresholds, in percent of the limit, already fired for the subject in the period. */
  Set<Integer> fired(long budgetId, String subject, String periodKey) {
    List<?> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Panache.getEntityManager()
                        .createNativeQuery(
                            "select threshold_pct from budget_alert where budget_id = ?1"
                                + " and subject = ?2 and period_key = ?3")
                        .setParameter(1, budgetId)
                        .setParameter(2, subject)
                        .setParameter(3, periodKey)
                        .getResultList());
    Set<Integer> fired = new HashSet<>();
    rows.forEach(row -> fired.add(((Number) row).intValue()));
    return fired;
  }

  /** Records a threshold as fired; false when another writer recorded it first. */
  boolean claim(long budgetId, String periodKey, int percent, BudgetUse use, Instant now) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  Panache.getEntityManager()
                      .createNativeQuery(
                          "insert into budget_alert (budget_id, subject, period_key,"
                              + " threshold_pct, used_usd, used_tokens, fired_at)"
                              + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                      .setParameter(1, budgetId)
                      .setParameter(2, use.subject())
                      .setParameter(3, periodKey)
                      .setParameter(4, percent)
                      .setParameter(5, use.usedUsd())
                      .setParameter(6, use.usedTokens())
                      .setParameter(7, now)
                      .executeUpdate());
      return true;
    } catch (PersistenceException alreadyFired) {
      return false;
    }
  }
}
