package org.drlp.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The type-level annotations of a class file, including those of class retention that reflection
 * cannot see (the OSGi {@code @ProviderType}, {@code @ConsumerType} and {@code @Version} are such).
 */
final class ClassAnnotations {

    private ClassAnnotations() {
    }

    /** Annotation class name to its element values (constants only), read from the class's own file. */
    static Map<String, Map<String, Object>> of(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no class file for " + type.getName());
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Map<String, Object>> read(InputStream classFile) throws IOException {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                Map<String, Object> values = new LinkedHashMap<>();
                found.put(Type.getType(descriptor).getClassName(), values);
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        values.put(name, value);
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }
}
