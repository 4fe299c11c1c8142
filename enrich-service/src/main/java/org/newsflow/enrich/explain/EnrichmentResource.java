package org.newsflow.enrich.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.contract.Enrichment;
import org.newsflow.enrich.problem.ProblemMapper.NotFoundProblem;
import org.newsflow.enrich.record.EnrichmentRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** How each version of an article was enriched: every value with the rule or model that found it and its score. */
@Path("/v1/enrichments")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EnrichmentResource {

    /** One enriched version. */
    public record EnrichedVersion(String articleId, String uri, String version, String eventId, Enrichment enrichment) {
    }

    private final ObjectMapper json;
    private final org.newsflow.platform.admin.AdminToken admin;

    EnrichmentResource(ObjectMapper json, org.newsflow.enrich.config.AdminConfig config) {
        this.json = json;
        this.admin = new org.newsflow.platform.admin.AdminToken(config.token(), "enrich-service");
    }

    @GET
    @Path("/{articleId}")
    @Transactional
    @Operation(summary = "The enrichment of every version of an article, oldest first, with an explanation of each value "
            + "(operators: needs enrich-service's admin token)")
    public List<EnrichedVersion> explain(@PathParam("articleId") String articleId,
            @jakarta.ws.rs.HeaderParam(jakarta.ws.rs.core.HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        List<EnrichmentRecord> records = EnrichmentRecord.list("articleId = ?1 order by id", articleId);
        if (records.isEmpty()) {
            throw new NotFoundProblem("No enrichment of article " + articleId + " is stored.");
        }
        return records.stream().map(r -> new EnrichedVersion(r.articleId, r.uri, r.version, r.eventId, enrichment(r))).toList();
    }

    private Enrichment enrichment(EnrichmentRecord record) {
        try {
            JsonNode event = json.readTree(record.payload);
            return json.treeToValue(event.get("enrichment"), Enrichment.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored enrichment is always readable", e);
        }
    }
}
