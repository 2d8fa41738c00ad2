package workbook.theory.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link Gemm}: a block of 4 rows of C times 3 vectors of columns stays in 12
 * registers while p runs over a slice of the shared dimension; each step broadcasts 4 entries of A, loads 3
 * vectors of a row of B and does 12 fused multiply-adds. The shared dimension is cut in slices of {@link #KC}
 * so that the slice of B being reused stays in the core's cache.
 *
 * <p>Loaded only when module {@code jdk.incubator.vector} is present (see {@link Gemm#best()}). Without C2
 * (for instance under {@code -XX:TieredStopAtLevel=1}) this code is correct but very slow.
 */
final class VectorGemm extends Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int KC = 256;

    @Override
    String name() {
        return "Vector API, " + L + " floats per vector";
    }

    @Override
    void rows(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int n, int k, int from, int to) {
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            boolean first = p0 == 0;
            int i = from;
            for (; i + 4 <= to; i += 4) {
                int j = 0;
                for (; j + 3 * L <= n; j += 3 * L) {
                    block4x3(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
                }
                for (; j < n; j += L) {
                    block4x1(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
                }
            }
            for (; i < to; i++) {
                for (int j = 0; j < n; j += L) {
                    block1x1(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
                }
            }
        }
    }

    private static void block4x3(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector r00;
        FloatVector r01;
        FloatVector r02;
        FloatVector r10;
        FloatVector r11;
        FloatVector r12;
        FloatVector r20;
        FloatVector r21;
        FloatVector r22;
        FloatVector r30;
        FloatVector r31;
        FloatVector r32;
        if (first) {
            r00 = r01 = r02 = r10 = r11 = r12 = r20 = r21 = r22 = r30 = r31 = r32 = FloatVector.zero(S);
        } else {
            r00 = FloatVector.fromArray(S, c, c0);
            r01 = FloatVector.fromArray(S, c, c0 + L);
            r02 = FloatVector.fromArray(S, c, c0 + 2 * L);
            r10 = FloatVector.fromArray(S, c, c1);
            r11 = FloatVector.fromArray(S, c, c1 + L);
            r12 = FloatVector.fromArray(S, c, c1 + 2 * L);
            r20 = FloatVector.fromArray(S, c, c2);
            r21 = FloatVector.fromArray(S, c, c2 + L);
            r22 = FloatVector.fromArray(S, c, c2 + 2 * L);
            r30 = FloatVector.fromArray(S, c, c3);
            r31 = FloatVector.fromArray(S, c, c3 + L);
            r32 = FloatVector.fromArray(S, c, c3 + 2 * L);
        }
        int a0 = i * rs;
        for (int p = p0; p < p1; p++) {
            int bp = p * ldb + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            int ap = a0 + p * cs;
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            x = FloatVector.broadcast(S, a[ap + rs]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            x = FloatVector.broadcast(S, a[ap + 2 * rs]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            x = FloatVector.broadcast(S, a[ap + 3 * rs]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
        }
        r00.intoArray(c, c0);
        r01.intoArray(c, c0 + L);
        r02.intoArray(c, c0 + 2 * L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r12.intoArray(c, c1 + 2 * L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r22.intoArray(c, c2 + 2 * L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
        r32.intoArray(c, c3 + 2 * L);
    }

    private static void block4x1(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r0 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        FloatVector r1 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc);
        FloatVector r2 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc);
        FloatVector r3 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc);
        int a0 = i * rs;
        for (int p = p0; p < p1; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, p * ldb + j);
            int ap = a0 + p * cs;
            r0 = FloatVector.broadcast(S, a[ap]).fma(bv, r0);
            r1 = FloatVector.broadcast(S, a[ap + rs]).fma(bv, r1);
            r2 = FloatVector.broadcast(S, a[ap + 2 * rs]).fma(bv, r2);
            r3 = FloatVector.broadcast(S, a[ap + 3 * rs]).fma(bv, r3);
        }
        r0.intoArray(c, c0);
        r1.intoArray(c, c0 + ldc);
        r2.intoArray(c, c0 + 2 * ldc);
        r3.intoArray(c, c0 + 3 * ldc);
    }

    private static void block1x1(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        for (int p = p0; p < p1; p++) {
            r = FloatVector.broadcast(S, a[i * rs + p * cs]).fma(FloatVector.fromArray(S, b, p * ldb + j), r);
        }
        r.intoArray(c, c0);
    }
}
