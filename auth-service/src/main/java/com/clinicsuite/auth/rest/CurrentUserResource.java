package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.rest.dto.CurrentUserView;
import com.clinicsuite.auth.service.UserAccessQueries;
import com.clinicsuite.security.CallerIdentity;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CurrentUserResource {

    private final CallerIdentity caller;
    private final UserAccessQueries accessQueries;

    public CurrentUserResource(CallerIdentity caller, UserAccessQueries accessQueries) {
        this.caller = caller;
        this.accessQueries = accessQueries;
    }

    @GET
    @Operation(summary = "The signed-in user, with roles, center and pharmacy grants as they are now")
    public Uni<CurrentUserView> me() {
        long userId = caller.userId().orElseThrow(UnauthorizedException::new);
        // a user deactivated since the token was issued is signed out
        return accessQueries.access(userId).map(access -> {
            if (access == null || !access.user().active) {
                throw new UnauthorizedException();
            }
            return CurrentUserView.of(access);
        });
    }
}
