package org.newsflow.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), the body of every error answer of every
 * Newsflow HTTP API. {@code errors} lists each failing field with the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem type URI for a slug documented in {@code docs/problems.md}. */
    public static String type(String slug) {
        return "https://newsflow.dev/problems/" + slug;
    }
}
