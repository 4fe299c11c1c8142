package org.newsflow.contract;

/**
 * Where the official IPTC ninjs 3.1 JSON schema (CC BY 4.0, bundled unchanged) is on the classpath. Every
 * article a consumer receives validates against it.
 */
public final class NinjsSchemaLocation {

    /** Classpath resource of the schema. */
    public static final String RESOURCE = "org/newsflow/contract/ninjs-schema_3.1.json";
    /** The schema's {@code $id} prefix and that of the GeoJSON schema it refers to (a stand-in is bundled). */
    public static final String IPTC_PREFIX = "http://www.iptc.org/std/ninjs/";
    public static final String GEOJSON_PREFIX = "https://geojson.org/schema/";
    public static final String BUNDLED_PREFIX = "classpath:org/newsflow/contract/";

    private NinjsSchemaLocation() {
    }
}
