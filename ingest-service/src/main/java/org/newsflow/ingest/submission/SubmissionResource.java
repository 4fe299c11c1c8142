package org.newsflow.ingest.submission;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.contract.FieldViolation;
import org.newsflow.contract.Problem;
import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.feed.FeedReader;
import org.newsflow.ingest.problem.ProblemException;
import org.newsflow.ingest.submission.SubmissionService.PushContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

/**
 * The publishers' HTTP intake: one ninjs article, an NDJSON batch, or an RSS/Atom feed document; then the status
 * of what was pushed. Every call is authenticated with the publisher's API key.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SubmissionResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final IngestConfig config;
    private final IntakeGate gate;
    private final ArticleReader reader;
    private final ArticlePreparer preparer;
    private final SubmissionService submissions;
    private final FeedReader feeds;
    private final SubmissionQueries queries;

    SubmissionResource(IngestConfig config, IntakeGate gate, ArticleReader reader, ArticlePreparer preparer,
            SubmissionService submissions, FeedReader feeds, SubmissionQueries queries) {
        this.config = config;
        this.gate = gate;
        this.reader = reader;
        this.preparer = preparer;
        this.submissions = submissions;
        this.feeds = feeds;
        this.queries = queries;
    }

    @POST
    @Path("/articles")
    @Consumes({ MediaType.APPLICATION_JSON, "application/ninjs+json" })
    @Operation(summary = "Push one ninjs article (3.x, or 1.x/2.x mapped to 3.x)",
            description = "Answers 202 once the article is stored with its outbox event; Location tells where to "
                    + "follow its status. The same version with the same content, or the same Idempotency-Key with "
                    + "the same body, gets the same answer again without a second event.")
    public Response push(@Context HttpHeaders headers, InputStream body) {
        IntakeGate.Admitted admitted = gate.admit(headers, body);
        gate.charge(admitted, 1);
        String idempotencyKey = idempotencyKey(headers);
        ObjectNode item = reader.readObject(admitted.body());
        var prepared = preparer.prepare(item);
        var context = new PushContext(idempotencyKey,
                idempotencyKey == null ? null : SubmissionService.sha256(admitted.body()), admitted.webhookMessageId());
        SubmissionReceipt receipt = submissions.submit(admitted.publisher().id(), prepared, context).receipt();
        return Response.accepted(receipt).location(URI.create("/v1/submissions/" + receipt.submissionId())).build();
    }

    @POST
    @Path("/articles")
    @Consumes(NDJSON)
    @Operation(summary = "Push a batch: one ninjs article per line",
            description = "Each line is taken on its own; the answer (207) has one result per non-blank line.")
    public Response pushBatch(@Context HttpHeaders headers, InputStream body) {
        IntakeGate.Admitted admitted = gate.admit(headers, body);
        List<String> lines = new String(admitted.body(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
        checkBatchSize(lines.size());
        gate.charge(admitted, Math.max(1, lines.size()));
        gate.rememberMessage(admitted);
        List<Supplier<ObjectNode>> items = new ArrayList<>();
        for (String line : lines) {
            items.add(() -> reader.readObject(line.getBytes(StandardCharsets.UTF_8)));
        }
        return Response.status(207).entity(pushEach(admitted.publisher().id(), items)).build();
    }

    @POST
    @Path("/articles")
    @Consumes({ "application/rss+xml", "application/atom+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML })
    @Operation(summary = "Push an RSS 2.0 or Atom feed document: each item becomes an article",
            description = "The item guid (RSS) or id (Atom) gives the article uri; the answer (207) has one result per item.")
    public Response pushFeed(@Context HttpHeaders headers, InputStream body) {
        IntakeGate.Admitted admitted = gate.admit(headers, body);
        List<ObjectNode> articles = feeds.read(admitted.body());
        checkBatchSize(articles.size());
        gate.charge(admitted, Math.max(1, articles.size()));
        gate.rememberMessage(admitted);
        List<Supplier<ObjectNode>> items = articles.stream().map(a -> (Supplier<ObjectNode>) () -> a).toList();
        return Response.status(207).entity(pushEach(admitted.publisher().id(), items)).build();
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(summary = "Status of one push: RECEIVED, SUBMITTED, ENRICHED, PUBLISHED")
    public SubmissionReceipt status(@Context HttpHeaders headers, @PathParam("id") String id) {
        return submissions.find(gate.authenticate(headers).id(), id);
    }

    @GET
    @Path("/submissions")
    @Operation(summary = "The publisher's pushes, newest first", description = "Follow next (an opaque cursor) for older ones.")
    public SubmissionQueries.Page<SubmissionReceipt> list(@Context HttpHeaders headers, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return queries.submissions(gate.authenticate(headers).id(), limit, cursor);
    }

    @GET
    @Path("/rejections")
    @Operation(summary = "Pushes refused after intake (Kafka intake), newest first, with the reasons")
    public SubmissionQueries.Page<SubmissionQueries.RejectionView> rejections(@Context HttpHeaders headers,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return queries.rejections(gate.authenticate(headers).id(), limit, cursor);
    }

    private BatchResult pushEach(String publisherId, List<Supplier<ObjectNode>> items) {
        List<BatchResult.ItemResult> results = new ArrayList<>();
        int position = 0;
        for (Supplier<ObjectNode> item : items) {
            position++;
            try {
                var accepted = submissions.submit(publisherId, preparer.prepare(item.get()), PushContext.NONE);
                SubmissionReceipt r = accepted.receipt();
                results.add(new BatchResult.ItemResult(position, 202, r.submissionId(), r.articleId(), r.uri(), r.version(),
                        accepted.repeat() ? Boolean.TRUE : null, null));
            } catch (ProblemException e) {
                results.add(new BatchResult.ItemResult(position, e.status(), null, null, null, null, null,
                        new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(), null, e.errors())));
            }
        }
        return BatchResult.of(results);
    }

    private void checkBatchSize(int items) {
        if (items > config.maxBatchItems()) {
            String detail = "A batch or feed has at most " + config.maxBatchItems() + " items; this one has " + items + ".";
            throw new ProblemException(413, "batch-too-large", "The batch has too many items", detail,
                    List.of(new FieldViolation("", "max-batch-items", detail)));
        }
    }

    private static String idempotencyKey(HttpHeaders headers) {
        String key = headers.getHeaderString("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new ProblemException(400, "invalid-idempotency-key", "The Idempotency-Key is not valid",
                    "Idempotency-Key must be 1-" + MAX_IDEMPOTENCY_KEY + " characters.",
                    List.of(new FieldViolation("header:Idempotency-Key", "max-length", "1-255 characters")));
        }
        return key.strip();
    }

}
