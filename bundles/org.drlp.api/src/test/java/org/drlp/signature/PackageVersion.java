package org.drlp.signature;

/** A package version major.minor.micro, as {@code @Version} in package-info gives it. */
record PackageVersion(int major, int minor, int micro) implements Comparable<PackageVersion> {

    static PackageVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length < 1 || parts.length > 3) throw new IllegalArgumentException("not a version: " + text);
        int[] numbers = new int[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a version: " + text, e);
            }
        }
        return new PackageVersion(numbers[0], numbers[1], numbers[2]);
    }

    /** The smallest version after this one that allows a change needing {@code bump}. */
    PackageVersion next(Bump bump) {
        return switch (bump) {
            case MAJOR -> new PackageVersion(major + 1, 0, 0);
            case MINOR -> new PackageVersion(major, minor + 1, 0);
            case NONE -> this;
        };
    }

    /** True when going from {@code previous} to this version is allowed for a change needing {@code bump}. */
    boolean allows(PackageVersion previous, Bump bump) {
        return compareTo(previous.next(bump)) >= 0;
    }

    @Override
    public int compareTo(PackageVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(micro, o.micro);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
