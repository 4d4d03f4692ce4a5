package org.drlp.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two signatures of a package, element by element, and the version bump each
 * change needs: a removal or a change is MAJOR; an addition MINOR, except an abstract method added
 * to a type that users implement (a {@code @ConsumerType} interface, an interface without a role
 * annotation, an abstract class that is not a {@code @ProviderType}), which breaks every existing
 * implementation: MAJOR. Making a type a {@code @ProviderType} is MAJOR (its implementers lose the
 * promise that minor versions add nothing they must implement); the reverse, or declaring the
 * default {@code @ConsumerType}, is MINOR.
 */
final class ApiDiff {

    enum Kind { ADDED, REMOVED, CHANGED }

    record Change(Kind kind, String key, String before, String after, Bump bump) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> bump + "  + " + key + ApiSignature.SEPARATOR + after;
                case REMOVED -> bump + "  - " + key + ApiSignature.SEPARATOR + before;
                case CHANGED -> bump + "  - " + key + ApiSignature.SEPARATOR + before + "\n"
                        + " ".repeat(bump.name().length()) + "  + " + key + ApiSignature.SEPARATOR + after;
            };
        }
    }

    private static final String PROVIDER = "@ProviderType";
    private static final String CONSUMER = "@ConsumerType";

    private final List<Change> changes;

    private ApiDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    static ApiDiff between(ApiSignature before, ApiSignature after) {
        TreeSet<String> keys = new TreeSet<>(before.elements().keySet());
        keys.addAll(after.elements().keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            String was = before.elements().get(key);
            String is = after.elements().get(key);
            if (Objects.equals(was, is)) continue;
            if (was == null) changes.add(new Change(Kind.ADDED, key, null, is, addition(before, after, key, is)));
            else if (is == null) changes.add(new Change(Kind.REMOVED, key, was, null, Bump.MAJOR));
            else changes.add(new Change(Kind.CHANGED, key, was, is, change(key, was, is)));
        }
        return new ApiDiff(changes);
    }

    List<Change> changes() {
        return changes;
    }

    /** The bump the whole difference needs: the largest of its changes'. */
    Bump bump() {
        Bump needed = Bump.NONE;
        for (Change c : changes) needed = needed.max(c.bump());
        return needed;
    }

    private static Bump addition(ApiSignature before, ApiSignature after, String key, String description) {
        String typeKey = ApiSignature.typeKey(ApiSignature.owner(key));
        boolean ownerExisted = before.elements().containsKey(typeKey);
        boolean abstractMethod = key.contains(" method ") && description.matches("(.* )?abstract .*");
        if (ownerExisted && abstractMethod && implementedByUsers(after.elements().get(typeKey))) return Bump.MAJOR;
        return Bump.MINOR;
    }

    private static boolean implementedByUsers(String typeDescription) {
        if (typeDescription.contains(PROVIDER)) return false;
        return typeDescription.contains("interface") || typeDescription.matches("(.* )?abstract (.* )?class.*");
    }

    private static Bump change(String key, String was, String is) {
        if (ApiSignature.isTypeKey(key) && withoutRole(was).equals(withoutRole(is))) {
            return is.contains(PROVIDER) ? Bump.MAJOR : Bump.MINOR;
        }
        return Bump.MAJOR;
    }

    private static String withoutRole(String typeDescription) {
        return typeDescription.replace(" " + PROVIDER, "").replace(" " + CONSUMER, "");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Change c : changes) out.append(c).append('\n');
        return out.toString();
    }
}
