import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Same-JVM A/B of two builds' kernel primitives: each build's KernelPrimitivesBenchmark in its own
 * class loader, the two alternated call batch by call batch, so that the load of a shared machine
 * falls on both alike. JMH runs them one after the other, which on a loaded machine swings more
 * than the differences of interest.
 *
 * <p>Arguments: BEFORE_CLASSPATH_FILE AFTER_CLASSPATH_FILE SIZE BENCHMARKS ROUNDS CALLS, where a
 * classpath file holds one build's classpath (see same-jvm-ab.sh) and BENCHMARKS names methods of
 * the benchmark class, comma-separated. The first quarter of the rounds is warm-up and dropped.
 */
public class SameJvmAB {
    public static void main(String[] args) throws Exception {
        String[] builds = {args[0], args[1]};
        String size = args[2];
        String[] benches = args[3].split(",");
        int rounds = Integer.parseInt(args[4]);
        int calls = Integer.parseInt(args[5]);
        Object[] instance = new Object[2];
        Method[][] method = new Method[2][benches.length];
        for (int v = 0; v < 2; v++) {
            String cp = Files.readString(Path.of(builds[v])).trim();
            URL[] urls = Arrays.stream(cp.split(File.pathSeparator)).map(SameJvmAB::url).toArray(URL[]::new);
            ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> c = loader.loadClass("org.drlp.kernel.KernelPrimitivesBenchmark");
            instance[v] = c.getConstructor().newInstance();
            c.getField("size").set(instance[v], size);
            c.getField("presolve").set(instance[v], "auto");
            c.getMethod("setUp").invoke(instance[v]);
            for (int b = 0; b < benches.length; b++) method[v][b] = c.getMethod(benches[b]);
        }
        double[][][] micros = new double[benches.length][2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int b = 0; b < benches.length; b++) {
                for (int k = 0; k < 2; k++) {
                    int v = (r + k) % 2; // who goes first alternates
                    long start = System.nanoTime();
                    for (int i = 0; i < calls; i++) method[v][b].invoke(instance[v]);
                    micros[b][v][r] = (System.nanoTime() - start) / 1e3 / calls;
                }
            }
        }
        int warm = rounds / 4;
        for (int b = 0; b < benches.length; b++) {
            double[] before = Arrays.copyOfRange(micros[b][0], warm, rounds);
            double[] after = Arrays.copyOfRange(micros[b][1], warm, rounds);
            int afterFaster = 0;
            for (int i = 0; i < before.length; i++) if (after[i] < before[i]) afterFaster++;
            Arrays.sort(before);
            Arrays.sort(after);
            System.out.printf("%-12s %-10s before median %8.3f best %8.3f | after median %8.3f best %8.3f us/call | after faster in %d of %d rounds%n",
                    benches[b], size, before[before.length / 2], before[0], after[after.length / 2], after[0],
                    afterFaster, before.length);
        }
    }

    private static URL url(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
