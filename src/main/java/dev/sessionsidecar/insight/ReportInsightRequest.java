package dev.sessionsidecar.insight;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.sessionsidecar.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * Body of {@code POST /v1/insights}. {@code project} defaults to the active project; {@code
 * dedupe_key} defaults to the kind and the title, so the same finding reported twice is one row.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportInsightRequest(
    @NotBlank(message = "is required: one of pondering, proactive, doc_gap")
        @Pattern(
            regexp = "pondering|proactive|doc_gap",
            message = "must be one of pondering, proactive, doc_gap")
        String source,
    @NotBlank(message = "is required, e.g. missing_docs or repeated_failure")
        @Pattern(
            regexp = "^[a-z][a-z0-9_]{0,49}$",
            message = "must be a kind such as missing_docs: lower-case letters, digits and _")
        String kind,
    @NotBlank(message = "is required")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(max = 300, message = "must be at most 300 characters")
        String title,
    @Size(max = 4000, message = "must be at most 4000 characters") String detail,
    @Size(max = 20, message = "must hold at most 20 items") List<@Valid @NotNull Evidence> evidence,
    @NotNull(message = "is required: a number from 0 to 1")
        @DecimalMin(value = "0", message = "must be a number from 0 to 1")
        @DecimalMax(value = "1", message = "must be a number from 0 to 1")
        Double confidence,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 300, message = "must be 1 to 300 characters")
        String dedupeKey,
    @Pattern(regexp = PlainText.PATTERN, message = PlainText.RULE)
        @Size(min = 1, max = 1024, message = "must be 1 to 1024 characters")
        String project) {

  Finding finding() {
    return new Finding(
        InsightSource.fromWire(source).orElseThrow(),
        kind,
        title,
        detail,
        evidence == null ? List.of() : evidence,
        confidence,
        dedupeKey != null ? dedupeKey : kind + ":" + title.strip().toLowerCase(Locale.ROOT));
  }
}
