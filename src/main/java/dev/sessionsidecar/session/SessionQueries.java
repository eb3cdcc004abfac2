package dev.sessionsidecar.session;

import dev.sessionsidecar.platform.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/** Lists sessions and sums them: newest first, by filter, with totals. */
@ApplicationScoped
public class SessionQueries {

  /** The newest sessions by last activity, of one project (or of all when the path is null). */
  @Transactional
  public List<SessionView> recent(String projectPath, int limit) {
    return AgentSession.newestOf(projectPath).range(0, limit - 1).list().stream()
        .map(SessionView::of)
        .toList();
  }

  /** Sessions, newest activity first, optionally of one project and status and active since. */
  @Transactional
  public Page<SessionView> list(SessionFilter filter, int limit, int offset) {
    PanacheQuery<AgentSession> query = AgentSession.matching(filter);
    var items =
        query.range(offset, offset + limit - 1).list().stream().map(SessionView::of).toList();
    return new Page<>(items, query.count(), limit, offset);
  }

  /** How many sessions the filter matches, and their tool calls and errors summed. */
  public record Totals(long sessions, long toolCalls, long errors) {}

  /** The totals of the sessions {@link #list} would list. */
  @Transactional
  public Totals totals(SessionFilter filter) {
    AgentSession.Totals totals = AgentSession.totalsOf(filter);
    return new Totals(totals.sessions(), totals.toolCalls(), totals.errors());
  }

  /** The stored ids of the projects the filter's sessions worked in. */
  @Transactional
  public List<Long> projectIds(SessionFilter filter) {
    return AgentSession.projectIdsOf(filter);
  }

  /** What a session spent on LLM calls so far: cost, tokens, and calls of unknown cost. */
  public record Spend(BigDecimal costUsd, long tokens, long unknownCostRequests) {}

  /** The session's running spend, read from its row (kept with each usage record). */
  @Transactional
  public Spend spendOf(String sessionId) {
    AgentSession session = AgentSession.findById(sessionId);
    return session == null
        ? new Spend(BigDecimal.ZERO, 0, 0)
        : new Spend(session.usageCostUsd, session.usageTokens, session.usageUnknownCost);
  }
}
