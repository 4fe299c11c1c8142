package org.newsflow.ingest.publisher;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

/** The admin API for publishers; every call needs {@code Authorization: Bearer <NEWSFLOW_ADMIN_TOKEN>}. */
@Path("/v1/admin/publishers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PublisherAdminResource {

    private final AdminGuard guard;
    private final PublisherAdmin admin;
    private final AuthenticatedKeys recentKeys;

    PublisherAdminResource(AdminGuard guard, PublisherAdmin admin, AuthenticatedKeys recentKeys) {
        this.guard = guard;
        this.admin = admin;
        this.recentKeys = recentKeys;
    }

    /** After a committed change to keys, secrets or a publisher's status: pushes are authenticated afresh. */
    private <T> T changed(T result) {
        recentKeys.clear();
        return result;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a publisher", description = "Answers its first API key (and signing secret when "
            + "signed is true). They are shown only in this answer.")
    public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            PublisherAdmin.NewPublisher request) {
        guard.check(authorization);
        PublisherAdmin.Credentials credentials = admin.register(request);
        return Response.created(URI.create("/v1/admin/publishers/" + credentials.publisherId())).entity(credentials).build();
    }

    @GET
    @Operation(summary = "All publishers with their keys (prefixes only)")
    public List<PublisherAdmin.PublisherView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return admin.list();
    }

    @GET
    @Path("/{id}")
    public PublisherAdmin.PublisherView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        guard.check(authorization);
        return admin.get(id);
    }

    @POST
    @Path("/{id}/keys")
    @Operation(summary = "Issue a new API key", description = "With revokeOthers=true the other keys stop working: a rotation.")
    public Response addKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @QueryParam("revokeOthers") boolean revokeOthers) {
        guard.check(authorization);
        return Response.status(201).entity(changed(admin.addKey(id, revokeOthers))).build();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Operation(summary = "Revoke one API key")
    public Response revokeKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @PathParam("keyId") long keyId) {
        guard.check(authorization);
        admin.revokeKey(id, keyId);
        return changed(Response.noContent().build());
    }

    @POST
    @Path("/{id}/signing-secret")
    @Operation(summary = "Set or rotate the signing secret", description = "From now on every push must be signed with it.")
    public Response newSigningSecret(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        guard.check(authorization);
        return Response.status(201).entity(changed(admin.newSigningSecret(id))).build();
    }

    @DELETE
    @Path("/{id}/signing-secret")
    @Operation(summary = "Stop requiring signatures from this publisher")
    public Response removeSigningSecret(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        guard.check(authorization);
        admin.removeSigningSecret(id);
        return changed(Response.noContent().build());
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke a publisher: none of its keys works any more")
    public PublisherAdmin.PublisherView revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        guard.check(authorization);
        return changed(admin.revoke(id));
    }
}
