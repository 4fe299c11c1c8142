package org.newsflow.launcher;

/** What the user sees: one line per step, and failures explained in one line with where to look. */
final class Console {

    static void step(String text) {
        System.out.println("▸ " + text);
    }

    static void done(String text) {
        System.out.println("  ✔ " + text);
    }

    static void info(String text) {
        System.out.println(text);
    }

    /** A failure the user can act on: the message says what happened and where the details are. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    static Failure fail(String message) {
        return new Failure(message);
    }

    private Console() {
    }
}
