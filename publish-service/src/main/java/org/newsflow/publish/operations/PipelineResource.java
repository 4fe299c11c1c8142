package org.newsflow.publish.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsflow.publish.consumer.AdminGuard;

import io.smallrye.common.annotation.Blocking;

/** The pipeline at a glance, for the console's pipeline page and for scripts; needs the admin token. */
@Path("/v1/admin/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PipelineResource {

    private final AdminGuard guard;
    private final PipelineStatus status;

    PipelineResource(AdminGuard guard, PipelineStatus status) {
        this.guard = guard;
        this.status = status;
    }

    @GET
    @Operation(summary = "Records per topic so far, consumer lag per group and topic, readiness of every service")
    public PipelineStatus.PipelineView now(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return status.now();
    }
}
