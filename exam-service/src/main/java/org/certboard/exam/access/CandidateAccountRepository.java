package org.certboard.exam.access;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.certboard.platform.sql.NativeSelect;

/** The {@code candidate_account} table: which token subject is which candidate. Runs in the caller's session. */
@ApplicationScoped
public class CandidateAccountRepository {

    /** Binds each candidate to its account in one statement; a candidate already bound keeps its account. */
    public Uni<Void> bind(Map<UUID, String> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] candidates = subjects.keySet().toArray(UUID[]::new);
        String[] accounts = Arrays.stream(candidates).map(subjects::get).toArray(String[]::new);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into candidate_account (candidate_id, subject)
                select * from unnest(cast(:candidates as uuid[]), cast(:subjects as text[]))
                on conflict do nothing""")
                .setParameter("candidates", candidates)
                .setParameter("subjects", accounts)
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
