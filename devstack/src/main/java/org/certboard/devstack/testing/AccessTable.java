package org.certboard.devstack.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what, as a table: every endpoint of a service × every kind of caller → the status it must answer.
 * {@link #verify} plays each row against the running service with real tokens and fails on any difference, and
 * on any endpoint of the service's OpenAPI document that has no row, so an endpoint cannot be added unguarded.
 *
 * @param <F> the records a row acts on, made afresh for each row (a candidate who owns them, another who does not)
 */
public final class AccessTable<F extends AccessTable.Fixture> {

    /** The callers of every row, in the order they are played: those refused first, so they change nothing. */
    public enum Who {
        ANONYMOUS, OTHER_CANDIDATE, VENDOR, ADMIN, OWNER, STAFF
    }

    /** The people a row is about: a candidate who owns the records and one who does not. */
    public interface Fixture {
        String ownerToken();

        String otherCandidateToken();
    }

    private record Row<F>(String method, String path, Map<Who, Integer> expected,
            BiFunction<RequestSpecification, F, Response> call) {
    }

    private static final String VENDOR = TestTokens.token("vendor-account", "vendor");
    private static final String STAFF = TestTokens.token("staff-member", "staff");
    private static final String ADMIN = TestTokens.token("operator", "admin");

    private final List<Row<F>> rows = new ArrayList<>();

    /**
     * One endpoint: its method and OpenAPI path template, the status each caller must get, and how to call it on a
     * fixture. Statuses are given in the order anonymous, owner, other candidate, vendor, staff, admin.
     */
    public AccessTable<F> row(String method, String path, int anonymous, int owner, int otherCandidate, int vendor,
            int staff, int admin, BiFunction<RequestSpecification, F, Response> call) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        expected.put(Who.ANONYMOUS, anonymous);
        expected.put(Who.OWNER, owner);
        expected.put(Who.OTHER_CANDIDATE, otherCandidate);
        expected.put(Who.VENDOR, vendor);
        expected.put(Who.STAFF, staff);
        expected.put(Who.ADMIN, admin);
        rows.add(new Row<>(method.toUpperCase(), path, expected, call));
        return this;
    }

    /** Adds a set of rows kept elsewhere (e.g. the platform's own endpoints, which every service serves). */
    public AccessTable<F> with(UnaryOperator<AccessTable<F>> rows) {
        return rows.apply(this);
    }

    /** Plays every row for every caller on a fresh fixture per row; reports every difference at once. */
    public void verify(Supplier<F> fixtures) {
        List<String> differences = new ArrayList<>(uncovered());
        differences.addAll(undocumented());
        for (Row<F> row : rows) {
            F fixture = fixtures.get();
            for (Who who : Who.values()) {
                RequestSpecification request = given();
                String token = token(who, fixture);
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                Response response = row.call().apply(request, fixture);
                int expected = row.expected().get(who);
                if (response.statusCode() != expected) {
                    differences.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected
                            + ", got " + response.statusCode() + " " + response.asString());
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(differences.size() + " access differences:\n  "
                    + String.join("\n  ", differences));
        }
    }

    /** Endpoints the service documents that have no row (and rows naming endpoints it does not have). */
    private List<String> uncovered() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Set<String> served = new TreeSet<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> served.add(method.toUpperCase() + " " + path)));
        Set<String> tabled = new TreeSet<>();
        rows.forEach(row -> tabled.add(row.method() + " " + row.path()));
        List<String> problems = new ArrayList<>();
        served.stream().filter(e -> !tabled.contains(e)).forEach(e -> problems.add(e + " has no row in the access table"));
        tabled.stream().filter(e -> !served.contains(e)).forEach(e -> problems.add(e + " is not an endpoint of the service"));
        return problems;
    }

    /**
     * Rows that docs/security.md's endpoint table, in its rows for this service (the module the test runs in), says
     * differently, and endpoints it lists that the service does not have. A cell is read by its first word.
     */
    private List<String> undocumented() {
        String service = Path.of("").toAbsolutePath().getFileName().toString();
        Map<String, List<String>> documented = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("..", "docs", "security.md"))) {
                String[] cells = line.split("\\|");
                if (cells.length > 7 && cells[1].strip().equals(service)) {
                    List<String> words = new ArrayList<>();
                    for (int i = 3; i <= 7; i++) {
                        words.add(cells[i].strip().split(" ")[0]);
                    }
                    documented.put(cells[2].strip().replace("`", ""), words);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        Set<String> tabled = new TreeSet<>();
        for (Row<F> row : rows) {
            String endpoint = row.method() + " " + row.path();
            tabled.add(endpoint);
            List<String> expected = documentedCells(row);
            List<String> written = documented.get(endpoint);
            if (written == null) {
                problems.add(endpoint + " is missing from the endpoint table of docs/security.md");
            } else if (!written.equals(expected)) {
                problems.add(endpoint + ": docs/security.md says " + written + ", the service answers as " + expected
                        + " (anyone, candidate, staff, vendor, admin)");
            }
        }
        documented.keySet().stream().filter(e -> !tabled.contains(e))
                .forEach(e -> problems.add(e + " is in docs/security.md but not an endpoint of " + service));
        return problems;
    }

    /** What the table must say for a row: open, own, yes or — per column, from the statuses the row expects. */
    private static List<String> documentedCells(Row<?> row) {
        Map<Who, Integer> status = row.expected();
        if (status.get(Who.ANONYMOUS) != 401) {
            return List.of("open", "open", "open", "open", "open");
        }
        String candidate = refused(status.get(Who.OWNER)) ? "—"
                : status.get(Who.OTHER_CANDIDATE) == 404 || row.path().contains("/me") ? "own" : "yes";
        return List.of("—", candidate, allowed(status.get(Who.STAFF)), allowed(status.get(Who.VENDOR)),
                allowed(status.get(Who.ADMIN)));
    }

    private static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    private static String allowed(int status) {
        return refused(status) ? "—" : "yes";
    }

    private static String token(Who who, Fixture fixture) {
        return switch (who) {
            case ANONYMOUS -> null;
            case OWNER -> fixture.ownerToken();
            case OTHER_CANDIDATE -> fixture.otherCandidateToken();
            case VENDOR -> VENDOR;
            case STAFF -> STAFF;
            case ADMIN -> ADMIN;
        };
    }
}
