package org.drlp.compare.internal;

import java.util.Locale;

/** Numbers as the report's files write them: 6 significant digits, {@code inf}, and empty for none. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) return "";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
