package io.feedbackloop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another program's {@code main} in a child JVM and exits as soon as the parent's end of
 * standard input closes. A test run or local stack that is killed outright therefore leaves no
 * broker or service process behind: the operating system closes the pipe, this JVM sees EOF and
 * exits through its shutdown hooks.
 *
 * <p>Usage: {@code java -cp ... io.feedbackloop.stack.ExitWithParent <main class> [args...]}
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ExitWithParent <main class> [args...]");
        }
        Thread watcher = new Thread(ExitWithParent::exitWhenStdinCloses, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; any bytes are ignored
            }
        } catch (IOException closed) {
            // a broken pipe means the parent is gone, same as EOF
        }
        System.exit(0);
    }
}
