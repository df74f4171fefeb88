package org.certboard.exam.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.certboard.platform.sql.NativeSelect;

/** The {@code candidate_account} table: which token subject is which candidate. Runs in the caller's session. */
@ApplicationScoped
public class CandidateAccountRepository {

    /** A redelivery changes nothing. */
    public Uni<Void> bind(UUID candidateId, String subject) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into candidate_account (candidate_id, subject) values (:candidate, :subject)
                on conflict do nothing""")
                .setParameter("candidate", candidateId).setParameter("subject", subject)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Null when no candidate has this subject (yet). */
    public Uni<UUID> candidateOf(String subject) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select candidate_id from candidate_account where subject = :subject", UUID.class)
                .setParameter("subject", subject).getSingleResultOrNull());
    }

    public Uni<Void> deleteAll() {
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from candidate_account")
                .executeUpdate()).replaceWithVoid();
    }
}
