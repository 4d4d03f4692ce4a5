package org.drlp.signature;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the {@link ApiSignature} of compiled types by reflection: every public type (and public
 * or protected nested type) with its public and protected constructors, methods and fields, record
 * components, enum constants and the role annotations {@code @ProviderType} / {@code @ConsumerType}.
 * Implementation details (private members, synthetic and bridge methods, method bodies) are left out.
 */
final class SignatureReader {

    /** Type-level annotations that are part of the contract, by class name, shown by simple name. */
    private static final List<String> CONTRACT_ANNOTATIONS = List.of(
            "org.osgi.annotation.versioning.ConsumerType",
            "org.osgi.annotation.versioning.ProviderType",
            "java.lang.FunctionalInterface");

    private final Function<Class<?>, String> naming;
    private final SortedMap<String, String> elements = new TreeMap<>();

    /** @param naming how a class is named in the signature; {@link Class#getName} for real packages */
    private SignatureReader(Function<Class<?>, String> naming) {
        this.naming = naming;
    }

    static ApiSignature of(Collection<Class<?>> topLevelTypes) {
        return of(topLevelTypes, Class::getName);
    }

    static ApiSignature of(Collection<Class<?>> types, Function<Class<?>, String> naming) {
        SignatureReader reader = new SignatureReader(naming);
        for (Class<?> type : types) {
            if (Modifier.isPublic(type.getModifiers())) reader.addType(type);
        }
        return new ApiSignature(reader.elements);
    }

    private void addType(Class<?> type) {
        String owner = naming.apply(type);
        elements.put(ApiSignature.typeKey(owner), describeType(type));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                elements.put(owner + " constructor(" + erased(c) + ")", describe(c, null));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                elements.put(owner + " method " + m.getName() + "(" + erased(m) + ")", describe(m, m.getGenericReturnType()));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (f.isEnumConstant()) {
                elements.put(owner + " constant " + f.getName(), "enum constant");
            } else if (visible(f.getModifiers()) && !f.isSynthetic()) {
                elements.put(owner + " field " + f.getName(), describe(f));
            }
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                elements.put(owner + " component " + components[i].getName(),
                        "#" + i + " " + render(components[i].getGenericType()));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (visible(nested.getModifiers())) addType(nested);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private String describeType(Class<?> type) {
        String kind;
        int modifiers = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT
                | Modifier.STATIC | Modifier.FINAL);
        if (type.isAnnotation()) kind = "@interface";
        else if (type.isInterface()) kind = "interface";
        else if (type.isEnum()) kind = "enum";
        else if (type.isRecord()) kind = "record";
        else kind = "class";
        if (!kind.equals("class")) {
            // implicit for these kinds (an interface is abstract, a nested one static, a record final)
            modifiers &= Modifier.PUBLIC | Modifier.PROTECTED;
        }
        StringBuilder out = new StringBuilder(Modifier.toString(modifiers));
        if (type.isSealed()) out.append(" sealed");
        out.append(' ').append(kind).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (kind.equals("class") && superclass != null && superclass != Object.class) {
            out.append(" extends ").append(render(superclass));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            out.append(type.isInterface() ? " extends " : " implements ");
            out.append(Arrays.stream(interfaces).map(this::render).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            out.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(naming)
                    .sorted().collect(Collectors.joining(", ")));
        }
        List<String> annotations = new ArrayList<>();
        for (String name : ClassAnnotations.of(type).keySet()) {
            if (CONTRACT_ANNOTATIONS.contains(name)) annotations.add("@" + name.substring(name.lastIndexOf('.') + 1));
        }
        annotations.sort(null);
        for (String a : annotations) out.append(' ').append(a);
        return out.toString().trim();
    }

    private String describe(Executable e, Type returnType) {
        int modifiers = e.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.FINAL | Modifier.ABSTRACT);
        StringBuilder out = new StringBuilder(Modifier.toString(modifiers));
        if (e instanceof Method m && m.isDefault()) out.append(" default");
        String typeParameters = typeParameters(e.getTypeParameters());
        if (!typeParameters.isEmpty()) out.append(' ').append(typeParameters);
        if (returnType != null) out.append(' ').append(render(returnType));
        Type[] parameters = e.getGenericParameterTypes();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            String p = render(parameters[i]);
            if (e.isVarArgs() && i == parameters.length - 1) p = p.substring(0, p.length() - 2) + "...";
            shown.add(p);
        }
        out.append(" (").append(String.join(", ", shown)).append(')');
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length > 0) {
            out.append(" throws ").append(Arrays.stream(thrown).map(this::render).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return out.toString().trim();
    }

    private String describe(Field f) {
        int modifiers = f.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL);
        String out = Modifier.toString(modifiers) + " " + render(f.getGenericType());
        boolean constant = Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())
                && (f.getType().isPrimitive() || f.getType() == String.class);
        if (constant) {
            // a compile-time constant is copied into its users' class files: its value is part of the API
            try {
                f.setAccessible(true);
                out += " value " + f.get(null);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("cannot read constant " + f, ex);
            }
        }
        return out;
    }

    private String erased(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(this::render).collect(Collectors.joining(","));
    }

    private String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) return "";
        List<String> shown = new ArrayList<>();
        for (TypeVariable<?> v : variables) {
            List<String> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).map(this::render).toList();
            shown.add(bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds));
        }
        return "<" + String.join(", ", shown) + ">";
    }

    private String render(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? render(c.getComponentType()) + "[]" : c.isPrimitive() ? c.getName() : naming.apply(c);
        }
        if (type instanceof ParameterizedType p) {
            return render(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(this::render)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType g) return render(g.getGenericComponentType()) + "[]";
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) return "? super " + render(w.getLowerBounds()[0]);
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + render(upper[0]);
        }
        if (type instanceof TypeVariable<?> v) return v.getName();
        throw new IllegalArgumentException("unknown kind of type: " + type);
    }
}
