package dev.sessionsidecar.tool;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Describes the body of {@code POST /v1/tools/session} in the API description with the tool's own
 * input schema ({@link SessionToolSchema}, the one MCP clients get), instead of the shape of the
 * JSON tree the resource reads it as: a generated client or a fuzzer sees the actions and their
 * arguments.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SessionToolOpenApi implements OASFilter {

  static final String PATH = "/v1/tools/session";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().getPathItem(PATH);
    if (item == null || item.getPOST() == null) {
      return;
    }
    MediaType json = OASFactory.createMediaType().schema(schema(SessionToolSchema.input()));
    item.getPOST()
        .requestBody(
            OASFactory.createRequestBody()
                .required(true)
                .content(OASFactory.createContent().addMediaType("application/json", json)));
  }

  /** A JSON Schema written as maps, as an OpenAPI schema. */
  @SuppressWarnings("unchecked")
  static Schema schema(Map<String, Object> json) {
    Schema schema = OASFactory.createSchema();
    json.forEach(
        (keyword, value) -> {
          switch (keyword) {
            case "type" ->
                schema.type(
                    List.of(Schema.SchemaType.valueOf(((String) value).toUpperCase(Locale.ROOT))));
            case "properties" ->
                ((Map<String, Object>) value)
                    .forEach(
                        (name, p) -> schema.addProperty(name, schema((Map<String, Object>) p)));
            case "items" -> schema.items(schema((Map<String, Object>) value));
            case "additionalProperties" -> schema.additionalPropertiesBoolean((Boolean) value);
            case "required" -> schema.required((List<String>) value);
            case "enum" -> schema.enumeration((List<Object>) value);
            case "description" -> schema.description((String) value);
            case "default" -> schema.defaultValue(value);
            case "minimum" -> schema.minimum(new BigDecimal(value.toString()));
            case "maximum" -> schema.maximum(new BigDecimal(value.toString()));
            case "minLength" -> schema.minLength((Integer) value);
            default -> schema.set(keyword, value);
          }
        });
    return schema;
  }
}
