package org.newsflow.publish.article;

import java.time.Instant;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.consumer.ConsumerAuthenticator;
import org.newsflow.publish.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** Published articles, as consumers read them. */
@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ArticleResource {

    private final ObjectMapper json;
    private final ConsumerAuthenticator consumers;

    ArticleResource(ObjectMapper json, ConsumerAuthenticator consumers) {
        this.json = json;
        this.consumers = consumers;
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "The current version of a published article, as enriched ninjs 3.x")
    public Response article(@PathParam("id") String id) {
        PublishedArticle article = PublishedArticle.findById(id);
        if (article == null) {
            throw ProblemException.notFound("Article " + id);
        }
        return Response.ok(article.article, MediaType.APPLICATION_JSON)
                .header("Last-Modified", java.util.Date.from(article.publishedAt))
                .build();
    }

    /** One stored version as the console and auditors see it: what was published and what enrichment found. */
    public record VersionView(int version, String pubStatus, Instant publishedAt, String eventId, JsonNode article,
            JsonNode enrichment) {
    }

    @GET
    @Path("/{id}/versions")
    @Transactional
    @Operation(summary = "Every published version of an article, newest first, each with its enrichment "
            + "(including the explanations: which method found each value, with its score); needs a consumer key. "
            + "The versions before a kill, and all while the article is withheld, are listed without their content")
    public List<VersionView> versions(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        consumers.consumerId(authorization);
        List<ArticleVersion> versions = ArticleVersion.list("articleId = ?1 order by version desc, id desc", id);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Article " + id);
        }
        List<VersionView> views = new java.util.ArrayList<>(versions.size());
        boolean killedLater = false;
        boolean withheldNow = "withheld".equals(versions.get(0).pubStatus); // until a usable version follows
        for (ArticleVersion version : versions) { // newest first
            views.add(killedLater || withheldNow ? withoutContent(version) : view(version));
            killedLater |= "canceled".equals(version.pubStatus);
        }
        return views;
    }

    /** A version before a kill or while withheld: the publisher withdrew its text, so only that it existed is shown. */
    private static VersionView withoutContent(ArticleVersion version) {
        return new VersionView(version.version, version.pubStatus, version.publishedAt, version.eventId, null, null);
    }

    private VersionView view(ArticleVersion version) {
        try {
            JsonNode event = json.readTree(version.payload);
            return new VersionView(version.version, version.pubStatus, version.publishedAt, version.eventId,
                    event.get("article"), event.get("enrichment"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored version is JSON", e);
        }
    }
}
