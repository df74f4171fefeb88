package org.certboard.exam.replay;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Topics;
import org.certboard.exam.access.CandidateAccountRepository;
import org.certboard.exam.eligibility.AuthorisationRepository;
import org.certboard.exam.listener.CandidateEventsListener;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.replay.Replayable;

import io.smallrye.mutiny.Uni;

/**
 * What exam-service learns from the candidate topic: who may book until when ({@code authorisation}) and which
 * account is which candidate ({@code candidate_account}). Bookings and results are exam-service's own records and
 * are never touched.
 */
@ApplicationScoped
public class AuthorisationReplay implements Replayable {
    private final CandidateEventsListener listener;
    private final AuthorisationRepository authorisations;
    private final CandidateAccountRepository accounts;

    public AuthorisationReplay(CandidateEventsListener listener, AuthorisationRepository authorisations,
            CandidateAccountRepository accounts) {
        this.listener = listener;
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
    public EventHandlers handlers() {
        return listener.handlers();
    }
}
