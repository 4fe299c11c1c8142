package org.newsflow.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPTC Media Topics vocabulary (release of 2019-04-06, © IPTC, CC BY 4.0): every concept's code, broader
 * concept and English label. Subjects in Newsflow articles use its codes (uri
 * {@code http://cv.iptc.org/newscodes/mediatopic/<code>}); subscriptions filter by them.
 */
public final class MediaTopics {

    public static final String URI = "http://cv.iptc.org/newscodes/mediatopic/";

    /** A concept of the vocabulary. {@code broader} is empty for a top-level topic. */
    public record Topic(String code, String broader, String label) {
    }

    private static final MediaTopics VOCABULARY = load();

    private final Map<String, Topic> byCode;

    private MediaTopics(Map<String, Topic> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static MediaTopics vocabulary() {
        return VOCABULARY;
    }

    public Topic get(String code) {
        return byCode.get(code);
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Iterable<Topic> all() {
        return byCode.values();
    }

    /** The code and every broader code up to the top level, narrowest first. */
    public List<String> selfAndBroader(String code) {
        List<String> chain = new ArrayList<>();
        for (Topic topic = byCode.get(code); topic != null; topic = byCode.get(topic.broader())) {
            chain.add(topic.code());
            if (topic.broader().isEmpty()) {
                break;
            }
        }
        return chain;
    }

    /** The top-level topic of a code, or null for an unknown code. */
    public String topLevel(String code) {
        List<String> chain = selfAndBroader(code);
        return chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    private static MediaTopics load() {
        Map<String, Topic> topics = new HashMap<>();
        try (InputStream in = MediaTopics.class.getResourceAsStream("mediatopics.tsv")) {
            if (in == null) {
                throw new IllegalStateException("mediatopics.tsv is missing from the contract jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    topics.put(f[0], new Topic(f[0], f[1], f[2]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mediatopics.tsv", e);
        }
        return new MediaTopics(topics);
    }
}
