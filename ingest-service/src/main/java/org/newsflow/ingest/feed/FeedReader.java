package org.newsflow.ingest.feed;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.contract.FieldViolation;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.submission.ArticleValidator;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Reads an RSS 2.0 or Atom document with ROME and turns each item into a ninjs 3.x article (mapping in
 * docs/formats.md). Documents with a DOCTYPE are refused outright, which rules out entity expansion ("billion
 * laughs") and external entities (XXE) before any entity is read.
 */
@ApplicationScoped
public class FeedReader {

    public List<ObjectNode> read(byte[] document) {
        if (declaresDoctype(document)) {
            throw unreadable("DOCTYPE declarations are not accepted in feeds (they enable entity expansion and "
                    + "external entities)", "no-doctype");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(new InputSource(new ByteArrayInputStream(document)));
        } catch (Exception e) {
            throw unreadable("the body is not a readable RSS 2.0 or Atom document: " + e.getMessage(), "feed-syntax");
        }
        List<ObjectNode> articles = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            articles.add(toArticle(feed, entry));
        }
        return articles;
    }

    private static ObjectNode toArticle(SyndFeed feed, SyndEntry entry) {
        ObjectNode article = JsonNodeFactory.instance.objectNode();
        String identity = firstNonBlank(entry.getUri(), entry.getLink());
        if (identity != null) {
            article.put("uri", ArticleValidator.isAbsoluteUri(identity) ? identity
                    : "urn:newsflow:guid:" + URLEncoder.encode(identity, StandardCharsets.UTF_8));
        }
        article.put("type", "text");
        Date updated = entry.getUpdatedDate() != null ? entry.getUpdatedDate() : entry.getPublishedDate();
        long seconds = updated == null ? 1 : Math.max(1, updated.toInstant().getEpochSecond());
        article.put("version", Long.toString(Math.min(seconds, Integer.MAX_VALUE)));
        if (updated != null) {
            article.put("versionCreated", updated.toInstant().toString());
        }
        if (entry.getPublishedDate() != null) {
            article.put("firstCreated", entry.getPublishedDate().toInstant().toString());
        }
        if (isLanguage(feed.getLanguage())) {
            article.put("language", feed.getLanguage());
        }
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            article.put("by", entry.getAuthor());
        }
        if (feed.getCopyright() != null && !feed.getCopyright().isBlank()) {
            article.put("copyrightNotice", feed.getCopyright());
        }
        if (entry.getTitle() != null && !entry.getTitle().isBlank()) {
            article.putArray("headlines").addObject().put("role", "main").put("value", entry.getTitle());
        }
        String body = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        String description = entry.getDescription() == null ? null : entry.getDescription().getValue();
        if (body == null) {
            body = description;
            description = null;
        }
        if (body != null && !body.isBlank()) {
            article.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html").put("value", body);
        }
        if (description != null && !description.isBlank()) {
            article.putArray("descriptions").addObject().put("role", "summary").put("contentType", "text/html")
                    .put("value", description);
        }
        if (!entry.getCategories().isEmpty()) {
            ArrayNode subjects = article.putArray("subjects");
            for (SyndCategory category : entry.getCategories()) {
                if (category.getName() != null && !category.getName().isBlank()) {
                    subjects.addObject().put("name", category.getName());
                }
            }
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            article.putArray("altIds").addObject().put("role", "link").put("value", entry.getLink());
        }
        if (feed.getTitle() != null && !feed.getTitle().isBlank()) {
            article.putArray("infoSources").addObject().put("name", feed.getTitle()).put("role", "publisher");
        }
        return article;
    }

    /** Looks for a DOCTYPE in the prolog, before the root element, in any of the common encodings. */
    private static boolean declaresDoctype(byte[] document) {
        String prolog = new String(document, 0, Math.min(document.length, 4096), StandardCharsets.ISO_8859_1)
                .replace("\u0000", "");
        int root = prolog.indexOf("<rss");
        int atom = prolog.indexOf("<feed");
        int end = root < 0 ? atom : atom < 0 ? root : Math.min(root, atom);
        String head = end < 0 ? prolog : prolog.substring(0, end);
        return head.toUpperCase().contains("<!DOCTYPE") || head.toUpperCase().contains("<!ENTITY");
    }

    private static boolean isLanguage(String language) {
        return language != null && language.matches("(?i)[a-z]{2,3}(-[a-z0-9]{2,8})*");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static ProblemException unreadable(String detail, String rule) {
        return ProblemException.malformed(detail, new FieldViolation("", rule, detail));
    }
}
