package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where a test JVM runs, the third line of defence after {@link AllowedApi} (which refuses processes, files and
 * network before any check runs) and the signed report ({@link SignedLog}).
 *
 * <ul>
 *   <li>{@link #BUBBLEWRAP}: {@code bwrap} gives the test JVM no network, a read-only file tree but for the one
 *       folder its report goes to, a private {@code /tmp}, and a process namespace of its own, so every process it
 *       started dies with it.
 *   <li>{@link #UNPRIVILEGED_USER}: where bubblewrap cannot run (a container that forbids user namespaces) and the
 *       grader is root, as on Gradescope: the test JVM runs as {@code nobody}, who may write only the report
 *       folder, in a session of its own whose every process is killed when the run ends.
 *   <li>{@link #NONE}: a learner's own machine without bubblewrap. The learner owns that machine anyway.
 * </ul>
 * The system property {@value #PROPERTY} chooses one ({@code bubblewrap}, {@code user}, {@code none}); unset, the
 * strongest that works here is used.
 */
enum Sandbox {
    BUBBLEWRAP("bubblewrap: no network, a read-only file tree, a private /tmp, its own processes"),
    UNPRIVILEGED_USER("the user nobody: writes only its report folder; its processes are killed with it"),
    NONE("none: the test JVM runs as you, on your machine");

    static final String PROPERTY = "workbook.grade.sandbox";
    private static final String UNPRIVILEGED = "nobody";

    private final String description;

    Sandbox(String description) {
        this.description = description;
    }

    /** One line for the autograder's output. */
    String describe() {
        return "Sandbox: " + description;
    }

    /** The sandbox that the property names, or the strongest that works on this machine. */
    static Sandbox choose() {
        String wanted = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "bubblewrap": return BUBBLEWRAP;
            case "user": return UNPRIVILEGED_USER;
            case "none": return NONE;
            case "", "auto": break;
            default: throw new IllegalArgumentException(PROPERTY + " must be bubblewrap, user, none or auto, got '"
                    + wanted + "'");
        }
        if (works(List.of("bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--dev", "/dev",
                "--proc", "/proc", "true"))) {
            return BUBBLEWRAP;
        }
        return isRoot() && works(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup", "--clear-groups",
                "--no-new-privs", "true")) ? UNPRIVILEGED_USER : NONE;
    }

    /**
     * The command that runs {@code java} in this sandbox, writing nowhere but {@code writable}.
     *
     * @param writable the test JVM's report folder
     * @param readable what the test JVM reads (the workbook, its class path): where it lies in {@code /tmp}, it is
     *                 shown read-only in the private {@code /tmp}
     * @param java     the test JVM's command line
     */
    List<String> wrap(Path writable, List<Path> readable, List<String> java) throws IOException {
        List<String> command = new ArrayList<>();
        switch (this) {
            case BUBBLEWRAP -> {
                command.addAll(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                        "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
                // a folder inside one shown already is not bound again: the JVM sees it as it is when it reads it,
                // not as it was when the JVM started (in watch mode, a save rebuilds a folder for the waiting JVM)
                List<Path> shown = new ArrayList<>();
                for (Path path : readable) {
                    Path p = path.toAbsolutePath().normalize();
                    if (p.toString().startsWith("/tmp/") && Files.exists(p) && shown.stream().noneMatch(p::startsWith)) {
                        command.addAll(List.of("--ro-bind", p.toString(), p.toString()));
                        shown.add(p);
                    }
                }
                String dir = writable.toAbsolutePath().toString();
                command.addAll(List.of("--bind", dir, dir, "--"));
            }
            case UNPRIVILEGED_USER -> {
                giveTo(writable);
                command.addAll(List.of("setsid", "setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup",
                        "--clear-groups", "--no-new-privs"));
            }
            case NONE -> { }
        }
        command.addAll(java);
        return command;
    }

    /**
     * Stops a test JVM and every process it started: the descendants the JDK can see, and under
     * {@link #UNPRIVILEGED_USER} the whole session (a process that left its parent keeps its session).
     * Not for a JVM in its first moments: a bubblewrap sandbox killed while it still starts can leave its inner
     * processes running. The grade kills a JVM only once it has exited or run past its limit; one started ahead and
     * not needed is sent away instead ({@link TestJvms.TestJvm#dismiss}).
     */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            new ProcessBuilder("pkill", "-KILL", "-s", Long.toString(process.pid())).start().waitFor(5,
                    TimeUnit.SECONDS);
        } catch (IOException e) {
            // no pkill (macOS, Windows): there the sandbox is NONE and the descendants above are all there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void giveTo(Path folder) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
        view.setOwner(users.lookupPrincipalByName(UNPRIVILEGED));
        view.setGroup(group);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
