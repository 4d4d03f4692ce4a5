package org.drlp.kernel.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The compensated dot product against exact BigDecimal sums, on sums that cancel catastrophically. */
class CompensatedSumTest {

    @Test
    void cancellingSumsAreExactWhereTheNaiveSumLosesEverything() {
        CompensatedSum sum = new CompensatedSum();
        sum.addProduct(1e16, 1);
        sum.addProduct(1, 1);
        sum.addProduct(-1e16, 1);
        assertEquals(1, sum.value());
        sum.reset();
        double e = Math.scalb(1.0, -30);
        sum.addProduct(1 + e, 1 - e);
        sum.addProduct(-1, 1);
        assertEquals(-e * e, sum.value());
    }

    @Test
    void illConditionedDotProductsAgreeWithExactArithmetic() {
        Random random = new Random(4);
        for (int trial = 0; trial < 200; trial++) {
            int length = 2 + random.nextInt(30);
            double[] a = new double[length], b = new double[length];
            for (int i = 0; i < length; i++) {
                a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(25) - 12);
                b[i] = random.nextGaussian() * Math.pow(10, random.nextInt(25) - 12);
            }
            // cancel: a last term that makes the exact sum tiny
            BigDecimal partial = BigDecimal.ZERO;
            for (int i = 0; i < length - 1; i++) partial = partial.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
            a[length - 1] = -partial.doubleValue();
            b[length - 1] = 1;
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal magnitude = BigDecimal.ZERO;
            for (int i = 0; i < length; i++) {
                BigDecimal term = new BigDecimal(a[i]).multiply(new BigDecimal(b[i]));
                exact = exact.add(term);
                magnitude = magnitude.add(term.abs());
            }
            CompensatedSum sum = new CompensatedSum();
            sum.addDot(a, b);
            // Dot2's bound: |error| <= eps |exact| + O(n^2 eps^2) sum |a_i b_i|
            double bound = 1.2e-16 * Math.abs(exact.doubleValue()) + length * length * 1.5e-32 * magnitude.doubleValue();
            assertEquals(exact.doubleValue(), sum.value(), bound, "trial " + trial);
        }
    }
}
