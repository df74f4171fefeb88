package org.certboard.exam.replay;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Topics;
import org.certboard.exam.access.CandidateAccountRepository;
import org.certboard.exam.eligibility.AuthorisationProjection;
import org.certboard.exam.eligibility.AuthorisationRepository;
import org.certboard.platform.replay.Replayable;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/**
 * What exam-service learns from the candidate topic: who may book until when ({@code authorisation}) and which
 * account is which candidate ({@code candidate_account}). Bookings and results are exam-service's own records and
 * are never touched.
 */
@ApplicationScoped
public class AuthorisationReplay implements Replayable {
    private final AuthorisationProjection projection;
    private final AuthorisationRepository authorisations;
    private final CandidateAccountRepository accounts;

    public AuthorisationReplay(AuthorisationProjection projection, AuthorisationRepository authorisations,
            CandidateAccountRepository accounts) {
        this.projection = projection;
        this.authorisations = authorisations;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "authorisations";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CANDIDATE_EVENTS);
    }

    @Override
    public Uni<Void> reset() {
        return authorisations.deleteAll().chain(() -> accounts.deleteAll());
    }

    @Override
    public Uni<Void> consume(Message<String> message) {
        return projection.onCandidateEvent(message);
    }
}
