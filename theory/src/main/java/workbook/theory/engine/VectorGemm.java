package workbook.theory.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link Gemm}. A block of 8 rows of C times 3 vectors of columns stays in 24 of the
 * 32 vector registers of an AVX-512 CPU (an AVX2 CPU has 16: some spill, slower but still right) while p runs
 * over the shared dimension; each step broadcasts 8 entries of A, loads 3 vectors of a row of B and does 24
 * fused multiply-adds. Smaller blocks (4 x 4, 8 x 2, 8 x 1, and 1 x 1 for the
 * last rows) finish the edges. A long shared dimension is cut in equal slices of at most {@link #KC} (or
 * {@link #KC_STRIDED}) so that the slice of B being reused stays in the core's cache.
 *
 * <p>The blocks are written out by hand (the same three steps each: load C or start at 0, accumulate, store):
 * the JIT compiler keeps named locals in registers, which it would not do for arrays of vectors.
 *
 * <p>Loaded only when module {@code jdk.incubator.vector} is present (see {@link Gemm#best()}). Without C2
 * (for instance under {@code -XX:TieredStopAtLevel=1}) this code is correct but very slow.
 */
final class VectorGemm extends Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int KC = 1024;
    /** Reading A across rows (A = X^T) touches one cache line per p: shorter slices keep those lines in L1. */
    private static final int KC_STRIDED = 256;

    @Override
    String name() {
        return "Vector API, " + L + " floats per vector";
    }

    /**
     * Whole vectors of a row at a time, the padding included (its z is 0), then the padding of {@code a} and {@code
     * slopes} set back to 0. The slopes come from the values already in registers: sigmoid's {@code s (1 - s)},
     * tanh's {@code 1 - t^2}, Swish's and Mish's from their sigmoid and tanh.
     */
    @Override
    void activate(Builtin kind, float beta, float[] z, float[] bias, float[] a, float[] slopes, int from, int to,
                  int n, int stride) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        FloatVector leak = FloatVector.broadcast(S, (float) Builtin.LEAKY_SLOPE);
        for (int i = from; i < to; i++) {
            int row = i * stride;
            for (int j = 0, at = row; j < stride; j += L, at += L) {
                FloatVector v = FloatVector.fromArray(S, z, at).add(FloatVector.fromArray(S, bias, j));
                v.intoArray(z, at);
                FloatVector value;
                FloatVector slope;
                switch (kind) {
                    case RELU -> {
                        value = v.max(zero);
                        slope = zero.blend(one, v.compare(VectorOperators.GT, 0f));
                    }
                    case LEAKY_RELU -> {
                        var positive = v.compare(VectorOperators.GT, 0f);
                        value = v.mul(leak).blend(v, positive);
                        slope = leak.blend(one, positive);
                    }
                    case SIGMOID -> {
                        value = sigmoid(v, one);
                        slope = value.mul(one.sub(value));
                    }
                    case TANH -> {
                        value = v.lanewise(VectorOperators.TANH);
                        slope = one.sub(value.mul(value));
                    }
                    case SWISH -> { // z s and s (1 + beta z (1 - s)), s = sigmoid(beta z)
                        FloatVector bv = v.mul(beta);
                        FloatVector s = sigmoid(bv, one);
                        value = v.mul(s);
                        slope = s.mul(one.add(bv.mul(one.sub(s))));
                    }
                    case MISH -> {
                        FloatVector softplus = v.max(zero).add(v.abs().neg().lanewise(VectorOperators.EXP)
                                .lanewise(VectorOperators.LOG1P));
                        FloatVector t = softplus.lanewise(VectorOperators.TANH);
                        value = v.mul(t);
                        slope = t.add(v.mul(one.sub(t.mul(t))).mul(sigmoid(v, one)));
                    }
                    default -> throw new IllegalArgumentException("kind must be a built-in activation, got " + kind);
                }
                value.intoArray(a, at);
                if (slopes != null) {
                    slope.intoArray(slopes, at);
                }
            }
            for (int j = n; j < stride; j++) {
                a[row + j] = 0;
                if (slopes != null) {
                    slopes[row + j] = 0;
                }
            }
        }
    }

    /**
     * Whole vectors of each row: {@code dA z^2 s (1 - s)}, {@code s = sigmoid(beta z)}, summed in float lanes and
     * then in double (the padding's dA is 0, so it adds nothing).
     */
    @Override
    void swishBetaRows(float beta, float[] z, float[] dA, double[] betaRows, int from, int to, int n, int stride) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = from; i < to; i++) {
            FloatVector sum = FloatVector.zero(S);
            for (int at = i * stride, end = at + stride; at < end; at += L) {
                FloatVector v = FloatVector.fromArray(S, z, at);
                FloatVector s = sigmoid(v.mul(beta), one);
                sum = v.mul(v).mul(s.mul(one.sub(s))).fma(FloatVector.fromArray(S, dA, at), sum);
            }
            betaRows[i] = sum.reduceLanes(VectorOperators.ADD);
        }
    }

    /** {@code 1 / (1 + e^-v)}: for v below about -88, e^-v is infinite in float and the quotient exactly 0. */
    private static FloatVector sigmoid(FloatVector v, FloatVector one) {
        return one.div(one.add(v.neg().lanewise(VectorOperators.EXP)));
    }

    @Override
    int slice(int cs) {
        return cs == 1 ? KC : KC_STRIDED;
    }

    @Override
    void rows(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int n, int p0, int p1, int from,
              int to) {
        boolean first = p0 == 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            int j = 0;
            // blocks of 3 vectors while at least 5 remain (or exactly 3), then pairs, then a last single one
            for (; n - j >= 5 * L || n - j == 3 * L; j += 3 * L) {
                block8x3(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
            }
            if (n - j == 4 * L) {
                block4x4(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
                block4x4(a, rs, cs, b, ldb, c, ldc, i + 4, j, p0, p1, first);
                j += 4 * L;
            }
            for (; n - j >= 2 * L; j += 2 * L) {
                block8x2(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
            }
            if (j < n) {
                block8x1(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
            }
        }
        for (; i < to; i++) {
            for (int j = 0; j < n; j += L) {
                block1x1(a, rs, cs, b, ldb, c, ldc, i, j, p0, p1, first);
            }
        }
    }

    private static void block8x3(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r00 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        FloatVector r01 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + L);
        FloatVector r02 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * L);
        FloatVector r10 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc);
        FloatVector r11 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc + L);
        FloatVector r12 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc + 2 * L);
        FloatVector r20 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc);
        FloatVector r21 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc + L);
        FloatVector r22 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc + 2 * L);
        FloatVector r30 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc);
        FloatVector r31 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc + L);
        FloatVector r32 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc + 2 * L);
        FloatVector r40 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 4 * ldc);
        FloatVector r41 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 4 * ldc + L);
        FloatVector r42 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 4 * ldc + 2 * L);
        FloatVector r50 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 5 * ldc);
        FloatVector r51 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 5 * ldc + L);
        FloatVector r52 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 5 * ldc + 2 * L);
        FloatVector r60 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 6 * ldc);
        FloatVector r61 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 6 * ldc + L);
        FloatVector r62 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 6 * ldc + 2 * L);
        FloatVector r70 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 7 * ldc);
        FloatVector r71 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 7 * ldc + L);
        FloatVector r72 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 7 * ldc + 2 * L);
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
            x = FloatVector.broadcast(S, a[ap + 4 * rs]);
            r40 = x.fma(b0, r40);
            r41 = x.fma(b1, r41);
            r42 = x.fma(b2, r42);
            x = FloatVector.broadcast(S, a[ap + 5 * rs]);
            r50 = x.fma(b0, r50);
            r51 = x.fma(b1, r51);
            r52 = x.fma(b2, r52);
            x = FloatVector.broadcast(S, a[ap + 6 * rs]);
            r60 = x.fma(b0, r60);
            r61 = x.fma(b1, r61);
            r62 = x.fma(b2, r62);
            x = FloatVector.broadcast(S, a[ap + 7 * rs]);
            r70 = x.fma(b0, r70);
            r71 = x.fma(b1, r71);
            r72 = x.fma(b2, r72);
        }
        r00.intoArray(c, c0);
        r01.intoArray(c, c0 + L);
        r02.intoArray(c, c0 + 2 * L);
        r10.intoArray(c, c0 + ldc);
        r11.intoArray(c, c0 + ldc + L);
        r12.intoArray(c, c0 + ldc + 2 * L);
        r20.intoArray(c, c0 + 2 * ldc);
        r21.intoArray(c, c0 + 2 * ldc + L);
        r22.intoArray(c, c0 + 2 * ldc + 2 * L);
        r30.intoArray(c, c0 + 3 * ldc);
        r31.intoArray(c, c0 + 3 * ldc + L);
        r32.intoArray(c, c0 + 3 * ldc + 2 * L);
        r40.intoArray(c, c0 + 4 * ldc);
        r41.intoArray(c, c0 + 4 * ldc + L);
        r42.intoArray(c, c0 + 4 * ldc + 2 * L);
        r50.intoArray(c, c0 + 5 * ldc);
        r51.intoArray(c, c0 + 5 * ldc + L);
        r52.intoArray(c, c0 + 5 * ldc + 2 * L);
        r60.intoArray(c, c0 + 6 * ldc);
        r61.intoArray(c, c0 + 6 * ldc + L);
        r62.intoArray(c, c0 + 6 * ldc + 2 * L);
        r70.intoArray(c, c0 + 7 * ldc);
        r71.intoArray(c, c0 + 7 * ldc + L);
        r72.intoArray(c, c0 + 7 * ldc + 2 * L);
    }

    private static void block8x2(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r00 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        FloatVector r01 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + L);
        FloatVector r10 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc);
        FloatVector r11 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc + L);
        FloatVector r20 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc);
        FloatVector r21 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc + L);
        FloatVector r30 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc);
        FloatVector r31 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc + L);
        FloatVector r40 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 4 * ldc);
        FloatVector r41 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 4 * ldc + L);
        FloatVector r50 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 5 * ldc);
        FloatVector r51 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 5 * ldc + L);
        FloatVector r60 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 6 * ldc);
        FloatVector r61 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 6 * ldc + L);
        FloatVector r70 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 7 * ldc);
        FloatVector r71 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 7 * ldc + L);
        int a0 = i * rs;
        for (int p = p0; p < p1; p++) {
            int bp = p * ldb + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int ap = a0 + p * cs;
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            x = FloatVector.broadcast(S, a[ap + rs]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            x = FloatVector.broadcast(S, a[ap + 2 * rs]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            x = FloatVector.broadcast(S, a[ap + 3 * rs]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            x = FloatVector.broadcast(S, a[ap + 4 * rs]);
            r40 = x.fma(b0, r40);
            r41 = x.fma(b1, r41);
            x = FloatVector.broadcast(S, a[ap + 5 * rs]);
            r50 = x.fma(b0, r50);
            r51 = x.fma(b1, r51);
            x = FloatVector.broadcast(S, a[ap + 6 * rs]);
            r60 = x.fma(b0, r60);
            r61 = x.fma(b1, r61);
            x = FloatVector.broadcast(S, a[ap + 7 * rs]);
            r70 = x.fma(b0, r70);
            r71 = x.fma(b1, r71);
        }
        r00.intoArray(c, c0);
        r01.intoArray(c, c0 + L);
        r10.intoArray(c, c0 + ldc);
        r11.intoArray(c, c0 + ldc + L);
        r20.intoArray(c, c0 + 2 * ldc);
        r21.intoArray(c, c0 + 2 * ldc + L);
        r30.intoArray(c, c0 + 3 * ldc);
        r31.intoArray(c, c0 + 3 * ldc + L);
        r40.intoArray(c, c0 + 4 * ldc);
        r41.intoArray(c, c0 + 4 * ldc + L);
        r50.intoArray(c, c0 + 5 * ldc);
        r51.intoArray(c, c0 + 5 * ldc + L);
        r60.intoArray(c, c0 + 6 * ldc);
        r61.intoArray(c, c0 + 6 * ldc + L);
        r70.intoArray(c, c0 + 7 * ldc);
        r71.intoArray(c, c0 + 7 * ldc + L);
    }

    private static void block8x1(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r00 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        FloatVector r10 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc);
        FloatVector r20 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc);
        FloatVector r30 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc);
        FloatVector r40 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 4 * ldc);
        FloatVector r50 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 5 * ldc);
        FloatVector r60 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 6 * ldc);
        FloatVector r70 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 7 * ldc);
        int a0 = i * rs;
        for (int p = p0; p < p1; p++) {
            int bp = p * ldb + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            int ap = a0 + p * cs;
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            r00 = x.fma(b0, r00);
            x = FloatVector.broadcast(S, a[ap + rs]);
            r10 = x.fma(b0, r10);
            x = FloatVector.broadcast(S, a[ap + 2 * rs]);
            r20 = x.fma(b0, r20);
            x = FloatVector.broadcast(S, a[ap + 3 * rs]);
            r30 = x.fma(b0, r30);
            x = FloatVector.broadcast(S, a[ap + 4 * rs]);
            r40 = x.fma(b0, r40);
            x = FloatVector.broadcast(S, a[ap + 5 * rs]);
            r50 = x.fma(b0, r50);
            x = FloatVector.broadcast(S, a[ap + 6 * rs]);
            r60 = x.fma(b0, r60);
            x = FloatVector.broadcast(S, a[ap + 7 * rs]);
            r70 = x.fma(b0, r70);
        }
        r00.intoArray(c, c0);
        r10.intoArray(c, c0 + ldc);
        r20.intoArray(c, c0 + 2 * ldc);
        r30.intoArray(c, c0 + 3 * ldc);
        r40.intoArray(c, c0 + 4 * ldc);
        r50.intoArray(c, c0 + 5 * ldc);
        r60.intoArray(c, c0 + 6 * ldc);
        r70.intoArray(c, c0 + 7 * ldc);
    }

    private static void block4x4(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r00 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        FloatVector r01 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + L);
        FloatVector r02 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * L);
        FloatVector r03 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * L);
        FloatVector r10 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc);
        FloatVector r11 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc + L);
        FloatVector r12 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc + 2 * L);
        FloatVector r13 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + ldc + 3 * L);
        FloatVector r20 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc);
        FloatVector r21 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc + L);
        FloatVector r22 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc + 2 * L);
        FloatVector r23 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 2 * ldc + 3 * L);
        FloatVector r30 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc);
        FloatVector r31 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc + L);
        FloatVector r32 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc + 2 * L);
        FloatVector r33 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0 + 3 * ldc + 3 * L);
        int a0 = i * rs;
        for (int p = p0; p < p1; p++) {
            int bp = p * ldb + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            int ap = a0 + p * cs;
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[ap + rs]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[ap + 2 * rs]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[ap + 3 * rs]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
        }
        r00.intoArray(c, c0);
        r01.intoArray(c, c0 + L);
        r02.intoArray(c, c0 + 2 * L);
        r03.intoArray(c, c0 + 3 * L);
        r10.intoArray(c, c0 + ldc);
        r11.intoArray(c, c0 + ldc + L);
        r12.intoArray(c, c0 + ldc + 2 * L);
        r13.intoArray(c, c0 + ldc + 3 * L);
        r20.intoArray(c, c0 + 2 * ldc);
        r21.intoArray(c, c0 + 2 * ldc + L);
        r22.intoArray(c, c0 + 2 * ldc + 2 * L);
        r23.intoArray(c, c0 + 2 * ldc + 3 * L);
        r30.intoArray(c, c0 + 3 * ldc);
        r31.intoArray(c, c0 + 3 * ldc + L);
        r32.intoArray(c, c0 + 3 * ldc + 2 * L);
        r33.intoArray(c, c0 + 3 * ldc + 3 * L);
    }

    private static void block1x1(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int i, int j,
                                 int p0, int p1, boolean first) {
        int c0 = i * ldc + j;
        FloatVector r00 = first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, c0);
        int a0 = i * rs;
        for (int p = p0; p < p1; p++) {
            int bp = p * ldb + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            int ap = a0 + p * cs;
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            r00 = x.fma(b0, r00);
        }
        r00.intoArray(c, c0);
    }
}
