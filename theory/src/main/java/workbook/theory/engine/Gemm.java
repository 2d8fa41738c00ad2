package workbook.theory.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The float matrix product {@code C = A B} behind the f32 network, split by rows across two threads.
 *
 * <p>Matrices are flat row-major {@code float[]} arrays. {@code B} and {@code C} have a row stride that is a
 * multiple of {@link #LANES} and every product computes whole padded rows (the padding columns of {@code B}
 * are 0, so those of {@code C} come out 0). {@code A} is read through two strides, {@code A(i, p) = a[i rs + p
 * cs]}, so the same code computes {@code X W} ({@code rs = lda, cs = 1}) and {@code X^T dZ} ({@code rs = 1, cs =
 * lda}) without copying a transpose.
 *
 * <p>Two implementations: {@link VectorGemm} (the JDK's Vector API, module {@code jdk.incubator.vector}) when
 * that module is in the boot layer, else plain loops, which C2 auto-vectorizes at a fraction of the speed.
 */
abstract class Gemm {
    /** Row strides of B and C are multiples of this: 16 floats is one 512-bit vector. */
    static final int LANES = 16;
    /** Products smaller than this many multiply-adds run on the calling thread alone. */
    private static final long PARALLEL_WORK = 1L << 18;
    /** About this many chunks of rows per product, shared out between the two threads. */
    private static final int CHUNKS = 16;

    private static final Gemm BEST = choose();

    /** The fastest kernel this JVM can run (decided once; a missing Vector API module is said in one line). */
    static Gemm best() {
        return BEST;
    }

    /** The portable kernel, whatever the JVM offers (for tests and for the benchmark's comparison). */
    static Gemm plain() {
        return new Plain();
    }

    /** Returns {@code n} rounded up to a multiple of {@link #LANES}. */
    static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /** A short name for reports. */
    abstract String name();

    @Override
    public String toString() {
        return name();
    }

    /**
     * Overwrites {@code C(i, j)} for {@code i < m}, {@code j < n} with {@code sum_p A(i, p) B(p, j)}, {@code p < k}.
     * {@code n} must be a multiple of {@link #LANES}.
     */
    final void multiply(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int m, int n, int k) {
        // Slices of the shared dimension are the outer loop, so both threads reuse one slice of B from cache
        // before the next is read.
        int slices = (int) ((k + (long) slice(cs) - 1) / slice(cs));
        int length = (k + slices - 1) / slices; // equal slices: no short last one
        for (int p0 = 0; p0 < k; p0 += length) {
            int from = p0;
            int to = Math.min(k, p0 + length);
            inTwo(m, (long) n * (to - from), (part, i0, i1) -> rows(a, rs, cs, b, ldb, c, ldc, n, from, to, i0, i1));
        }
    }

    /** The longest slice of the shared dimension to work on at once, for A read with column stride {@code cs}. */
    abstract int slice(int cs);

    /** Work on a range of rows; {@code part} is 0 on the calling thread, 1 on the helper. */
    @FunctionalInterface
    interface Rows {
        void run(int part, int from, int to);
    }

    /**
     * Runs {@code work} over all rows on two threads, this one and one of the common pool, or on this thread alone
     * when the job ({@code rows x workPerRow}) is too small to be worth a second. The rows are dealt out in
     * chunks of a multiple of 8 (a register block), whichever thread is free taking the next, so that a thread
     * slowed down by another program does not hold up the other. This thread never waits for the helper to
     * start: if the pool is busy (say with another network training at the same time), it takes every chunk
     * itself, and waits only for chunks the helper has begun.
     */
    static void inTwo(int rows, long workPerRow, Rows work) {
        if (rows * workPerRow < PARALLEL_WORK || rows < 16) {
            work.run(0, 0, rows);
            return;
        }
        int chunk = Math.max(8, (rows / CHUNKS + 7) & ~7);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ForkJoinPool.commonPool().execute(() -> takeChunks(1, rows, chunk, next, done, failure, work));
        takeChunks(0, rows, chunk, next, done, failure, work);
        while (done.get() < rows) {
            Thread.onSpinWait(); // the helper is finishing its last chunk
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e; // an exercise's UnsupportedOperationException, say
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    private static void takeChunks(int part, int rows, int chunk, AtomicInteger next, AtomicInteger done,
                                   AtomicReference<Throwable> failure, Rows work) {
        for (int from = next.getAndAdd(chunk); from < rows; from = next.getAndAdd(chunk)) {
            int to = Math.min(rows, from + chunk);
            try {
                if (failure.get() == null) {
                    work.run(part, from, to);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                done.addAndGet(to - from);
            }
        }
    }

    /**
     * A built-in activation on rows {@code [from, to)}, columns {@code [0, n)} of padded rows of length {@code
     * stride}: {@code z += bias}, {@code a = act(z)}, and unless {@code slopes} is null {@code slopes = act'(z)}.
     * The padding columns {@code [n, stride)} stay 0 in {@code a} and {@code slopes} (sigmoid(0) is not 0: the next
     * product reads them). {@code beta} is Swish's {@code z sigmoid(beta z)}, 1 for SiLU; the others ignore it.
     */
    abstract void activate(Builtin kind, float beta, float[] z, float[] bias, float[] a, float[] slopes, int from,
                           int to, int n, int stride);

    /**
     * A trainable Swish's share of {@code dL/dbeta} from rows {@code [from, to)}: {@code betaRows[i] = sum over j < n
     * of dA(i, j) z(i, j)^2 s (1 - s)}, with {@code s = sigmoid(beta z)} ({@link Builtin#swishBetaSlope}).
     */
    abstract void swishBetaRows(float beta, float[] z, float[] dA, double[] betaRows, int from, int to, int n,
                                int stride);

    /**
     * Adds {@code sum_p A(i, p) B(p, j)} over {@code p0 <= p < p1} to rows {@code from <= i < to} of {@code C}
     * (overwrites them when {@code p0 = 0}).
     */
    abstract void rows(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int n, int p0, int p1,
                       int from, int to);

    private static Gemm choose() {
        boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (vectorApi) {
            try {
                return (Gemm) Class.forName("workbook.theory.engine.VectorGemm").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                System.err.println("engine: the Vector API kernel did not load (" + e + "); using plain Java loops");
                return new Plain();
            }
        }
        System.err.println("engine: module jdk.incubator.vector not present (run with --add-modules "
                + "jdk.incubator.vector for full speed); using plain Java loops");
        return new Plain();
    }

    /** i-p-j loops: the innermost runs along a row of B and C, which C2 turns into SIMD code by itself. */
    private static final class Plain extends Gemm {
        @Override
        String name() {
            return "plain Java";
        }

        @Override
        int slice(int cs) {
            return Integer.MAX_VALUE;
        }

        @Override
        void activate(Builtin kind, float beta, float[] z, float[] bias, float[] a, float[] slopes, int from, int to,
                      int n, int stride) {
            boolean swish = kind == Builtin.SWISH;
            for (int i = from; i < to; i++) {
                for (int j = 0, at = i * stride; j < stride; j++, at++) {
                    z[at] += bias[j];
                    a[at] = j >= n ? 0f : (float) (swish ? Builtin.swish(z[at], beta) : kind.value(z[at]));
                    if (slopes != null) {
                        slopes[at] = j >= n ? 0f
                                : (float) (swish ? Builtin.swishSlope(z[at], beta) : kind.slope(z[at]));
                    }
                }
            }
        }

        @Override
        void swishBetaRows(float beta, float[] z, float[] dA, double[] betaRows, int from, int to, int n,
                           int stride) {
            for (int i = from; i < to; i++) {
                double sum = 0;
                for (int j = i * stride, end = j + n; j < end; j++) {
                    sum += dA[j] * Builtin.swishBetaSlope(z[j], beta);
                }
                betaRows[i] = sum;
            }
        }

        @Override
        void rows(float[] a, int rs, int cs, float[] b, int ldb, float[] c, int ldc, int n, int p0, int p1, int from,
                  int to) {
            for (int i = from; i < to; i++) {
                int ci = i * ldc;
                if (p0 == 0) {
                    java.util.Arrays.fill(c, ci, ci + n, 0f);
                }
                for (int p = p0; p < p1; p++) {
                    float aip = a[i * rs + p * cs];
                    int bp = p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
        }
    }
}
