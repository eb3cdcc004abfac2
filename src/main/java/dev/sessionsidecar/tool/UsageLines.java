package dev.sessionsidecar.tool;

import dev.sessionsidecar.platform.PlainText;
import dev.sessionsidecar.usage.UsageFigures;
import dev.sessionsidecar.usage.UsageQueries;
import dev.sessionsidecar.usage.UsageRecordView;

/** Renders usage as compact lines a model can read: counts, costs in USD, latencies in ms. */
final class UsageLines {

  static final String TABLE_HEADER =
      "group | requests | errors | input | output | cache_read | cache_write | cost_usd |"
          + " unknown_cost | p95_ms";

  private UsageLines() {}

  static String scope(UsageQueries.Scope scope) {
    String window =
        scope.sinceDays() == 0
            ? "all time"
            : "the last "
                + scope.sinceDays()
                + " days ("
                + scope.timeZone()
                + " days from "
                + scope.fromDay()
                + ")";
    String whose = scope.project() == null ? "all projects" : "project " + scope.project().path();
    return "usage of " + whose + " over " + window;
  }

  static String figures(UsageFigures f) {
    return String.join(
        "\n",
        "requests " + f.requests() + ", errors " + f.errors(),
        "tokens input "
            + f.inputTokens()
            + " (cache read "
            + f.cacheReadTokens()
            + ", cache write "
            + f.cacheWriteTokens()
            + "), output "
            + f.outputTokens()
            + " (reasoning "
            + f.reasoningTokens()
            + ")",
        "cost_usd "
            + f.costUsd()
            + " (reported "
            + f.reportedCostUsd()
            + " over "
            + f.reportedCostRequests()
            + " requests, estimated "
            + f.estimatedCostUsd()
            + " over "
            + f.estimatedCostRequests()
            + "; "
            + f.unknownCostRequests()
            + " requests of unknown cost not included)",
        "latency mean "
            + orDash(f.latencyMeanMs())
            + "ms, p95 "
            + p95(f)
            + " ("
            + f.latencyRequests()
            + " requests with latency)");
  }

  static String row(String group, UsageFigures f) {
    return String.join(
        " | ",
        group,
        Long.toString(f.requests()),
        Long.toString(f.errors()),
        Long.toString(f.inputTokens()),
        Long.toString(f.outputTokens()),
        Long.toString(f.cacheReadTokens()),
        Long.toString(f.cacheWriteTokens()),
        f.costUsd().toPlainString(),
        Long.toString(f.unknownCostRequests()),
        f.latencyP95Ms() == null ? "-" : "<=" + f.latencyP95Ms());
  }

  /**
   * The active 5-hour billing block: its window, what it used, how fast it burns (tokens a minute,
   * USD an hour) and where that leads by its end.
   */
  static String activeBlock(UsageQueries.Group block) {
    var b = block.block();
    UsageFigures f = block.figures();
    return "active 5-hour block "
        + b.start()
        + " to "
        + b.end()
        + ": tokens "
        + (f.inputTokens() + f.outputTokens())
        + ", cost_usd "
        + f.costUsd()
        + "; burn "
        + b.tokensPerMinute()
        + " tokens/min, "
        + b.costPerHourUsd()
        + " usd/h; projected by its end "
        + b.projectedTokens()
        + " tokens, "
        + b.projectedCostUsd()
        + " usd";
  }

  static String record(UsageRecordView r) {
    StringBuilder line =
        new StringBuilder()
            .append(r.createdAt())
            .append(' ')
            .append(r.provider())
            .append('/')
            .append(r.model())
            .append(" role=")
            .append(r.role())
            .append(" in=")
            .append(r.inputTokens())
            .append(" out=")
            .append(r.outputTokens());
    if (r.cacheReadTokens() > 0) {
      line.append(" cache_read=").append(r.cacheReadTokens());
    }
    if (r.cacheWriteTokens() > 0) {
      line.append(" cache_write=").append(r.cacheWriteTokens());
    }
    line.append(" cost=")
        .append(
            r.costUsd() == null ? "unknown" : r.costUsd().toPlainString() + " " + r.costSource());
    if (r.latencyMs() != null) {
      line.append(' ').append(r.latencyMs()).append("ms");
    }
    line.append(r.ok() ? " ok" : " error");
    if (r.error() != null) {
      line.append(" error=").append(PlainText.oneLine(r.error(), 120));
    }
    if (r.sessionId() != null) {
      line.append(" session=").append(r.sessionId());
    }
    return line.append(" id=").append(r.id()).toString();
  }

  private static String p95(UsageFigures f) {
    if (f.latencyRequests() == 0) {
      return "-";
    }
    return f.latencyP95Ms() == null ? "over 600000ms" : "<=" + f.latencyP95Ms() + "ms";
  }

  private static String orDash(Long value) {
    return value == null ? "-" : value.toString();
  }
}
