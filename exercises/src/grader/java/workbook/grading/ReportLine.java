package workbook.grading;

/**
 * One line of a test JVM's report: the protocol between {@link CheckRunner}, which writes it in the test JVM, and
 * {@link TestJvms}, which reads it in the grader. A run reports its plan before any exercise code runs (a title
 * per exercise, then every check method in the order it will run, with its task), then each check as it starts and
 * as it finishes, then how it ended. Lines are tab-separated with escaped fields, and each is signed on the way
 * ({@link SignedLog}).
 */
sealed interface ReportLine {
    /** The exercise's title, from its suite's display name ("Ex03 · ReLU family" gives "ReLU family"). */
    record Title(ExerciseId exercise, String title) implements ReportLine {
        @Override
        public String format() {
            return join("T", exercise.toString(), title);
        }
    }

    /** A check method of the plan, in the order the plan runs them (the suite's declaration order). */
    record Planned(String uniqueId, ExerciseId exercise, String method, String task) implements ReportLine {
        @Override
        public String format() {
            return join("P", uniqueId, exercise.toString(), method, task);
        }
    }

    /** A check started: if the JVM dies now, this is the check to blame. */
    record Started(String uniqueId, Check check) implements ReportLine {
        @Override
        public String format() {
            return join("S", uniqueId) + "\t" + check.toLine();
        }
    }

    /** A check finished with its verdict. */
    record Finished(String uniqueId, Check check) implements ReportLine {
        @Override
        public String format() {
            return join("F", uniqueId) + "\t" + check.toLine();
        }
    }

    /** The run itself failed (an error outside any check). */
    record Failed(String error) implements ReportLine {
        @Override
        public String format() {
            return join("X", error);
        }
    }

    /** The JVM is exiting (written by a shutdown hook, whatever the reason). */
    record Exiting() implements ReportLine {
        @Override
        public String format() {
            return "E";
        }
    }

    /** Every check of the plan ran. */
    record Completed() implements ReportLine {
        @Override
        public String format() {
            return "END";
        }
    }

    /** The line as written. */
    String format();

    /** Reads a line that {@link #format()} wrote. */
    static ReportLine parse(String line) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
            case "T": return new Title(ExerciseId.parse(field(f, 1)), field(f, 2));
            case "P": return new Planned(field(f, 1), ExerciseId.parse(field(f, 2)), field(f, 3), field(f, 4));
            case "S": return new Started(field(f, 1), Check.fromLine(line.split("\t", 3)[2]));
            case "F": return new Finished(field(f, 1), Check.fromLine(line.split("\t", 3)[2]));
            case "X": return new Failed(field(f, 1));
            case "E": return new Exiting();
            case "END": return new Completed();
            default: throw new IllegalArgumentException("line must start with T, P, S, F, X, E or END, got: " + line);
        }
    }

    private static String field(String[] fields, int i) {
        if (i >= fields.length) {
            throw new IllegalArgumentException("line has " + fields.length + " fields, needs " + (i + 1));
        }
        return Check.unescape(fields[i]);
    }

    private static String join(String kind, String... fields) {
        StringBuilder out = new StringBuilder(kind);
        for (String field : fields) {
            out.append('\t').append(Check.escape(field));
        }
        return out.toString();
    }
}
