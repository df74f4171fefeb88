package org.certboard.platform.sql;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Native selects leave Hibernate's query plan cache alone (see {@link NativeSelect} for why they must). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class NativeSelectTest {
    private static final int RUNS = 50;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void aNativeSelectAddsNoPlanHoweverOftenItRuns() {
        int added = plansAddedBy(session -> NativeSelect.of(session,
                "select count(*) from parked_event where topic = :topic", Long.class)
                .setParameter("topic", "certboard.nothing").getSingleResult()
                .invoke(count -> assertThat(count).isZero()));

        assertThat(added).as("plans added while it ran %d times (the app's own work may add one)", RUNS)
                .isLessThanOrEqualTo(1);
    }

    @Test
    void lockingSelectsWithPositionalParametersWorkToo() {
        int added = plansAddedBy(session -> session.withTransaction(tx -> NativeSelect.of(session,
                "select event_id from parked_event where topic = ?1 and event_key = ?2 for update", Object.class)
                .setParameter(1, "certboard.nothing").setParameter(2, "nobody").getResultList()
                .invoke(rows -> assertThat(rows).isEmpty())));

        assertThat(added).isLessThanOrEqualTo(1);
    }

    /** Why NativeSelect exists; when an upgrade of Hibernate Reactive fixes this, NativeSelect can go. */
    @Test
    void hibernateReactiveAddsAPlanForEveryExecutionOfAPlainNativeSelect() {
        int added = plansAddedBy(session -> session.createNativeQuery(
                "select count(*) from parked_event where topic = :topic", Long.class)
                .setParameter("topic", "certboard.nothing").getSingleResult());

        assertThat(added).isGreaterThanOrEqualTo(RUNS);
    }

    @Test
    void onlyNativeSelectCreatesTypedNativeQueries() {
        noClasses().that().doNotHaveFullyQualifiedName(NativeSelect.class.getName()).should()
                .callMethod(Mutiny.Session.class, "createNativeQuery", String.class, Class.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.certboard.platform"));
    }

    private int plansAddedBy(Function<Mutiny.Session, Uni<?>> select) {
        int before = cachedPlans();
        for (int i = 0; i < RUNS; i++) {
            // on a Vert.x context of its own, as the services' requests and messages run
            try {
                VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(select::apply).replaceWithVoid());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return cachedPlans() - before;
    }

    private int cachedPlans() {
        return ((MappingMetamodel) sessions.getMetamodel()).getTypeConfiguration().getSessionFactory()
                .getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
