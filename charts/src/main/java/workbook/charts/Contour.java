package workbook.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The level line {@code f = level} of a function sampled on a regular grid, by marching squares: in each square of
 * four neighbouring samples, the line crosses every edge whose ends lie on opposite sides of the level, at the
 * linearly interpolated point. A saddle square (opposite corners on the same side) is split by the mean of its
 * corners.
 */
public final class Contour {
    /** One piece of the line, from (x1, y1) to (x2, y2). */
    public record Segment(double x1, double y1, double x2, double y2) {}

    private Contour() {}

    /**
     * The segments of {@code f = level}, where {@code f[i][j]} is the value at {@code (xs[i], ys[j])}; both
     * coordinate arrays increase.
     */
    public static List<Segment> of(double[] xs, double[] ys, double[][] f, double level) {
        if (f.length != xs.length || f.length == 0 || f[0].length != ys.length) {
            throw new IllegalArgumentException("f must be xs.length x ys.length, got " + f.length + " rows for "
                    + xs.length + " x values");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                square(xs, ys, f, level, i, j, segments);
            }
        }
        return segments;
    }

    private static void square(double[] xs, double[] ys, double[][] f, double level, int i, int j,
                               List<Segment> out) {
        // corners counter-clockwise from bottom left: (i, j), (i+1, j), (i+1, j+1), (i, j+1)
        double[] v = {f[i][j], f[i + 1][j], f[i + 1][j + 1], f[i][j + 1]};
        double[][] corner = {{xs[i], ys[j]}, {xs[i + 1], ys[j]}, {xs[i + 1], ys[j + 1]}, {xs[i], ys[j + 1]}};
        List<double[]> crossings = new ArrayList<>(4);
        for (int e = 0; e < 4; e++) {
            int a = e;
            int b = (e + 1) % 4;
            if ((v[a] >= level) != (v[b] >= level)) {
                double t = (level - v[a]) / (v[b] - v[a]);
                crossings.add(new double[] {corner[a][0] + t * (corner[b][0] - corner[a][0]),
                        corner[a][1] + t * (corner[b][1] - corner[a][1]), e});
            }
        }
        if (crossings.size() == 2) {
            out.add(segment(crossings.get(0), crossings.get(1)));
        } else if (crossings.size() == 4) {
            // a saddle: join the crossings around the corners that are on the other side from the centre
            boolean centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
            boolean firstCornerAbove = v[0] >= level;
            if (centreAbove == firstCornerAbove) {
                out.add(segment(crossings.get(0), crossings.get(1)));
                out.add(segment(crossings.get(2), crossings.get(3)));
            } else {
                out.add(segment(crossings.get(3), crossings.get(0)));
                out.add(segment(crossings.get(1), crossings.get(2)));
            }
        }
    }

    private static Segment segment(double[] a, double[] b) {
        return new Segment(a[0], a[1], b[0], b[1]);
    }
}
