package org.newsflow.publish.subscription;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.newsflow.contract.FieldViolation;
import org.newsflow.contract.MediaTopics;
import org.newsflow.publish.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a subscription asks for: criteria in three groups. A criterion ({@code "countries": ["AZ", "GE"]}) holds
 * when the article has any of its values. An article matches when it meets every criterion of {@code all}, at
 * least one of {@code any} (if there are any) and none of {@code none}.
 * <pre>
 * {"all": {"subjects": ["20000256"]}, "any": {"countries": ["AZ", "GE"]}, "none": {"languages": ["ru"]}}
 * </pre>
 */
public record SubscriptionFilter(Map<Field, Set<String>> all, Map<Field, Set<String>> any, Map<Field, Set<String>> none) {

    static final int MAX_VALUES = 100;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> GROUPS = Set.of("all", "any", "none");

    /** Reads and checks a filter; every broken rule is reported with its field. */
    public static SubscriptionFilter parse(JsonNode node) {
        List<FieldViolation> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("filter", "required", "a subscription needs a filter object");
        }
        node.fieldNames().forEachRemaining(group -> {
            if (!GROUPS.contains(group)) {
                errors.add(new FieldViolation("filter." + group, "known-group", "groups are all, any and none"));
            }
        });
        SubscriptionFilter filter = new SubscriptionFilter(group(node, "all", errors), group(node, "any", errors),
                group(node, "none", errors));
        if (errors.isEmpty() && filter.all.isEmpty() && filter.any.isEmpty() && filter.none.isEmpty()) {
            errors.add(new FieldViolation("filter", "not-empty", "a filter needs at least one criterion"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The filter breaks " + errors.size() + " rule(s).", errors);
        }
        return filter;
    }

    private static Map<Field, Set<String>> group(JsonNode filter, String name, List<FieldViolation> errors) {
        Map<Field, Set<String>> criteria = new EnumMap<>(Field.class);
        JsonNode group = filter.get(name);
        if (group == null || group.isNull()) {
            return criteria;
        }
        if (!group.isObject()) {
            errors.add(new FieldViolation("filter." + name, "object", "a group maps fields to lists of values"));
            return criteria;
        }
        group.fields().forEachRemaining(entry -> {
            String path = "filter." + name + "." + entry.getKey();
            Field field = Field.of(entry.getKey()).orElse(null);
            if (field == null) {
                errors.add(new FieldViolation(path, "known-field", "fields are subjects, people, organisations, places, "
                        + "countries, sources, languages, keywords and text"));
                return;
            }
            JsonNode values = entry.getValue();
            if (!values.isArray() || values.isEmpty() || values.size() > MAX_VALUES) {
                errors.add(new FieldViolation(path, "list", "a criterion is a list of 1 to " + MAX_VALUES + " values"));
                return;
            }
            Set<String> checked = new LinkedHashSet<>();
            for (int i = 0; i < values.size(); i++) {
                String at = path + "[" + i + "]";
                JsonNode value = values.get(i);
                if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 200) {
                    errors.add(new FieldViolation(at, "text", "a value is a non-empty text of at most 200 characters"));
                    continue;
                }
                String v = value.asText().strip();
                switch (field) {
                    case SUBJECTS -> {
                        String code = v.startsWith(MediaTopics.URI) ? v.substring(MediaTopics.URI.length()) : v;
                        if (!MediaTopics.vocabulary().contains(code)) {
                            errors.add(new FieldViolation(at, "known-media-topic",
                                    v + " is not an IPTC Media Topic code (e.g. 20000256 for energy and resource)"));
                        } else {
                            checked.add(code);
                        }
                    }
                    case LANGUAGES -> {
                        if (!LANGUAGE.matcher(v).matches()) {
                            errors.add(new FieldViolation(at, "bcp47", v + " is not a BCP 47 language tag such as en or pt-BR"));
                        } else {
                            checked.add(v.toLowerCase(Locale.ROOT));
                        }
                    }
                    case COUNTRIES -> {
                        if (!COUNTRIES.contains(v)) {
                            errors.add(new FieldViolation(at, "iso-3166-1-alpha-2", v + " is not an ISO 3166-1 alpha-2 code such as AZ"));
                        } else {
                            checked.add(v);
                        }
                    }
                    default -> checked.add(fold(v));
                }
            }
            criteria.put(field, checked);
        });
        return criteria;
    }

    /** Below this every character folds on its own the same way the whole text does (Greek, with its final sigma, does not). */
    private static final char TABLE_LIMIT = '\u0370';
    /** What each character below {@link #TABLE_LIMIT} folds to: letters and digits, "" for a mark, null for a separator. */
    private static final String[] FOLDED = new String[TABLE_LIMIT];

    static {
        for (char c = 0; c < TABLE_LIMIT; c++) {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                FOLDED[c] = "";
            } else {
                String folded = foldByRules(String.valueOf(c));
                FOLDED[c] = folded.isEmpty() ? null : folded;
            }
        }
    }

    /**
     * Names and words are compared without case, accents or punctuation: letters and digits in lower case without
     * their accents, every run of other characters one space, none at either end. Texts of Latin (and Cyrillic-free)
     * characters take a table-driven pass; others the rules themselves.
     */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean separate = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= TABLE_LIMIT) {
                return foldByRules(text);
            }
            String folded = FOLDED[c];
            if (folded == null) {
                separate = out.length() > 0;
            } else if (!folded.isEmpty()) {
                if (separate) {
                    out.append(' ');
                    separate = false;
                }
                out.append(folded);
            }
        }
        return out.toString();
    }

    /** The folding rules as stated: decompose, drop the marks, lower-case, one space for each run of the rest. */
    static String foldByRules(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public boolean matches(ArticleFeatures article) {
        for (Map.Entry<Field, Set<String>> criterion : all.entrySet()) {
            if (!article.has(criterion.getKey(), criterion.getValue())) {
                return false;
            }
        }
        if (!any.isEmpty() && any.entrySet().stream().noneMatch(c -> article.has(c.getKey(), c.getValue()))) {
            return false;
        }
        return none.entrySet().stream().noneMatch(c -> article.has(c.getKey(), c.getValue()));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        write(node, "all", all);
        write(node, "any", any);
        write(node, "none", none);
        return node;
    }

    private static void write(ObjectNode node, String name, Map<Field, Set<String>> group) {
        if (!group.isEmpty()) {
            ObjectNode criteria = node.putObject(name);
            group.forEach((field, values) -> values.forEach(criteria.withArray(field.json())::add));
        }
    }
}
