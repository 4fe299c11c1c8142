package org.newsflow.ingest.submission;

import java.io.InputStream;
import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.problem.ProblemException;

import io.smallrye.common.annotation.Blocking;

/** The publishers' HTTP intake: push an article, then follow what happened to it. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SubmissionResource {

    private final IngestConfig config;
    private final ArticleReader reader;
    private final ArticleValidator validator;
    private final SubmissionService submissions;

    SubmissionResource(IngestConfig config, ArticleReader reader, ArticleValidator validator,
            SubmissionService submissions) {
        this.config = config;
        this.reader = reader;
        this.validator = validator;
        this.submissions = submissions;
    }

    @POST
    @Path("/articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push one ninjs 3.x article",
            description = "Answers 202 once the article is stored with its outbox event; Location tells where to "
                    + "follow its status. Pushing the same version with the same content again gives the same answer.")
    @RequestBody(description = "A ninjs 3.x article (JSON object with at least uri and a headline or body)")
    public Response push(@HeaderParam("Content-Length") Long contentLength, InputStream body) {
        if (contentLength != null && contentLength > config.maxBodyBytes()) {
            throw ProblemException.tooLarge(config.maxBodyBytes());
        }
        var article = reader.readObject(BoundedBody.read(body, config.maxBodyBytes()));
        var identity = validator.validate(article);
        var accepted = submissions.submit(config.defaultPublisher(), article, identity);
        SubmissionReceipt receipt = accepted.receipt();
        return Response.accepted(receipt)
                .location(URI.create("/v1/submissions/" + receipt.submissionId()))
                .build();
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(summary = "Status of one push: RECEIVED (stored) or SUBMITTED (on Kafka)")
    public SubmissionReceipt status(@PathParam("id") String id) {
        return submissions.find(id);
    }
}
