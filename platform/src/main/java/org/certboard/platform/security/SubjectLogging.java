package org.certboard.platform.security;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Puts the caller's token subject (never the token) into the log context of the request, so every line a request
 * logs says who made it. A token that does not verify is left to the endpoint's own check, which answers 401.
 */
public class SubjectLogging {
    static final String MDC_KEY = "subject";

    private final CurrentIdentityAssociation identities;

    public SubjectLogging(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> tag() {
        return identities.getDeferredIdentity()
                .invoke(identity -> {
                    if (!identity.isAnonymous()) {
                        MDC.put(MDC_KEY, identity.getPrincipal() instanceof JsonWebToken token
                                && token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
