package org.certboard.platform.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads query, path, header and cookie values strictly and, when one cannot be read, answers 400 naming the
 * parameter. JAX-RS answers a malformed path or query value with 404 (as if the resource did not exist), and reads a
 * boolean other than "true" as false; neither tells the caller what was wrong. Every service gets this converter
 * through the platform, so no resource parses its own parameters.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    /** A parameter value that cannot be read; mapped to a 400 problem naming the parameter. */
    public static final class InvalidParameterException extends WebApplicationException {
        private final transient Problem problem;

        InvalidParameterException(String parameter, String message) {
            super(parameter + ": " + message, 400);
            this.problem = Problem.invalid(List.of(new Problem.Violation(parameter, message)));
        }

        public Problem problem() {
            return problem;
        }
    }

    private record Reader<T>(String description, Function<String, T> read) {
    }

    private static final Map<Class<?>, Reader<?>> READERS = Map.ofEntries(
            Map.entry(UUID.class, new Reader<>("a UUID", UUID::fromString)),
            Map.entry(boolean.class, new Reader<>("true or false", StrictParameters::primitiveBool)),
            Map.entry(Boolean.class, new Reader<>("true or false", StrictParameters::bool)),
            Map.entry(int.class, new Reader<>("a whole number", Integer::valueOf)),
            Map.entry(Integer.class, new Reader<>("a whole number", Integer::valueOf)),
            Map.entry(long.class, new Reader<>("a whole number", Long::valueOf)),
            Map.entry(Long.class, new Reader<>("a whole number", Long::valueOf)),
            Map.entry(LocalDate.class, new Reader<>("a date (YYYY-MM-DD)", LocalDate::parse)),
            Map.entry(Instant.class, new Reader<>("an ISO-8601 instant (e.g. 2027-04-01T13:00:00Z)", Instant::parse)),
            Map.entry(String.class, new Reader<>("text", value -> value)));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        Reader<?> reader = READERS.get(rawType);
        if (reader == null && rawType.isEnum()) {
            reader = enumReader((Class<? extends Enum<?>>) rawType);
        }
        if (reader == null) {
            return null;
        }
        return (ParamConverter<T>) converter(name, reader, !rawType.isPrimitive() && rawType != String.class);
    }

    /** {@code blankIsAbsent}: an empty {@code ?windowId=} filters on nothing, as if the parameter were not given. */
    private static <T> ParamConverter<T> converter(String name, Reader<T> reader, boolean blankIsAbsent) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || blankIsAbsent && value.isBlank()) {
                    return null;
                }
                // PostgreSQL text cannot hold NUL; refused here, it would otherwise fail deep in a query
                if (value.indexOf('\0') >= 0) {
                    throw new InvalidParameterException(name, "must not contain the NUL character");
                }
                try {
                    return reader.read().apply(value);
                } catch (RuntimeException e) {
                    throw new InvalidParameterException(name, "must be " + reader.description());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Reader<?> enumReader(Class<? extends Enum<?>> type) {
        return new Reader<>("one of " + java.util.Arrays.toString(type.getEnumConstants()),
                value -> Enum.valueOf((Class) type, value));
    }

    /** JAX-RS hands an absent primitive parameter over as "0"; that one is false, any other number is refused. */
    private static Boolean primitiveBool(String value) {
        return "0".equals(value) ? Boolean.FALSE : bool(value);
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** The parameter's name as the caller sees it; null for anything but a query, path, header or cookie value. */
    private static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
            if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                return query.value();
            }
            if (annotation instanceof RestPath path && !path.value().isEmpty()) {
                return path.value();
            }
            if (annotation instanceof RestHeader header && !header.value().isEmpty()) {
                return header.value();
            }
            if (annotation instanceof RestCookie cookie && !cookie.value().isEmpty()) {
                return cookie.value();
            }
        }
        return null;
    }
}
