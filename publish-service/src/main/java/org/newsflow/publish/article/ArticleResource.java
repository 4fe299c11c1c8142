package org.newsflow.publish.article;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.problem.ProblemException;

import io.smallrye.common.annotation.Blocking;

/** Published articles, as consumers read them. */
@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ArticleResource {

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
}
