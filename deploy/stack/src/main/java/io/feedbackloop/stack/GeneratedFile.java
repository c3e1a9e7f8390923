package io.feedbackloop.stack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.function.IntFunction;

/**
 * A large text file (a survey export) produced line by line while it is read, so a test can send
 * a million rows without holding them anywhere.
 */
public final class GeneratedFile {

    private GeneratedFile() {
    }

    /** {@code header}, then {@code line.apply(i)} for i = 0 .. rows-1; each line ends with a newline. */
    public static InputStream lines(String header, int rows, IntFunction<String> line) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                String text = (next < 0 ? header : line.apply(next)) + "\n";
                next++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
