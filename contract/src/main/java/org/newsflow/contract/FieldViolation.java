package org.newsflow.contract;

/**
 * One reason a request was refused.
 *
 * @param field JSON Pointer (RFC 6901) to the offending member, e.g. {@code /headlines/0/value}; {@code ""} for
 *        the whole document
 * @param rule short machine-readable name of the rule that failed, e.g. {@code required}, {@code max-length}
 * @param message what is wrong, for a human
 */
public record FieldViolation(String field, String rule, String message) {
}
