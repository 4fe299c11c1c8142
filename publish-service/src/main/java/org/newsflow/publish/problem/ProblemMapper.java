package org.newsflow.publish.problem;

import org.newsflow.platform.outage.DatabaseOutage;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsflow.contract.Problem;

/** The one place where publish-service turns failures into RFC 9457 answers; unexpected ones are logged once. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Every refusal — publish's own ({@link ProblemException}) and the platform's (admin token, …). */
    @ServerExceptionMapper
    public Response refusal(org.newsflow.platform.problem.Refusal e, UriInfo uri) {
        Response.ResponseBuilder answer = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.problem(uri.getPath()));
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return answer(new Problem("about:blank", type == null ? "HTTP " + status : type.getReasonPhrase(), status,
                e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) { // a restart or an outage: the client should simply try again shortly
            LOG.warnf("The database is unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(answer(new Problem(Problem.type("database-unavailable"), "Service Unavailable",
                    503, "The database is briefly unavailable. Send the same request again.", uri.getPath(),
                    List.of()))).header("Retry-After", "2").build();
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return answer(new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be processed. The failure is logged.", uri.getPath(), List.of()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
