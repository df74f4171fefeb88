package org.certboard.candidate.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.EventType;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgException;

/** Subscriptions, their secrets and the people who authorised an employer subscription. */
@ApplicationScoped
public class SubscriptionService {
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final SecretBox box;
    private final AddressGuard guard;
    private final WebhookConfig config;
    private final WebhookSender sender;
    private final Clock clock;
    private final Vertx vertx;
    private final boolean sandbox;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, SecretBox box,
            AddressGuard guard, WebhookConfig config, WebhookSender sender, Clock clock, Vertx vertx,
            @ConfigProperty(name = "certboard.sandbox") boolean sandbox) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.box = box;
        this.guard = guard;
        this.config = config;
        this.sender = sender;
        this.clock = clock;
        this.vertx = vertx;
        this.sandbox = sandbox;
    }

    public Uni<SubscriptionView> create(NewSubscription body) {
        List<Refusal.Field> violations = new ArrayList<>();
        violations.addAll(eventTypeViolations(body.scope(), body.eventTypes()));
        providerViolation(body.scope(), body.providerId()).ifPresent(violations::add);
        if (body.secret() != null && Signatures.problemWith(body.secret()) != null) {
            violations.add(new Refusal.Field("secret", Signatures.problemWith(body.secret())));
        }
        return urlViolation(body.url()).chain(url -> {
            url.ifPresent(violations::add);
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(Refusal.invalid(violations));
            }
            String secret = body.secret() != null ? body.secret() : Signatures.newSecret();
            Instant now = clock.instant();
            Subscription s = new Subscription(UUID.randomUUID(), body.name(), body.url(), body.scope(),
                    body.providerId(), List.copyOf(body.eventTypes()), box.seal(secret), null, null, false, now);
            return subscriptions.insert(s).map(done -> SubscriptionView.of(s, now, secret));
        });
    }

    public Uni<Page<SubscriptionView>> list(PageRequest paging) {
        Instant now = clock.instant();
        return subscriptions.page(paging.offset(), paging.size)
                .chain(items -> subscriptions.count().map(total -> new Page<>(
                        items.stream().map(s -> SubscriptionView.of(s, now, null)).toList(), paging.page,
                        paging.size, total)));
    }

    public Uni<SubscriptionView> get(UUID id) {
        return require(id).map(s -> SubscriptionView.of(s, clock.instant(), null));
    }

    public Uni<SubscriptionView> patch(UUID id, SubscriptionPatch patch) {
        return require(id).chain(s -> {
            List<Refusal.Field> violations = new ArrayList<>();
            if (patch.eventTypes() != null) {
                violations.addAll(eventTypeViolations(s.scope(), patch.eventTypes()));
            }
            Uni<Optional<Refusal.Field>> url = patch.url() == null ? Uni.createFrom().item(Optional.empty())
                    : urlViolation(patch.url());
            return url.chain(bad -> {
                bad.ifPresent(violations::add);
                if (!violations.isEmpty()) {
                    return Uni.createFrom().failure(Refusal.invalid(violations));
                }
                Subscription changed = new Subscription(s.id(), s.name(),
                        patch.url() != null ? patch.url() : s.url(), s.scope(), s.providerId(),
                        patch.eventTypes() != null ? List.copyOf(patch.eventTypes()) : s.eventTypes(), s.secret(),
                        s.previousSecret(), s.previousSecretUntil(),
                        patch.paused() != null ? patch.paused() : s.paused(), s.createdAt());
                return saved(changed).invoke(sender::wakeUp);
            });
        });
    }

    public Uni<Void> delete(UUID id) {
        return subscriptions.delete(id).invoke(deleted -> {
            if (!deleted) {
                throw Refusal.notFound("webhook subscription", id);
            }
        }).replaceWithVoid();
    }

    /** A new secret, shown once; the current one keeps signing beside it for the overlap window. */
    public Uni<SubscriptionView> rotate(UUID id) {
        return require(id).chain(s -> {
            String secret = Signatures.newSecret();
            Instant until = clock.instant().plus(config.rotationOverlap());
            Subscription rotated = new Subscription(s.id(), s.name(), s.url(), s.scope(), s.providerId(),
                    s.eventTypes(), box.seal(secret), s.secret(), until, s.paused(), s.createdAt());
            return subscriptions.update(rotated).map(done -> SubscriptionView.of(rotated, clock.instant(), secret));
        });
    }

    /** A person lets an employer subscription receive their certification events (404 for any other kind). */
    public Uni<Void> authorise(UUID candidateId, UUID subscriptionId) {
        return employer(subscriptionId).chain(s -> subscriptions.authorise(subscriptionId, candidateId,
                clock.instant()))
                .onFailure(failure -> failure instanceof PgException pg && "23503".equals(pg.getSqlState()))
                .transform(failure -> Refusal.notFound("candidate", candidateId));
    }

    public Uni<Void> withdraw(UUID candidateId, UUID subscriptionId) {
        return employer(subscriptionId).chain(s -> subscriptions.withdraw(subscriptionId, candidateId));
    }

    public Uni<Page<Delivery>> deliveries(UUID subscriptionId, DeliveryStatus status, PageRequest paging) {
        return require(subscriptionId).chain(s -> deliveries.page(subscriptionId, status, paging.offset(),
                paging.size)
                .chain(items -> deliveries.count(subscriptionId, status)
                        .map(total -> new Page<>(items, paging.page, paging.size, total))));
    }

    public Uni<DeliveryView> delivery(UUID deliveryId) {
        return deliveries.find(deliveryId).onItem().ifNull()
                .failWith(() -> Refusal.notFound("webhook delivery", deliveryId))
                .chain(d -> deliveries.attempts(deliveryId).map(attempts -> new DeliveryView(d, attempts)));
    }

    /** Sends a parked or delivered event again from the start of the schedule; one still pending is a conflict. */
    public Uni<DeliveryView> replay(UUID deliveryId) {
        return deliveries.find(deliveryId).onItem().ifNull()
                .failWith(() -> Refusal.notFound("webhook delivery", deliveryId))
                .chain(d -> deliveries.replay(deliveryId, clock.instant()))
                .invoke(replayed -> {
                    if (!replayed) {
                        throw Refusal.conflict("Delivery pending",
                                "the delivery is still being tried; replay it once it is delivered or parked");
                    }
                    sender.wakeUp();
                })
                .chain(() -> delivery(deliveryId));
    }

    private Uni<Subscription> employer(UUID subscriptionId) {
        return subscriptions.find(subscriptionId).map(s -> {
            if (s == null || s.scope() != Scope.EMPLOYER) {
                throw Refusal.notFound("employer subscription", subscriptionId);
            }
            return s;
        });
    }

    private Uni<Subscription> require(UUID id) {
        return subscriptions.find(id).onItem().ifNull()
                .failWith(() -> Refusal.notFound("webhook subscription", id));
    }

    private Uni<SubscriptionView> saved(Subscription s) {
        return subscriptions.update(s).map(updated -> {
            if (!updated) {
                throw Refusal.notFound("webhook subscription", s.id());
            }
            return SubscriptionView.of(s, clock.instant(), null);
        });
    }

    private static List<Refusal.Field> eventTypeViolations(Scope scope, List<String> types) {
        List<Refusal.Field> violations = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String name = types.get(i);
            Optional<EventType> type = EventType.ofType(name);
            if (type.isEmpty() || !Scope.BOARD.allows(type.get())) {
                violations.add(new Refusal.Field("eventTypes[" + i + "]", "unknown event type " + name
                        + "; see docs/events.md"));
            } else if (scope != null && !scope.allows(type.get())) {
                violations.add(new Refusal.Field("eventTypes[" + i + "]", "scope " + scope
                        + " does not allow " + name + "; it allows " + scope.eventTypes()));
            }
        }
        return violations;
    }

    /** A CE_PROVIDER subscription names its provider; no other scope names one (it would filter nothing). */
    private static Optional<Refusal.Field> providerViolation(Scope scope, String providerId) {
        if (scope == Scope.CE_PROVIDER && providerId == null) {
            return Optional.of(new Refusal.Field("providerId", "is required with scope CE_PROVIDER: the CE"
                    + " provider whose credits this subscription receives"));
        }
        if (scope != null && scope != Scope.CE_PROVIDER && providerId != null) {
            return Optional.of(new Refusal.Field("providerId", "only a CE_PROVIDER subscription names a"
                    + " provider; scope " + scope + " does not"));
        }
        return Optional.empty();
    }

    /**
     * https (http only in sandbox mode), a host that resolves, and only to addresses the guard allows; no user
     * information or fragment. The sender checks the addresses again on every connection.
     */
    private Uni<Optional<Refusal.Field>> urlViolation(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return bad("not a URL: " + e.getReason());
        }
        String scheme = schemeProblem(url.getScheme() == null ? "" : url.getScheme().toLowerCase(), sandbox);
        if (scheme != null) {
            return bad(scheme);
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            return bad("must name a host, without user information or fragment");
        }
        String host = url.getHost();
        return vertx.<InetAddress[]>executeBlocking(() -> InetAddress.getAllByName(host))
                .map(addresses -> {
                    for (InetAddress address : addresses) {
                        String refusal = guard.refusal(address);
                        if (refusal != null) {
                            return Optional.of(new Refusal.Field("url", host + " resolves to " + refusal));
                        }
                    }
                    return Optional.<Refusal.Field>empty();
                })
                .onFailure(UnknownHostException.class)
                .recoverWithItem(() -> Optional.of(new Refusal.Field("url", host + " does not resolve")));
    }

    /** Null when a subscriber may be called with this scheme: https, and plain http in sandbox mode only. */
    static String schemeProblem(String scheme, boolean sandbox) {
        if (scheme.equals("https") || sandbox && scheme.equals("http")) {
            return null;
        }
        return sandbox ? "must be an http or https URL" : "must be an https URL";
    }

    private static Uni<Optional<Refusal.Field>> bad(String message) {
        return Uni.createFrom().item(Optional.of(new Refusal.Field("url", message)));
    }
}
