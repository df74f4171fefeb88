package org.certboard.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The rules every service's interior keeps (docs/architecture.md, "Inside a service"), each a factory over the
 * service's package root so that a service's own test runs it on its code and the platform's {@code ServiceRulesTest}
 * runs it on a fixture that breaks it.
 */
public final class ServiceRules {

    private ServiceRules() {
    }

    /** One way to persist: a plain {@code @Entity}, loaded and saved through its {@code PanacheRepositoryBase}. */
    public static ArchRule entitiesAreNotActiveRecords(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().areAnnotatedWith(Entity.class)
                .should().beAssignableTo(PanacheEntityBase.class)
                .because("each service loads and saves an aggregate one way: through its repository, an injectable"
                        + " bean that holds every query of its table");
    }

    /** State changes through the aggregate's methods: a field of an entity is assigned by that entity alone. */
    public static ArchRule entityFieldsAreWrittenByTheirEntity(String root) {
        return fields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
                .should(new ArchCondition<>("be assigned only by their own entity") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        field.getAccessesToSelf().stream()
                                .filter(access -> access.getAccessType() == AccessType.SET)
                                .filter(access -> !within(access.getOriginOwner(), field.getOwner()))
                                .forEach(access -> events.add(SimpleConditionEvent.violated(access,
                                        access.getDescription())));
                    }
                })
                .because("a rule that changes an aggregate belongs in one of its methods, where the next reader finds"
                        + " it");
    }

    /**
     * HTTP stays in the resource layer: below it, a refusal is a {@code Refusal} (platform.domain) that the one
     * mapper turns into a problem document.
     */
    public static ArchRule problemsStayInTheResourceLayer(String root) {
        return noClasses().that().resideInAPackage(root + "..").and(DescribedPredicate.not(RESOURCE_LAYER))
                .should().dependOnClassesThat().belongToAnyOf(ProblemException.class, Problem.class)
                .because("domain and service code refuse with Refusal; only resources speak HTTP");
    }

    /** Every class that consumes a channel says so in its name. */
    public static ArchRule consumersAreListeners(String root) {
        return classes().that().resideInAPackage(root + "..").and(CONSUMES_A_CHANNEL)
                .should().haveSimpleNameEndingWith("Listener")
                .because("a Kafka listener is found by its name; \"Projection\" and \"Events\" meant it in some"
                        + " services and not in others");
    }

    /**
     * A resource: a JAX-RS class, a sub-resource named so, an exception mapper, or a request filter (it answers HTTP
     * itself, e.g. a 429 that no {@code Refusal} kind stands for).
     */
    static final DescribedPredicate<JavaClass> RESOURCE_LAYER = new DescribedPredicate<>("in the resource layer") {
        @Override
        public boolean test(JavaClass type) {
            JavaClass outer = type.getEnclosingClass().orElse(type);
            return outer.isAnnotatedWith(Path.class) || outer.getSimpleName().endsWith("Resource")
                    || outer.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(ServerExceptionMapper.class)
                            || m.isAnnotatedWith(ServerRequestFilter.class));
        }
    };

    static final DescribedPredicate<JavaClass> CONSUMES_A_CHANNEL = new DescribedPredicate<>("consume a channel") {
        @Override
        public boolean test(JavaClass type) {
            return type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Incoming.class));
        }
    };

    private static boolean within(JavaClass origin, JavaClass owner) {
        for (JavaClass type = origin; type != null; type = type.getEnclosingClass().orElse(null)) {
            if (type.equals(owner)) {
                return true;
            }
        }
        return false;
    }
}
