package dev.sessionsidecar.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionsidecar.platform.ApiException;
import dev.sessionsidecar.platform.ProblemCode;
import dev.sessionsidecar.platform.Timestamps;
import dev.sessionsidecar.platform.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code POST /v1/usage} body, one record or an array, and checks every record before
 * anything is stored, so a bad array stores nothing.
 */
@ApplicationScoped
class UsageIntake {

  private final ObjectMapper mapper;
  private final Validator validator;
  private final UsageConfig config;
  private final Timestamps time;

  UsageIntake(ObjectMapper mapper, Validator validator, UsageConfig config, Timestamps time) {
    this.mapper = mapper;
    this.validator = validator;
    this.config = config;
    this.time = time;
  }

  /** The checked records, in body order. */
  List<RecordUsageRequest> read(JsonNode body) throws JsonProcessingException {
    if (body != null && body.isObject()) {
      return List.of(checked(body, ""));
    }
    if (body == null || !body.isArray()) {
      throw new ApiException(
          ProblemCode.MALFORMED_REQUEST,
          "The body must be one usage record (a JSON object) or a JSON array of them.");
    }
    int max = config.maxBatch();
    if (body.isEmpty() || body.size() > max) {
      throw ApiException.invalidArgument(
          "body", "an array must hold 1 to " + max + " records (got " + body.size() + ")");
    }
    List<RecordUsageRequest> records = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      try {
        records.add(checked(body.get(i), "[" + i + "]."));
      } catch (JsonMappingException e) {
        throw JsonMappingException.wrapWithPath(e, body, i);
      }
    }
    return records;
  }

  private RecordUsageRequest checked(JsonNode node, String prefix) throws JsonProcessingException {
    if (!node.isObject()) {
      throw ApiException.invalidArgument(prefix + "record", "must be a JSON object");
    }
    return checked(mapper.treeToValue(node, RecordUsageRequest.class), prefix);
  }

  /** The record once it meets every rule; the first broken one is a 400 naming its field. */
  RecordUsageRequest checked(RecordUsageRequest record, String prefix) {
    Set<ConstraintViolation<RecordUsageRequest>> violations = validator.validate(record);
    if (!violations.isEmpty()) {
      throw Violations.toApiException(violations, prefix);
    }
    if (record.cacheRead() + record.cacheWrite() > record.inputTokens()) {
      throw ApiException.invalidArgument(
          prefix + "cache_read_tokens",
          "cache_read_tokens + cache_write_tokens ("
              + (record.cacheRead() + record.cacheWrite())
              + ") exceeds input_tokens ("
              + record.inputTokens()
              + "). By the OpenTelemetry GenAI convention input_tokens counts all input, cached"
              + " included, and the cache counts are parts of it; if your provider reports"
              + " cached input apart (Anthropic does), add it to input_tokens.");
    }
    if (record.cacheWrite1h() < 0 || record.cacheWrite1h() > record.cacheWrite()) {
      throw ApiException.invalidArgument(
          prefix + "cache_write_1h_tokens",
          "must be 0 to cache_write_tokens ("
              + record.cacheWrite()
              + "): it is the part of the cache writes that went to the 1-hour cache");
    }
    if (record.reasoning() > record.outputTokens()) {
      throw ApiException.invalidArgument(
          prefix + "reasoning_tokens",
          "exceeds output_tokens: by the OpenTelemetry GenAI convention output_tokens includes"
              + " reasoning tokens; add them to output_tokens if your provider reports them apart"
              + " (Gemini does).");
    }
    if (record.createdAt() != null) {
      time.reported(prefix + "created_at", record.createdAt());
    }
    fitsAsStored(prefix + "provider", record.provider(), RecordUsageRequest.MAX_PROVIDER);
    fitsAsStored(prefix + "model", record.model(), RecordUsageRequest.MAX_MODEL);
    return record;
  }

  /**
   * Names are stored lower-cased, and lower-casing can lengthen a name (İ becomes i and a dot): the
   * stored form must fit its column too, or the write would fail after the checks passed.
   */
  private static void fitsAsStored(String field, String name, int max) {
    if (name != null && PriceTable.normalize(name).length() > max) {
      throw ApiException.invalidArgument(
          field, "must be at most " + max + " characters once lower-cased, as it is stored");
    }
  }
}
