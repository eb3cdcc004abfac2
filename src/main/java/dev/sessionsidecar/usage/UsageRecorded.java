package dev.sessionsidecar.usage;

import java.util.List;

/**
 * Fired once a usage write committed new records: whose they were, so that features which watch
 * spend (budgets) can look again without the ledger knowing them.
 */
public record UsageRecorded(List<Spender> spenders) {

  /** The session (null: none) and project (null: none) a new record was charged to. */
  public record Spender(String sessionId, Long projectId) {}
}
