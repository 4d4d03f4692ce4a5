package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.drlp.spi.Dataset;

/**
 * How the linear model turns a data set into its design matrix, fixed on the training data so that
 * new data is coded alike: numeric columns as they are, a categorical (text) column as one 0/1
 * dummy per level but its reference level (treatment contrasts, R's default), interactions as
 * products of their parts' columns, and the intercept last. Names follow R: {@code groupB} for
 * level B of column group, {@code income:groupB} for an interaction; the columns of a
 * factor-by-factor interaction run with the first factor's level fastest, as R orders them.
 */
final class DesignCoding {

    /** One column of the data as a term: a numeric column (levels null) or a factor. */
    private record Part(String column, List<String> levels, String reference) {

        boolean factor() {
            return levels != null;
        }

        /** The coded columns' name suffixes: the column itself, or column + each level but the reference. */
        List<String> names() {
            if (!factor()) return List.of(column);
            List<String> names = new ArrayList<>();
            for (String level : levels) if (!level.equals(reference)) names.add(column + level);
            return names;
        }
    }

    /** A term of the model: a column, or an interaction of several. */
    private record Term(List<Part> parts) { }

    private final List<Term> terms;
    private final boolean intercept;
    private final List<String> names;

    private DesignCoding(List<Term> terms, boolean intercept) {
        this.terms = List.copyOf(terms);
        this.intercept = intercept;
        List<String> all = new ArrayList<>();
        for (Term term : terms) all.addAll(termNames(term));
        if (intercept) all.add("intercept");
        this.names = List.copyOf(all);
    }

    /**
     * @param columns       the columns to use as main effects, numeric or categorical, in this order
     * @param interactions  each {@code a:b} (or {@code a:b:c}) of columns of the data
     * @param references    column to its reference level; the others take their first level in sorted order
     * @throws IllegalArgumentException naming the column or level that is not there
     */
    static DesignCoding of(Dataset training, List<String> columns, List<String> interactions,
                           Map<String, String> references, boolean intercept) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (var entry : references.entrySet()) {
            if (!training.textColumns().containsKey(entry.getKey())) {
                throw new IllegalArgumentException("reference level for \"" + entry.getKey()
                        + "\", which is not a categorical column; the categorical columns are "
                        + listed(new ArrayList<>(training.textColumns().keySet())));
            }
        }
        List<Term> terms = new ArrayList<>();
        for (String column : columns) terms.add(new Term(List.of(part(training, column, references, parts))));
        for (String interaction : interactions) {
            String[] split = interaction.split(":", -1);
            if (split.length < 2) {
                throw new IllegalArgumentException("interaction \"" + interaction + "\" must name two or more columns "
                        + "joined by \":\", for example income:group");
            }
            List<Part> of = new ArrayList<>();
            for (String column : split) {
                Part part = part(training, column.strip(), references, parts);
                if (of.contains(part)) throw new IllegalArgumentException("interaction \"" + interaction + "\" names "
                        + part.column() + " twice");
                of.add(part);
            }
            terms.add(new Term(of));
        }
        return new DesignCoding(terms, intercept);
    }

    private static Part part(Dataset training, String column, Map<String, String> references, Map<String, Part> parts) {
        Part known = parts.get(column);
        if (known != null) return known;
        Part part;
        List<String> text = training.textColumns().get(column);
        if (text != null) {
            // String order is R's in the C locale (LC_COLLATE=C), which the R oracle sets
            List<String> levels = List.copyOf(new TreeSet<>(text));
            String reference = references.getOrDefault(column, levels.get(0));
            if (!levels.contains(reference)) {
                throw new IllegalArgumentException("reference level \"" + reference + "\" of \"" + column
                        + "\" is not one of its levels " + listed(levels));
            }
            part = new Part(column, levels, reference);
        } else if (training.featureNames().contains(column)) {
            part = new Part(column, null, null);
        } else {
            List<String> all = new ArrayList<>(training.featureNames());
            all.addAll(training.textColumns().keySet());
            throw new IllegalArgumentException("unknown column \"" + column + "\"; the data has " + listed(all));
        }
        parts.put(column, part);
        return part;
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static List<String> termNames(Term term) {
        List<String> names = List.of("");
        for (Part part : term.parts()) {
            List<String> next = new ArrayList<>();
            // the later part varies slowest: R's order of interaction columns
            for (String suffix : part.names()) for (String prefix : names) next.add(prefix.isEmpty() ? suffix : prefix + ":" + suffix);
            names = next;
        }
        return names;
    }

    /** Names of the design's columns, the intercept last. */
    List<String> names() {
        return names;
    }

    int width() {
        return names.size();
    }

    /**
     * The design of {@code data}, row-major rows x {@link #width()}.
     *
     * @throws IllegalArgumentException when a column is missing or a level was not seen in training,
     *                                  naming the data, the row and the column
     */
    double[] design(Dataset data) {
        int rows = data.rows(), width = width();
        double[] design = new double[rows * width];
        int offset = 0;
        for (Term term : terms) {
            // each part's column block for every row: numeric value, or level index (-1 for the reference)
            List<double[]> numeric = new ArrayList<>();
            List<int[]> level = new ArrayList<>();
            for (Part part : term.parts()) {
                if (part.factor()) {
                    level.add(levels(data, part));
                    numeric.add(null);
                } else {
                    numeric.add(column(data, part.column()));
                    level.add(null);
                }
            }
            int block = termNames(term).size();
            for (int i = 0; i < rows; i++) {
                int at = i * width + offset;
                // walk the product of the parts' columns, first part fastest, as termNames orders them
                int stride = 1;
                double scale = 1;
                int index = 0;
                boolean zero = false;
                for (int p = 0; p < term.parts().size(); p++) {
                    Part part = term.parts().get(p);
                    if (part.factor()) {
                        int l = level.get(p)[i];
                        if (l < 0) zero = true;
                        else index += l * stride;
                        stride *= part.levels().size() - 1;
                    } else {
                        scale *= numeric.get(p)[i];
                    }
                }
                if (!zero) design[at + index] = scale;
            }
            offset += block;
        }
        if (intercept) for (int i = 0; i < rows; i++) design[i * width + width - 1] = 1;
        return design;
    }

    private static double[] column(Dataset data, String name) {
        int c = data.featureNames().indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(data.source() + ": no numeric column \"" + name + "\", which the model "
                    + "was trained with; the data has " + listed(data.featureNames()));
        }
        double[] values = new double[data.rows()];
        for (int i = 0; i < values.length; i++) values[i] = data.feature(i, c);
        return values;
    }

    /** Each row's level index among the non-reference levels, -1 for the reference. */
    private static int[] levels(Dataset data, Part part) {
        List<String> text = data.textColumns().get(part.column());
        if (text == null) {
            throw new IllegalArgumentException(data.source() + ": no categorical column \"" + part.column()
                    + "\", which the model was trained with; the categorical columns are "
                    + listed(new ArrayList<>(data.textColumns().keySet())));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int next = 0;
        for (String level : part.levels()) index.put(level, level.equals(part.reference()) ? -1 : next++);
        int[] codes = new int[text.size()];
        for (int i = 0; i < codes.length; i++) {
            Integer code = index.get(text.get(i));
            if (code == null) {
                throw new IllegalArgumentException(data.source() + ": data row " + (i + 1) + ", column \"" + part.column()
                        + "\": level \"" + text.get(i) + "\" was not in the training data (its levels: "
                        + listed(part.levels()) + ")");
            }
            codes[i] = code;
        }
        return codes;
    }
}
