package dev.sessionsidecar.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The price table: the one shipped in {@code prices/llm-prices.json}, then the rows of {@code
 * sidecar.usage.prices-file}, which win. Finds a model by id, alias or dated snapshot.
 */
@ApplicationScoped
public class PriceTable {

  static final String BUILT_IN = "prices/llm-prices.json";

  /** A dated snapshot suffix: {@code -20250929} or {@code -2025-09-29}. */
  private static final Pattern DATED_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$");

  private final Map<String, ModelPrice> byKey = new HashMap<>();
  private final String version;

  PriceTable(UsageConfig config, ObjectMapper mapper) {
    StringBuilder versions = new StringBuilder();
    try (InputStream builtIn =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
      versions.append(load(mapper.readTree(builtIn), "the built-in price table"));
    } catch (IOException e) {
      throw new UncheckedIOException("The built-in price table cannot be read", e);
    }
    Optional<Path> extra = config.pricesFile();
    if (extra.isPresent()) {
      try {
        versions
            .append('+')
            .append(load(mapper.readTree(Files.readAllBytes(extra.get())), extra.get().toString()));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException(
            "sidecar.usage.prices-file " + extra.get() + " cannot be used: " + e.getMessage(), e);
      }
    }
    this.version = versions.toString();
    Log.infof("Price table %s: %d model ids", version, byKey.size());
  }

  /** The table's version, stored with every estimate so it can be explained later. */
  public String version() {
    return version;
  }

  /** The prices of a model: by id, by alias, or by the id without a dated snapshot suffix. */
  Optional<ModelPrice> find(String provider, String model) {
    ModelPrice exact = byKey.get(key(provider, model));
    if (exact != null) {
      return Optional.of(exact);
    }
    String undated = DATED_SUFFIX.matcher(model).replaceFirst("");
    return Optional.ofNullable(byKey.get(key(provider, undated)));
  }

  private String load(JsonNode table, String origin) {
    if (table == null || !table.path("models").isArray() || !table.path("version").isTextual()) {
      throw new IllegalArgumentException(
          origin + " must be a JSON object with \"version\" and a \"models\" array");
    }
    for (JsonNode row : table.get("models")) {
      ModelPrice price = parse(row, origin);
      byKey.put(key(price.provider(), price.model()), price);
      for (JsonNode alias : row.path("aliases")) {
        byKey.put(key(price.provider(), alias.asText()), price);
      }
    }
    return table.get("version").asText();
  }

  private static ModelPrice parse(JsonNode row, String origin) {
    if (!row.path("provider").isTextual()
        || !row.path("model").isTextual()
        || !row.path("input").isNumber()
        || !row.path("output").isNumber()) {
      throw new IllegalArgumentException(
          origin
              + ": every model needs provider, model, and numeric input and output prices: "
              + row);
    }
    Map<String, BigDecimal> prices = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNumber()) {
        prices.put(field.getKey(), field.getValue().decimalValue());
      }
    }
    return new ModelPrice(
        normalize(row.get("provider").asText()),
        normalize(row.get("model").asText()),
        Map.copyOf(prices));
  }

  private static String key(String provider, String model) {
    return normalize(provider) + "\u0000" + normalize(model);
  }

  static String normalize(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
