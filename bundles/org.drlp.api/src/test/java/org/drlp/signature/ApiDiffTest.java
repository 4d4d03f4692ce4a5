package org.drlp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The bump each kind of change needs, on small fixture packages: each case holds a {@code Before}
 * and an {@code After} version of the same types, named alike in both signatures.
 */
class ApiDiffTest {

    private static Bump bump(Class<?> scenario) {
        return diff(scenario).bump();
    }

    private static ApiDiff diff(Class<?> scenario) {
        return ApiDiff.between(signature(scenario, "Before"), signature(scenario, "After"));
    }

    private static ApiSignature signature(Class<?> scenario, String version) {
        for (Class<?> holder : scenario.getDeclaredClasses()) {
            if (holder.getSimpleName().equals(version)) {
                return SignatureReader.of(List.of(holder.getDeclaredClasses()),
                        c -> c.getName().replaceFirst("^.*\\$(Before|After)\\$", "fixture."));
            }
        }
        throw new IllegalArgumentException(scenario + " has no " + version);
    }

    static final class Unchanged {
        static final class Before {
            @ConsumerType public interface Listener { void heard(int x); }
        }
        static final class After {
            @ConsumerType public interface Listener { void heard(int x); }
        }
    }

    @Test
    void theSameSurfaceNeedsNoBump() {
        assertEquals(Bump.NONE, bump(Unchanged.class));
        assertTrue(diff(Unchanged.class).changes().isEmpty());
    }

    static final class RemovedMethod {
        static final class Before {
            @ProviderType public interface Service { int size(); String name(); }
        }
        static final class After {
            @ProviderType public interface Service { int size(); }
        }
    }

    @Test
    void aRemovedMethodNeedsAMajorBump() {
        assertEquals(Bump.MAJOR, bump(RemovedMethod.class));
        ApiDiff.Change change = diff(RemovedMethod.class).changes().get(0);
        assertEquals(ApiDiff.Kind.REMOVED, change.kind());
        assertEquals("fixture.Service method name()", change.key());
    }

    static final class AbstractAddedToConsumer {
        static final class Before {
            @ConsumerType public interface Listener { void heard(int x); }
        }
        static final class After {
            @ConsumerType public interface Listener { void heard(int x); void alsoHeard(long x); }
        }
    }

    @Test
    void anAbstractMethodAddedToAConsumerTypeBreaksItsImplementations() {
        assertEquals(Bump.MAJOR, bump(AbstractAddedToConsumer.class));
    }

    static final class DefaultAddedToConsumer {
        static final class Before {
            @ConsumerType public interface Listener { void heard(int x); }
        }
        static final class After {
            @ConsumerType public interface Listener { void heard(int x); default void alsoHeard(long x) { } }
        }
    }

    @Test
    void aDefaultMethodAddedToAConsumerTypeIsMinor() {
        assertEquals(Bump.MINOR, bump(DefaultAddedToConsumer.class));
    }

    static final class AbstractAddedToProvider {
        static final class Before {
            @ProviderType public interface Service { int size(); }
        }
        static final class After {
            @ProviderType public interface Service { int size(); String name(); }
        }
    }

    @Test
    void anAbstractMethodAddedToAProviderTypeIsMinor() {
        assertEquals(Bump.MINOR, bump(AbstractAddedToProvider.class));
    }

    static final class AbstractAddedToUnannotated {
        static final class Before {
            public interface Plain { int size(); }
        }
        static final class After {
            public interface Plain { int size(); String name(); }
        }
    }

    @Test
    void anInterfaceWithoutRoleCountsAsAConsumerType() {
        assertEquals(Bump.MAJOR, bump(AbstractAddedToUnannotated.class));
    }

    static final class AbstractAddedToAbstractClass {
        static final class Before {
            public abstract static class Base { public abstract int size(); }
        }
        static final class After {
            public abstract static class Base { public abstract int size(); public abstract int depth(); }
        }
    }

    @Test
    void anAbstractMethodAddedToAnAbstractClassBreaksItsSubclasses() {
        assertEquals(Bump.MAJOR, bump(AbstractAddedToAbstractClass.class));
    }

    static final class GenericReturnChanged {
        static final class Before {
            @ProviderType public interface Service { List<String> names(); }
        }
        static final class After {
            @ProviderType public interface Service { List<Integer> names(); }
        }
    }

    @Test
    void aChangedTypeArgumentIsAMajorChange() {
        ApiDiff diff = diff(GenericReturnChanged.class);
        assertEquals(Bump.MAJOR, diff.bump());
        assertEquals(ApiDiff.Kind.CHANGED, diff.changes().get(0).kind());
        assertEquals("public abstract java.util.List<java.lang.Integer> ()", diff.changes().get(0).after());
    }

