package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/policy-traceability.md names, for every promise of the privacy policy, the tests that fail
 * if it breaks. This test fails when a promise has no row or a named test does not exist, so the
 * table cannot drift into naming tests that were renamed or never written.
 */
class PolicyTraceabilityTest {
    private static final Pattern ROW = Pattern.compile("^\\| (P\\d+) \\|.*\\| ([^|]*) \\|$");
    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*)(?:\\.([a-zA-Z_][A-Za-z0-9_]*))?`");

    private static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/policy-traceability.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/policy-traceability.md above " + System.getProperty("user.dir")).isNotNull();
        return dir;
    }

    private static Map<String, String> testsByPromise(Path root) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("docs/policy-traceability.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertThat(rows.put(m.group(1), m.group(2).strip())).as("two rows for " + m.group(1)).isNull();
            }
        }
        return rows;
    }

    @Test
    void everyPromiseHasARow() throws IOException {
        Map<String, String> rows = testsByPromise(root());
        for (int i = 1; i <= 19; i++) {
            assertThat(rows).as("a row for P" + i).containsKey("P" + i);
        }
    }

    @Test
    void everyNamedTestExists() throws IOException {
        Path root = root();
        List<String> missing = new ArrayList<>();
        int named = problems(root, testsByPromise(root), missing);
        assertThat(named).as("tests named in the table").isGreaterThan(30);
        assertThat(missing).isEmpty();
    }

    /** docs/security.md's "Reviewed attacks" table: the last column names the tests that hold each defence. */
    @Test
    void everyTestTheReviewedAttacksTableNamesExists() throws IOException {
        Path root = root();
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(root.resolve("docs/security.md"))) {
            if (line.startsWith("## ")) {
                inTable = line.equals("## Reviewed attacks");
            } else if (inTable && line.startsWith("| ") && !line.startsWith("| attack |")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].strip(), cells[cells.length - 1].strip());
            }
        }
        assertThat(rows).as("rows of the reviewed-attacks table").hasSizeGreaterThan(20);
        rows.forEach((attack, tests) -> assertThat(NAMED.matcher(tests).find()).as("a test for: " + attack).isTrue());
        List<String> missing = new ArrayList<>();
        problems(root, rows, missing);
        assertThat(missing).isEmpty();
    }

    /** Adds to {@code missing} each named test of the rows that is not an enabled test; answers how many were named. */
    private static int problems(Path root, Map<String, String> rows, List<String> missing) throws IOException {
        int named = 0;
        for (Map.Entry<String, String> row : rows.entrySet()) {
            Matcher m = NAMED.matcher(row.getValue());
            while (m.find()) {
                named++;
                Optional<Path> source = testSource(root, m.group(1));
                if (source.isEmpty()) {
                    missing.add(row.getKey() + ": no test class " + m.group(1));
                } else {
                    String text = Files.readString(source.get());
                    if (classIsDisabled(text)) {
                        missing.add(row.getKey() + ": test class " + m.group(1) + " is disabled");
                    } else if (m.group(2) == null) {
                        if (!TEST_METHOD.matcher(text).find()) {
                            missing.add(row.getKey() + ": " + m.group(1) + " has no test");
                        }
                    } else {
                        testProblem(text, m.group(2)).ifPresent(problem ->
                                missing.add(row.getKey() + ": " + m.group(1) + "." + m.group(2) + " " + problem));
                    }
                }
            }
        }
        return named;
    }

    /** Annotations that make a method run as a test (JUnit Jupiter and jqwik). */
    private static final String RUNS = "(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)";
    private static final Pattern TEST_METHOD = Pattern.compile("@" + RUNS + "\\b");

    /**
     * Whether the named method exists, runs as a test and is not disabled: the annotations written
     * just above {@code void name(} are read, so a helper method or a {@code @Disabled} test does not
     * count as the test the table promises.
     */
    static Optional<String> testProblem(String source, String method) {
        // A declaration: annotations, modifiers, a return type (void, or a Stream of dynamic tests),
        // then the name and its parenthesis.
        Matcher declared = Pattern.compile("((?:\\s*@[A-Za-z.]+(?:\\((?:[^()]|\\([^()]*\\))*\\))?)*)"
                + "\\s*(?:(?:public|protected|private|static|final)\\s+)*"
                + "(?:void|[A-Z][A-Za-z0-9_.]*(?:<[A-Za-z0-9_.<>, ?]*>)?(?:\\[])?)\\s+"
                + Pattern.quote(method) + "\\s*\\(")
                .matcher(source);
        Optional<String> problem = Optional.of("does not exist");
        while (declared.find()) {
            String annotations = declared.group(1);
            if (!Pattern.compile("@(?:org\\.junit\\.jupiter\\.api\\.|net\\.jqwik\\.api\\.)?" + RUNS + "\\b")
                    .matcher(annotations).find()) {
                problem = Optional.of("is not annotated as a test");
            } else if (annotations.contains("@Disabled")) {
                return Optional.of("is disabled");
            } else {
                return Optional.empty();
            }
        }
        return problem;
    }

    /** A {@code @Disabled} written before the class declaration disables every test in it. */
    static boolean classIsDisabled(String source) {
        Matcher type = Pattern.compile("\\b(?:class|interface|record)\\s+[A-Z]").matcher(source);
        return type.find() && source.substring(0, type.start()).contains("@Disabled");
    }

    @Test
    void aHelperOrADisabledTestIsNotATest() {
        String source = """
                @Disabled("flaky")
                class Old {
                }
                class Example {
                    @Test
                    void realOne() {
                    }

                    @Disabled("later")
                    @Test
                    void switchedOff() {
                    }

                    @Property(tries = 10)
                    void aProperty(@ForAll int x) {
                    }

                    @TestFactory
                    Stream<DynamicTest> dynamic() {
                        return Stream.empty();
                    }

                    private static void helper() {
                    }
                }
                """;
        assertThat(testProblem(source, "realOne")).isEmpty();
        assertThat(testProblem(source, "aProperty")).isEmpty();
        assertThat(testProblem(source, "dynamic")).isEmpty();
        assertThat(testProblem(source, "switchedOff")).contains("is disabled");
        assertThat(testProblem(source, "helper")).contains("is not annotated as a test");
        assertThat(testProblem(source, "absent")).contains("does not exist");
        assertThat(classIsDisabled(source)).isTrue();
        assertThat(classIsDisabled("class Fine {\n    @Disabled @Test void x() {}\n}")).isFalse();
    }

    private static Optional<Path> testSource(Path root, String className) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(className + ".java"))
                    .filter(p -> p.toString().contains("/src/test/java/"))
                    .findFirst();
        }
    }
}
