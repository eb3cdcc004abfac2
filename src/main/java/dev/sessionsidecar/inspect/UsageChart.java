package dev.sessionsidecar.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.usage.UsageQueries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The usage chart's data in uPlot's shape: one x value per day (Unix seconds at UTC midnight) and,
 * per model, one cost and one token value per day (0 on days the model was not used). A day whose
 * requests all had an unknown cost has no cost value (null, a gap), not a misleading $0.
 */
record UsageChart(List<Long> days, List<Series> series) {

  /** One model's values, aligned with {@link #days}. */
  record Series(String model, List<Double> costUsd, List<Long> tokens) {}

  static UsageChart of(List<UsageQueries.Daily> daily, ZoneId zone) {
    List<LocalDate> dayList =
        new ArrayList<>(new TreeSet<>(daily.stream().map(d -> d.day()).toList()));
    Map<String, Series> byModel = new LinkedHashMap<>();
    for (String model : new TreeSet<>(daily.stream().map(UsageQueries.Daily::model).toList())) {
      List<Double> cost = new ArrayList<>();
      List<Long> tokens = new ArrayList<>();
      dayList.forEach(
          day -> {
            cost.add(0.0);
            tokens.add(0L);
          });
      byModel.put(model, new Series(model, cost, tokens));
    }
    for (UsageQueries.Daily d : daily) {
      Series s = byModel.get(d.model());
      int i = dayList.indexOf(d.day());
      boolean costUnknown = d.figures().unknownCostRequests() == d.figures().requests();
      s.costUsd().set(i, costUnknown ? null : d.figures().costUsd().doubleValue());
      s.tokens().set(i, d.figures().inputTokens() + d.figures().outputTokens());
    }
    List<Long> xs = dayList.stream().map(day -> day.atStartOfDay(zone).toEpochSecond()).toList();
    return new UsageChart(xs, List.copyOf(byModel.values()));
  }

  /** JSON safe inside a {@code <script type="application/json">} element. */
  String toScriptJson(ObjectMapper json) {
    try {
      // "<" only occurs inside strings here; escaped, no "</script>" can end the element early.
      return json.writeValueAsString(this).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data is plain records", e);
    }
  }
}