    static final class ThrowsAdded {
        static final class Before {
            @ProviderType public interface Service { void load(); }
        }
        static final class After {
            @ProviderType public interface Service { void load() throws IOException; }
        }
    }

    @Test
    void aNewCheckedExceptionIsAMajorChange() {
        assertEquals(Bump.MAJOR, bump(ThrowsAdded.class));
    }

    static final class TypeAdded {
        static final class Before {
            @ProviderType public interface Service { int size(); }
        }
        static final class After {
            @ProviderType public interface Service { int size(); }
            @ConsumerType public interface Listener { void heard(int x); void alsoHeard(long x); }
        }
    }

    @Test
    void aNewTypeIsMinorEvenWithAbstractMethods() {
        assertEquals(Bump.MINOR, bump(TypeAdded.class));
    }

    @Test
    void aRemovedTypeIsMajor() {
        assertEquals(Bump.MAJOR, ApiDiff.between(signature(TypeAdded.class, "After"),
                signature(TypeAdded.class, "Before")).bump());
    }

    static final class ConsumerBecomesProvider {
        static final class Before {
            @ConsumerType public interface Sink { void accept(int x); }
        }
        static final class After {
            @ProviderType public interface Sink { void accept(int x); }
        }
    }

    @Test
    void makingATypeAProviderTypeIsMajorAndTheReverseMinor() {
        assertEquals(Bump.MAJOR, bump(ConsumerBecomesProvider.class));
        assertEquals(Bump.MINOR, ApiDiff.between(signature(ConsumerBecomesProvider.class, "After"),
                signature(ConsumerBecomesProvider.class, "Before")).bump());
    }

    static final class EnumConstantAdded {
        static final class Before {
            public enum Color { RED, GREEN }
        }
        static final class After {
            public enum Color { RED, GREEN, BLUE }
        }
    }

    @Test
    void anEnumConstantAddedIsMinorAndRemovedMajor() {
        assertEquals(Bump.MINOR, bump(EnumConstantAdded.class));
        assertEquals(Bump.MAJOR, ApiDiff.between(signature(EnumConstantAdded.class, "After"),
                signature(EnumConstantAdded.class, "Before")).bump());
    }

    static final class RecordComponentAdded {
        static final class Before {
            public record Point(double x, double y) { }
        }
        static final class After {
            public record Point(double x, double y, double z) { }
        }
    }

    @Test
    void aRecordComponentAddedChangesTheCanonicalConstructor() {
        ApiDiff diff = diff(RecordComponentAdded.class);
        assertEquals(Bump.MAJOR, diff.bump());
        assertTrue(diff.changes().stream().anyMatch(c -> c.kind() == ApiDiff.Kind.REMOVED
                && c.key().equals("fixture.Point constructor(double,double)")), diff.toString());
    }

    static final class ConstantChanged {
        static final class Before {
            public static final class Limits { public static final int MAX = 10; }
        }
        static final class After {
            public static final class Limits { public static final int MAX = 11; }
        }
    }

    @Test
    void aConstantsValueIsPartOfTheApi() {
        assertEquals(Bump.MAJOR, bump(ConstantChanged.class));
    }

    static final class PrivateMemberAdded {
        static final class Before {
            public static final class Util { public static int twice(int x) { return 2 * x; } }
        }
        static final class After {
            public static final class Util {
                private static int helper;
                public static int twice(int x) { return 2 * x + helper; }
                private static void reset() { helper = 0; }
            }
        }
    }

    @Test
    void privateMembersAreNotApi() {
        assertEquals(Bump.NONE, bump(PrivateMemberAdded.class));
    }

    static final class Generics {
        static final class Before {
            @ConsumerType @FunctionalInterface
            public interface Sorter<E extends Comparable<E>> {
                <T extends E> List<? super T> sorted(List<? extends T> items, T... extra) throws IOException;
            }
        }
    }

    @Test
    void signaturesShowGenericsVarargsThrowsAndRoles() {
        ApiSignature signature = signature(Generics.class, "Before");
        assertEquals(List.of(
                "fixture.Sorter method sorted(java.util.List,java.lang.Comparable[]) = public abstract <T extends E> "
                        + "java.util.List<? super T> (java.util.List<? extends T>, T...) throws java.io.IOException",
                "fixture.Sorter type = public interface<E extends java.lang.Comparable<E>> @ConsumerType "
                        + "@FunctionalInterface"), signature.lines());
    }
}
