package org.certboard.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.certboard.events.Actor;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the token's subject and the role it acts in. Staff and vendor decisions are recorded as
 * {@link #actor()}; a caller holding several roles is recorded in the one that decides (staff, then vendor).
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code sub}: stable per person or service account at the provider. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * The token's {@code email} when the provider verified it ({@code email_verified} true): the only address the
     * services take as this account's own. Empty when the token carries no email or an unverified one.
     */
    public Optional<String> verifiedEmail() {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && "true".equals(text(token.getClaim("email_verified")))) {
            return Optional.ofNullable(text(token.getClaim("email"))).filter(email -> !email.isBlank());
        }
        return Optional.empty();
    }

    /** A claim's value as text; the JWT library hands over plain strings or JSON-P values depending on the claim. */
    private static String text(Object claim) {
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim == null ? null : claim.toString();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Staff see every candidate's records; a candidate only their own. */
    public boolean isStaff() {
        return is(Roles.STAFF);
    }

    public String role() {
        for (String role : new String[] { Roles.STAFF, Roles.VENDOR, Roles.ADMIN, Roles.CANDIDATE }) {
            if (is(role)) {
                return role;
            }
        }
        throw new IllegalStateException("the caller holds none of the board's roles");
    }

    public Actor actor() {
        return new Actor(subject(), role());
    }
}
