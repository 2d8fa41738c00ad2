import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows the next hint for an exercise, one level at a time, and remembers how far you have gone.
 *
 * <pre>
 * java exercises/hints/Hint.java ex01            next hint for the first unfinished task of Ex01
 * java exercises/hints/Hint.java ex01.softplus   next hint for that task
 * java exercises/hints/Hint.java --list          every task, with the hints you have seen
 * java exercises/hints/Hint.java --reset [ex01]  forget your progress (all of it, or one exercise or task)
 * </pre>
 *
 * The hints are in {@code exercises/hints/exNN.md}: one section {@code ## exNN.task} per task, one numbered item
 * per level (a nudge, the idea with the write-up to read, then the cure). A task may also have sections
 * {@code ## exNN.task when checkMethod}: when your last grade says that check failed first, its hints come instead,
 * so that the first hint you see is about what went wrong. "Unfinished" and the failed check come from your last
 * grade ({@code exercises/target/grade/grade.properties}) when there is one; otherwise tasks go in order. Your
 * progress is kept in {@code exercises/hints/.progress}, which git ignores and {@code mvn clean} keeps.
 * Authors: {@code --check [task ...]} fails unless every task has at least three levels.
 */
public final class Hint {
    private static final Pattern SECTION = Pattern.compile("^## +(ex\\d\\d\\.\\w+(?: when \\w+)?)\\s*$");
    /** Between a task and the check a section is for: {@code ex01.sigmoidDerivative when derivativeKeepsItsTail}. */
    private static final String WHEN = " when ";
    private static final Pattern LEVEL = Pattern.compile("^(\\d+)\\. +(.*)$");
    private static final Pattern EXERCISE = Pattern.compile("(?i)^(ex\\d\\d)$");
    private static final Pattern TASK = Pattern.compile("(?i)^(ex\\d\\d)\\.(\\w+)$");
    private static final String[] LEVEL_NAMES = {"a nudge", "the idea", "the cure"};
    private static final int MIN_LEVELS = 3;
    private static final Pattern WRITE_UP = Pattern.compile("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b");

    private final Path hints;
    private final Path progressFile;
    private final Properties progress = new Properties();

    private Hint(Path hints) throws IOException {
        this.hints = hints;
        this.progressFile = Path.of(System.getProperty("hint.progress", hints.resolve(".progress").toString()));
        if (Files.exists(progressFile)) {
            try (Reader in = Files.newBufferedReader(progressFile)) {
                progress.load(in);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = findHints();
        if (dir == null) {
            System.err.println("No exercises/hints folder here: run this from the workbook's top folder.");
            System.exit(2);
        }
        Hint hint = new Hint(dir);
        String first = args.length == 0 ? "" : args[0];
        int status = switch (first) {
            case "--check" -> hint.check(List.of(args).subList(1, args.length));
            case "--list" -> hint.list();
            case "--reset" -> hint.reset(args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "");
            default -> hint.show(first);
        };
        System.exit(status);
    }

    /** Walks up from the working directory to the folder that holds {@code exercises/hints}. */
    private static Path findHints() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("exercises/hints"), p.resolve("hints"))) {
                if (Files.exists(candidate.resolve("Hint.java"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The plain task sections of a hint file (not the ones for a failed check), in file order. */
    private static List<String> taskIds(Map<String, List<String>> sections) {
        return sections.keySet().stream().filter(k -> !k.contains(WHEN)).toList();
    }

    /** Reads one exercise's hint file: section (a task, or a task when a check failed) -> levels, in file order. */
    private Map<String, List<String>> read(String exercise) throws IOException {
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        Path file = hints.resolve(exercise + ".md");
        if (!Files.exists(file)) {
            return tasks;
        }
        List<String> levels = null;
        StringBuilder level = null;
        for (String line : Files.readAllLines(file)) {
            Matcher section = SECTION.matcher(line);
            Matcher item = LEVEL.matcher(line);
            if (section.matches()) {
                levels = new ArrayList<>();
                tasks.put(section.group(1), levels);
                level = null;
            } else if (levels != null && item.matches()) {
                level = new StringBuilder(item.group(2));
                levels.add(null);
            } else if (level != null && line.startsWith("   ")) {
                level.append('\n').append(line.strip());
            } else if (level != null && line.isBlank()) {
                levels.set(levels.size() - 1, level.toString());
                level = null;
            }
            if (level != null) {
                levels.set(levels.size() - 1, level.toString());
            }
        }
        return tasks;
    }

    private int show(String what) throws IOException {
        Matcher task = TASK.matcher(what);
        Matcher exercise = EXERCISE.matcher(what);
        if (!task.matches() && !exercise.matches()) {
            System.err.println("Usage: java exercises/hints/Hint.java ex01   (or a task: ex01.softplus; "
                    + "or --list, --reset)");
            return 2;
        }
        String ex = (task.matches() ? task.group(1) : exercise.group(1)).toLowerCase(Locale.ROOT);
        Map<String, List<String>> tasks = read(ex);
        if (tasks.isEmpty()) {
            System.err.println("No hints for " + ex + " (looked for " + hints.resolve(ex + ".md") + ").");
            return 2;
        }
        Path gradeDir = Path.of(System.getProperty("hint.grade", hints.resolveSibling("target").resolve("grade")
                .toString()));
        List<String> taskIds = taskIds(tasks);
        Properties grade = Grades.load(gradeDir);
        Map<String, Boolean> done = Grades.read(grade, taskIds);
        String chosen;
        String why;
        if (task.matches()) {
            chosen = taskIds.stream().filter(t -> t.equalsIgnoreCase(what)).findFirst().orElse(null);
            if (chosen == null) {
                System.err.println("No task " + what + ". The tasks of " + ex + ": " + String.join(", ", taskIds));
                return 2;
            }
            why = "the task you named";
        } else {
            chosen = pick(tasks, done);
            if (chosen == null) {
                System.out.println(title(ex) + ": your last grade says every task is done. To see a hint anyway, name "
                        + "a task: " + String.join(", ", taskIds));
                return 0;
            }
            why = done.isEmpty() ? "the first task whose hints you have not all seen (no grade yet: ./mvnw test)"
                    : "the first task your last grade marks unfinished";
        }
        String failed = Grades.failedCheck(grade, chosen);
        String section = tasks.keySet().stream().filter(k -> failed != null && k.equalsIgnoreCase(chosen + WHEN + failed))
                .findFirst().orElse(chosen);
        List<String> levels = tasks.get(section);
        int seen = Integer.parseInt(progress.getProperty(section, "0"));
        int level = Math.min(seen + 1, levels.size());
        progress.setProperty(section, Integer.toString(Math.max(seen, level)));
        save();
        System.out.printf("%s · %s · hint %d of %d (%s)%s%n%n", title(ex), chosen, level, levels.size(),
                levelName(level), section.equals(chosen) ? "" : ", for the check that failed first: " + failed);
        for (String line : levels.get(level - 1).split("\n")) {
            System.out.println("  " + line);
        }
        System.out.println();
        for (String writeUp : writeUps(levels.get(level - 1))) {
            System.out.println("Read: " + writeUp + " (rendered: see the README, section Theory)");
        }
        if (level < levels.size()) {
            System.out.printf("Run the same command again for hint %d (%s).%n", level + 1, levelName(level + 1));
        } else {
            System.out.println("That was the last hint for " + chosen + ".");
        }
        System.out.println("(Chose " + chosen + ": " + why + ".)");
        System.out.println("Tasks of " + ex + ": " + String.join(", ", taskIds)
                + "; name one to switch, e.g. java exercises/hints/Hint.java "
                + taskIds.stream().filter(t -> !t.equals(chosen)).findFirst().orElse(chosen));
        return 0;
    }

    /** The first unfinished task with hints left; else the first unfinished one; null if all are done. */
    private String pick(Map<String, List<String>> tasks, Map<String, Boolean> done) {
        String firstUnfinished = null;
        for (Map.Entry<String, List<String>> e : tasks.entrySet()) {
            if (e.getKey().contains(WHEN) || Boolean.TRUE.equals(done.get(e.getKey()))) {
                continue;
            }
            if (firstUnfinished == null) {
                firstUnfinished = e.getKey();
            }
            if (Integer.parseInt(progress.getProperty(e.getKey(), "0")) < e.getValue().size()) {
                return e.getKey();
            }
        }
        return firstUnfinished;
    }

    private int list() throws IOException {
        for (int n = 1; n <= 99; n++) {
            String ex = String.format("ex%02d", n);
            Map<String, List<String>> tasks = read(ex);
            if (tasks.isEmpty()) {
                continue;
            }
            System.out.println(title(ex));
            tasks.forEach((t, levels) -> System.out.printf("  %-28s seen %s of %d%n", t,
                    progress.getProperty(t, "0"), levels.size()));
        }
        return 0;
    }

    private int reset(String prefix) throws IOException {
        progress.keySet().removeIf(k -> prefix.isEmpty() || k.equals(prefix) || k.toString().startsWith(prefix + "."));
        save();
        System.out.println("Hint progress reset" + (prefix.isEmpty() ? "." : " for " + prefix + "."));
        return 0;
    }

    /** Authoring check: every task (named, or found in the files) has at least three levels and a write-up. */
    private int check(List<String> expected) throws IOException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (int n = 1; n <= 99; n++) {
            all.putAll(read(String.format("ex%02d", n)));
        }
        List<String> problems = new ArrayList<>();
        for (String t : expected.isEmpty() ? all.keySet() : expected) {
            List<String> levels = all.get(t);
            if (levels == null) {
                problems.add(t + ": no hint section (## " + t + ")");
            } else if (levels.size() < MIN_LEVELS) {
                problems.add(t + ": " + levels.size() + " hint levels, at least " + MIN_LEVELS + " needed");
            } else {
                problems.addAll(writeUpProblems(t, levels.get(1)));
            }
        }
        all.keySet().stream().filter(k -> k.contains(WHEN)).forEach(k -> {
            List<String> levels = all.get(k);
            if (levels.size() < MIN_LEVELS) {
                problems.add(k + ": " + levels.size() + " hint levels, at least " + MIN_LEVELS + " needed");
            } else {
                problems.addAll(writeUpProblems(k, levels.get(1)));
            }
        });
        if (!expected.isEmpty()) {
            all.keySet().stream().filter(t -> !expected.contains(t.split(WHEN)[0]))
                    .forEach(t -> problems.add(t + ": a hint section for a task the suite does not have"));
        }
        problems.forEach(p -> System.out.println("HINTS: " + p));
        System.out.println(problems.isEmpty() ? "hints ok: " + all.size() + " tasks" : problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }

    /** The theory classes a hint names after "Write-up:", as paths from the top folder. */
    private List<String> writeUps(String text) {
        List<String> found = new ArrayList<>();
        int at = text.toLowerCase(Locale.ROOT).indexOf("write-up");
        Matcher m = WRITE_UP.matcher(at < 0 ? "" : text.substring(at));
        while (m.find()) {
            Path source = theory().resolve(m.group() + ".java");
            if (Files.exists(source)) {
                found.add(hints.getParent().getParent().relativize(source).toString());
            }
        }
        return found;
    }

    private Path theory() {
        return hints.getParent().resolveSibling("theory").resolve("src/main/java/workbook/theory");
    }

    /** Level 2 must name a write-up, and each write-up it names must exist when the theory module is here. */
    private List<String> writeUpProblems(String task, String idea) {
        int at = idea.toLowerCase(Locale.ROOT).indexOf("write-up");
        if (at < 0) {
            return List.of(task + ": hint 2 names no write-up (\"Write-up: ClassName\")");
        }
        Path theory = theory();
        List<String> problems = new ArrayList<>();
        Matcher m = WRITE_UP.matcher(idea.substring(at));
        boolean any = false;
        while (m.find()) {
            any = true;
            if (Files.isDirectory(theory) && !Files.exists(theory.resolve(m.group() + ".java"))) {
                problems.add(task + ": hint 2 points to a write-up that does not exist: " + m.group());
            }
        }
        return any ? problems : List.of(task + ": hint 2 names no write-up class after \"Write-up:\"");
    }

    private void save() throws IOException {
        try (Writer out = Files.newBufferedWriter(progressFile)) {
            progress.store(out, "hints seen per task (java exercises/hints/Hint.java); delete to start over");
        }
    }

    private String title(String ex) throws IOException {
        String first = Files.readAllLines(hints.resolve(ex + ".md")).get(0);
        return first.replaceFirst("^# +", "").replaceFirst(": hints$", "");
    }

    private static String levelName(int level) {
        return level <= LEVEL_NAMES.length ? LEVEL_NAMES[level - 1] : "more";
    }

    /** What the last grade says about each task: true when done; tasks it does not mention are absent. */
    static final class Grades {
        private Grades() {}

        /** The method of the task's first failed check in the last grade, or null. */
        static String failedCheck(Properties grade, String task) {
            String method = grade.getProperty(task + ".firstFailedCheck", "");
            return method.isEmpty() ? null : method;
        }

        /** The grader's flat grade file ({@code grade.properties}), empty when there is none yet. */
        static Properties load(Path gradeDir) throws IOException {
            Properties grade = new Properties();
            Path file = gradeDir.resolve("grade.properties");
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                    grade.load(in);
                }
            }
            return grade;
        }

        /** Whether each task is done ({@code ex01.sigmoid.status=done}). */
        static Map<String, Boolean> read(Properties grade, Iterable<String> tasks) {
            Map<String, String> statusByTask = new HashMap<>(); // hint files may spell a task in another case
            grade.stringPropertyNames().forEach(k -> statusByTask.put(k.toLowerCase(Locale.ROOT), grade.getProperty(k)));
            Map<String, Boolean> done = new HashMap<>();
            for (String task : tasks) {
                String status = statusByTask.get(task.toLowerCase(Locale.ROOT) + ".status");
                if (status != null) {
                    done.put(task, status.equals("done"));
                }
            }
            return done;
        }
    }
}
