package assessor.junit;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The report channel to the harness: JSON lines on the JVM's stdout (fd 1), each carrying the run's
 * token.
 *
 * <p>The launcher takes fd 1 for itself before the security manager is installed and points
 * System.out and System.err at fd 2 (the candidate's output). Afterwards the candidate's code cannot
 * wrap a raw file descriptor or open /proc/self/fd/1, and holds no reference to this object (a
 * private field of the listener). Whatever else might reach fd 1 (the JVM's own messages) lacks
 * the token, which only the harness and this object know, and is ignored by the harness.
 */
final class Report {
    static final int MESSAGE_CHARS = 2000;
    private final OutputStream out;
    private String token = "";

    private Report(OutputStream out) {
        this.out = out;
    }

    /** The report on fd 1; System.out and System.err now both write to fd 2. */
    static Report takeStdout() {
        PrintStream output = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 8192),
                true, StandardCharsets.UTF_8);
        System.setOut(output);
        System.setErr(output);
        return new Report(new FileOutputStream(FileDescriptor.out));
    }

    void sign(String token) {
        this.token = quote(token);
    }

    synchronized void begin(String id) {
        write("{\"token\":" + token + ",\"begin\":" + quote(id) + "}");
    }

    synchronized void result(String id, String outcome, String message, long millis) {
        write("{\"token\":" + token + ",\"result\":" + quote(id) + ",\"outcome\":" + quote(outcome)
                + ",\"message\":" + quote(message) + ",\"duration_ms\":" + millis + "}");
    }

    synchronized void done() {
        write("{\"token\":" + token + ",\"done\":true}");
    }

    private void write(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException gone) {
            Runtime.getRuntime().halt(4);   // the harness is gone: nothing left to report to
        }
    }

    /** A JSON string literal; text is cut to MESSAGE_CHARS. */
    static String quote(String text) {
        if (text == null) {
            return "\"\"";
        }
        if (text.length() > MESSAGE_CHARS) {
            text = text.substring(0, MESSAGE_CHARS);
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
