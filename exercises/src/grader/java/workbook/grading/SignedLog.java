package workbook.grading;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test JVM's report lines, each signed so that the grader believes only the lines its own check runner
 * wrote: the learner's code runs in the same JVM and could write to the same file, but it does not know the key.
 *
 * <p>The grader draws a fresh random key for every test JVM and hands it over on the JVM's standard input
 * (never on the command line, in the environment or in a file, where another process could read it). The
 * runner reads it before any exercise class loads. Each line ends in a tab, {@code #} and an HMAC-SHA256 of the
 * line chained to the previous line's: a forged line fails the check and is ignored, and no signed line can be
 * dropped from the middle or replayed elsewhere without breaking the chain; cutting the tail leaves a run with
 * no signed {@code END}, which the grader treats as a crash of the check that was running.
 */
final class SignedLog {
    private static final String MARK = "\t#";

    private SignedLog() {}

    /** A fresh key, as the hex line the test JVM reads first on its standard input. */
    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** Writes signed lines (thread-safe: the shutdown hook writes too). */
    static final class Writer {
        private final PrintWriter out;
        private final Mac mac;
        private String previous = "";

        Writer(PrintWriter out, String hexKey) {
            this.out = out;
            this.mac = mac(hexKey);
        }

        synchronized void line(ReportLine line) {
            line(line.format());
        }

        synchronized void line(String text) {
            previous = sign(mac, previous, text);
            out.println(text + MARK + previous);
            out.flush();
        }
    }

    /** The lines of a report that carry a valid signature in an unbroken chain, without their signatures. */
    static List<String> verifiedLines(Path report, String hexKey) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isRegularFile(report)) {
            return lines;
        }
        Mac mac = mac(hexKey);
        String previous = "";
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            int at = line.lastIndexOf(MARK);
            if (at < 0) {
                continue;
            }
            String text = line.substring(0, at);
            String expected = sign(mac, previous, text);
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    line.substring(at + MARK.length()).getBytes(StandardCharsets.US_ASCII))) {
                lines.add(text);
                previous = expected;
            }
        }
        return lines;
    }

    private static String sign(Mac mac, String previous, String text) {
        mac.update(previous.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '\n');
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(String hexKey) {
        if (hexKey == null || !hexKey.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("hexKey must be 64 lowercase hex digits");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
