package org.certboard.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.smallrye.config.ConfigMapping;

/**
 * The platform's rules about who owns what, each a factory over a package root so that {@code PlatformRulesTest} can
 * run it against the platform and against a small fixture that breaks it (docs/architecture.md, "Inside the
 * platform").
 */
final class PlatformRules {
    private static final Pattern INBOX_TABLE = Pattern.compile("\\b(processed_event|parked_event)\\b");

    private PlatformRules() {
    }

    /** The relay relays: nothing in the outbox package uses the inbox's classes (the inbox may use the outbox). */
    static ArchRule outboxDoesNotUseTheInbox(String root) {
        return noClasses().that().resideInAPackage(root + ".outbox..")
                .should().dependOnClassesThat().resideInAPackage(root + ".inbox..")
                .because("the relay relays; the inbox keeps its own tables and metrics (InboxHousekeeping)");
    }

    /** {@code certboard.inbox.*} is read in the inbox package only: whoever reads it does the inbox's work. */
    static ArchRule inboxSettingsAreReadInTheInbox(String root) {
        return classes().that().resideOutsideOfPackage(root + ".inbox..")
                .should(new ArchCondition<>("not read certboard.inbox.* settings") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        inboxSettingsReadBy(type).forEach(where -> events.add(SimpleConditionEvent.violated(type,
                                type.getName() + " reads " + where)));
                    }
                })
                .because("the inbox's retention and housekeeping belong to the inbox package");
    }

    /**
     * The outbox's code never names the inbox's tables: SQL is invisible to ArchUnit, so this reads the sources of
     * {@code outboxSources} (a package directory) and lists each file and line that does.
     */
    static List<String> inboxTablesNamedUnder(Path outboxSources) {
        try (Stream<Path> files = Files.walk(outboxSources)) {
            return files.filter(file -> file.toString().endsWith(".java")).flatMap(PlatformRules::inboxTablesIn)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> inboxTablesIn(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> INBOX_TABLE.matcher(lines.get(i)).find())
                    .mapToObj(i -> file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> inboxSettingsReadBy(JavaClass type) {
        Stream<String> mapping = type.tryGetAnnotationOfType(ConfigMapping.class.getName()).stream()
                .flatMap(annotation -> setting(annotation, "prefix"));
        Stream<String> fields = type.getFields().stream().flatMap(PlatformRules::configProperties);
        Stream<String> parameters = type.getCodeUnits().stream().flatMap(PlatformRules::configProperties);
        return Stream.of(mapping, fields, parameters).flatMap(s -> s);
    }

    private static Stream<String> configProperties(JavaField field) {
        return field.tryGetAnnotationOfType(ConfigProperty.class.getName()).stream()
                .flatMap(annotation -> setting(annotation, "name"));
    }

    private static Stream<String> configProperties(JavaCodeUnit unit) {
        return unit.getParameters().stream().map(JavaParameter::getAnnotations).flatMap(annotations -> annotations
                .stream().filter(annotation -> annotation.getRawType().isEquivalentTo(ConfigProperty.class)))
                .flatMap(annotation -> setting(annotation, "name"));
    }

    private static Stream<String> setting(JavaAnnotation<?> annotation, String attribute) {
        Optional<Object> value = annotation.get(attribute);
        return value.map(Object::toString).filter(key -> key.startsWith("certboard.inbox")).stream();
    }
}
