package org.newsflow.publish.feed;

import java.io.StringWriter;
import java.time.Instant;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A feed page as JSON Feed 1.1 ({@code application/feed+json}) or Atom ({@code application/atom+xml}). A kill is
 * an item whose {@code _newsflow.kind} is {@code kill} in JSON Feed, and an RFC 6721 tombstone in Atom.
 */
final class FeedFormats {

    static final String JSON_FEED = "application/feed+json";
    static final String ATOM = "application/atom+xml";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String TOMBSTONE_NS = "http://purl.org/atompub/tombstones/1.0";

    private FeedFormats() {
    }

    static String jsonFeed(ObjectMapper json, String title, String feedUrl, FeedResource.Page page) {
        ObjectNode feed = json.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", title);
        feed.put("feed_url", feedUrl);
        if (page.more()) {
            feed.put("next_url", feedUrl + "?cursor=" + page.next());
        }
        feed.putObject("_newsflow").put("next", page.next()).put("more", page.more());
        ArrayNode items = feed.putArray("items");
        for (FeedResource.Item item : page.items()) {
            ObjectNode entry = items.addObject();
            entry.put("id", item.articleId() + "@" + item.version());
            String uri = item.article().path("uri").asText("");
            if (uri.startsWith("http://") || uri.startsWith("https://")) {
                entry.put("url", uri);
            }
            entry.put("title", headline(item));
            entry.put("content_text", body(item));
            String summary = summary(item);
            if (!summary.isEmpty()) {
                entry.put("summary", summary);
            }
            entry.put("date_published", published(item).toString());
            entry.put("date_modified", item.publishedAt().toString());
            String language = item.article().path("language").asText("");
            if (!language.isEmpty()) {
                entry.put("language", language);
            }
            ArrayNode tags = json.createArrayNode();
            item.article().path("subjects").forEach(s -> tags.add(s.path("name").asText()));
            if (!tags.isEmpty()) {
                entry.set("tags", tags);
            }
            entry.putObject("_newsflow").put("kind", item.kind()).put("cursor", item.cursor())
                    .put("articleId", item.articleId()).put("version", item.version()).put("uri", uri)
                    .put("storyId", item.enrichment() == null ? null : item.enrichment().path("storyId").asText(null));
        }
        try {
            return json.writeValueAsString(feed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a feed is always serialisable", e);
        }
    }

    static String atom(String subscriptionId, String title, String feedUrl, FeedResource.Page page) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM_NS);
            xml.writeStartElement(ATOM_NS, "feed");
            xml.writeDefaultNamespace(ATOM_NS);
            xml.writeNamespace("at", TOMBSTONE_NS);
            element(xml, "id", "urn:newsflow:subscription:" + subscriptionId);
            element(xml, "title", title);
            Instant updated = page.items().stream().map(FeedResource.Item::publishedAt).max(Instant::compareTo)
                    .orElse(Instant.now());
            element(xml, "updated", updated.toString());
            link(xml, "self", feedUrl);
            if (page.more()) {
                link(xml, "next", feedUrl + "?cursor=" + page.next());
            }
            for (FeedResource.Item item : page.items()) {
                String id = "urn:newsflow:article:" + item.articleId();
                if ("kill".equals(item.kind())) {
                    xml.writeStartElement(TOMBSTONE_NS, "deleted-entry");
                    xml.writeAttribute("ref", id);
                    xml.writeAttribute("when", item.publishedAt().toString());
                    xml.writeEndElement();
                    continue;
                }
                xml.writeStartElement(ATOM_NS, "entry");
                element(xml, "id", id);
                element(xml, "title", headline(item));
                element(xml, "updated", item.publishedAt().toString());
                element(xml, "published", published(item).toString());
                String uri = item.article().path("uri").asText("");
                if (uri.startsWith("http://") || uri.startsWith("https://")) {
                    link(xml, "alternate", uri);
                }
                for (JsonNode subject : item.article().path("subjects")) {
                    xml.writeEmptyElement(ATOM_NS, "category");
                    xml.writeAttribute("term", subject.path("uri").asText(subject.path("name").asText()));
                    xml.writeAttribute("label", subject.path("name").asText());
                }
                String summary = summary(item);
                if (!summary.isEmpty()) {
                    element(xml, "summary", summary);
                }
                xml.writeStartElement(ATOM_NS, "content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(body(item));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Atom feed is always writable", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM_NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM_NS, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static String headline(FeedResource.Item item) {
        return item.article().path("headlines").path(0).path("value").asText("(no headline)");
    }

    /** The main body as plain text (HTML bodies lose their markup). */
    private static String body(FeedResource.Item item) {
        String text = "";
        for (JsonNode body : item.article().path("bodies")) {
            if (text.isEmpty() || "main".equals(body.path("role").asText())) {
                text = body.path("value").asText("");
            }
        }
        return text.replaceAll("<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
    }

    private static String summary(FeedResource.Item item) {
        for (JsonNode description : item.article().path("descriptions")) {
            if ("summary".equals(description.path("role").asText())) {
                return description.path("value").asText("");
            }
        }
        return "";
    }

    private static Instant published(FeedResource.Item item) {
        String first = item.article().path("firstCreated").asText("");
        try {
            return first.isEmpty() ? item.publishedAt() : java.time.OffsetDateTime.parse(first).toInstant();
        } catch (java.time.DateTimeException e) {
            return item.publishedAt();
        }
    }
}
