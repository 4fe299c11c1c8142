package org.newsflow.testing;

import java.util.List;

import org.newsflow.contract.NinjsSchemaLocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The official IPTC ninjs 3.1 schema (bundled, CC BY 4.0): what every article a consumer receives must satisfy. */
public final class NinjsSchema {

    private static final JsonSchema SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(NinjsSchemaLocation.GEOJSON_PREFIX, NinjsSchemaLocation.BUNDLED_PREFIX)
                    .mapPrefix(NinjsSchemaLocation.IPTC_PREFIX, NinjsSchemaLocation.BUNDLED_PREFIX)))
            .getSchema(SchemaLocation.of("classpath:" + NinjsSchemaLocation.RESOURCE),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    /** Every way {@code article} breaks the schema; empty when it is a valid ninjs 3.1 item. */
    public static List<String> violations(JsonNode article) {
        return SCHEMA.validate(article).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private NinjsSchema() {
    }
}
