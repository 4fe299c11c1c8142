package org.newsflow.ingest.problem;

import org.newsflow.platform.outage.DatabaseOutage;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsflow.contract.Problem;

/**
 * The one place where ingest-service turns failures into RFC 9457 answers. Client errors are not logged (the
 * client is told); unexpected errors are logged once here, and the client gets no stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @jakarta.inject.Inject
    org.newsflow.ingest.metrics.IngestMetrics metrics;

    /** Refusals of the shared platform code (admin token, …): the same problem+json in every service. */
    @ServerExceptionMapper
    public Response refusal(org.newsflow.platform.problem.Refusal e, UriInfo uri) {
        Response.ResponseBuilder answer = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.problem(path(uri)));
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder answer = builder(new Problem(Problem.type(e.slug()), e.title(), e.status(),
                e.getMessage(), path(uri), e.errors()));
        metrics.refused(e.slug(), e.status());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 415 -> "Send one article as application/json, a batch as application/x-ndjson, or a feed as "
                    + "application/rss+xml or application/atom+xml.";
            case 405 -> "This method is not allowed on this resource.";
            case 404 -> "There is no resource at this path.";
            case 406 -> "This resource answers in application/json only.";
            default -> e.getMessage();
        };
        return answer(new Problem("about:blank", title, status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) { // a restart or an outage: the publisher should simply try again shortly
            LOG.warnf("The database is unavailable on %s: %s", path(uri), e.getMessage());
            return builder(new Problem(Problem.type("database-unavailable"), "Service Unavailable", 503,
                    "The database is briefly unavailable; nothing was stored. Send the same request again.", path(uri),
                    List.of())).header("Retry-After", "2").build();
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return answer(new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be processed; nothing was stored. The failure is logged.", path(uri),
                List.of()));
    }

    private static Response answer(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
