package org.newsflow.ingest.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.FieldViolation;
import org.newsflow.contract.NinjsSchemaLocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** Checks an item against the official IPTC ninjs 3.1 JSON schema (bundled), so consumers only get valid ninjs. */
@ApplicationScoped
public class NinjsSchemaValidator {

    private final JsonSchema schema = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(NinjsSchemaLocation.GEOJSON_PREFIX, NinjsSchemaLocation.BUNDLED_PREFIX)
                    .mapPrefix(NinjsSchemaLocation.IPTC_PREFIX, NinjsSchemaLocation.BUNDLED_PREFIX)))
            .getSchema(SchemaLocation.of("classpath:" + NinjsSchemaLocation.RESOURCE),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    /** Every way the item breaks the schema, as JSON Pointer + the schema keyword that failed. */
    public List<FieldViolation> violations(JsonNode item) {
        return schema.validate(item).stream()
                .map(message -> new FieldViolation(pointer(message.getInstanceLocation().toString(), message.getProperty()),
                        "ninjs-" + message.getType(), message.getMessage()))
                .distinct()
                .toList();
    }

    /** {@code $.bodies[0].value} → {@code /bodies/0/value}; an unexpected property is named by its own path. */
    private static String pointer(String location, String property) {
        String path = location.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        if (property != null && !property.isEmpty() && !path.endsWith("/" + property)) {
            path = path + "/" + property;
        }
        return path;
    }
}
