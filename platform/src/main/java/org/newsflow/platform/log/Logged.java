package org.newsflow.platform.log;

/**
 * Values from outside (headers, ids a client chose) as they may appear in a log line: control characters
 * escaped, so that a crafted value cannot forge log lines, and cut at {@value #MAX} characters.
 */
public final class Logged {

    static final int MAX = 200;

    public static String value(String untrusted) {
        if (untrusted == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX) + 8);
        for (int i = 0; i < untrusted.length() && i < MAX; i++) {
            char c = untrusted.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (untrusted.length() > MAX) {
            out.append("…");
        }
        return out.toString();
    }

    private Logged() {
    }
}
