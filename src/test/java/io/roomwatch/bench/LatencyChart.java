package io.roomwatch.bench;

import io.roomwatch.bench.LatencyBench.Outcome;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws detection latency against the number of live rooms N (log-log): p50 and p99 of each uniform-activity case,
 * by policy, with the polling floor N/Q and the target 1.1 N/Q + 1 s. Plain Java2D, no dependency.
 */
final class LatencyChart {

    private static final int W = 900;
    private static final int H = 600;
    private static final int LEFT = 90;
    private static final int RIGHT = 260;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final double X_MIN = 50;
    private static final double X_MAX = 20_000;
    private static final double Y_MIN = 0.05;
    private static final double Y_MAX = 200;
    private static final Color FLOOR = new Color(120, 120, 120);
    private static final Color TARGET = new Color(200, 40, 40);
    private static final Color RR = new Color(30, 90, 200);
    private static final Color ADAPTIVE = new Color(20, 150, 70);
    private static final Color SKEW = new Color(230, 140, 0);
    private static final Color SKEW_RR = new Color(130, 60, 160);

    private LatencyChart() {}

    static void draw(List<Outcome> outcomes, int q, Path png) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(
                Results.f("roomwatch detection latency vs live rooms N (TUILiveKit get_member_list, Q = %d/s)", q),
                LEFT - 40,
                30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        grid(g);
        // floor and target lines
        line(
                g,
                FLOOR,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f),
                n -> n / q);
        line(
                g,
                TARGET,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f),
                n -> 1.1 * n / q + 1);
        for (Outcome o : outcomes) {
            boolean skewed = o.c().busyShare() > 0;
            boolean roundRobin = o.c().hotWeight() == 1;
            Color color = skewed ? (roundRobin ? SKEW_RR : SKEW) : roundRobin ? RR : ADAPTIVE;
            double dx = skewed ? (roundRobin ? 1.14 : 1.3) : roundRobin ? 0.93 : 1.0 / 0.93;
            double n = o.c().rooms() * dx;
            if (!Double.isNaN(o.p50())) {
                point(g, color, n, o.p50(), false);
            }
            if (!Double.isNaN(o.p99())) {
                point(g, color, n, o.p99(), true);
                g.setColor(color);
                g.setStroke(new BasicStroke(1f));
                if (!Double.isNaN(o.p50())) {
                    g.draw(new Line2D.Double(x(n), y(o.p50()), x(n), y(o.p99())));
                }
            }
        }
        legend(g, q);
        g.dispose();
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void grid(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (double n = 100; n <= X_MAX; n *= 10) {
            int x = (int) x(n);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, TOP, x, H - BOTTOM);
            g.setColor(Color.BLACK);
            String label = Results.f("%,.0f", n);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, H - BOTTOM + 18);
        }
        for (double s : new double[] {0.1, 0.3, 1, 3, 10, 30, 100}) {
            int y = (int) y(s);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y, W - RIGHT, y);
            g.setColor(Color.BLACK);
            String label = s < 1 ? Results.f("%.1f s", s) : Results.f("%.0f s", s);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.drawString("live rooms N (log scale)", LEFT + (W - LEFT - RIGHT) / 2 - 60, H - BOTTOM + 45);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(
                "latency, true change -> committed in Kafka (log scale)", -(TOP + (H - TOP - BOTTOM) / 2) - 150, 25);
        r.dispose();
    }

    private static void line(Graphics2D g, Color color, BasicStroke stroke, java.util.function.DoubleUnaryOperator f) {
        g.setColor(color);
        g.setStroke(stroke);
        double prevX = X_MIN;
        for (double n = X_MIN * 1.05; n <= X_MAX; n *= 1.05) {
            double y0 = clamp(f.applyAsDouble(prevX));
            double y1 = clamp(f.applyAsDouble(n));
            g.draw(new Line2D.Double(x(prevX), y(y0), x(n), y(y1)));
            prevX = n;
        }
    }

    private static void point(Graphics2D g, Color color, double n, double seconds, boolean p99) {
        int px = (int) x(n);
        int py = (int) y(clamp(seconds));
        g.setColor(color);
        if (p99) {
            g.fillPolygon(new int[] {px, px - 6, px + 6}, new int[] {py - 7, py + 5, py + 5}, 3);
        } else {
            g.fillOval(px - 5, py - 5, 10, 10);
        }
    }

    private static void legend(Graphics2D g, int q) {
        int x = W - RIGHT + 15;
        int y = TOP + 10;
        Object[][] items = {
            {FLOOR, "floor N/Q (uniform polling)", "line"},
            {TARGET, "target 1.1 N/Q + 1 s", "line"},
            {RR, "round robin, uniform activity", "dot"},
            {ADAPTIVE, "adaptive (default), uniform", "dot"},
            {SKEW_RR, "skewed, round robin", "dot"},
            {SKEW, "skewed, adaptive (default)", "dot"},
        };
        for (Object[] item : items) {
            g.setColor((Color) item[0]);
            if (item[2].equals("line")) {
                g.setStroke(new BasicStroke(2f));
                g.drawLine(x, y, x + 24, y);
            } else {
                g.fillOval(x + 7, y - 5, 10, 10);
            }
            g.setColor(Color.BLACK);
            g.drawString((String) item[1], x + 32, y + 4);
            y += 22;
        }
        g.fillOval(x + 7, y - 5, 10, 10);
        g.drawString("p50", x + 32, y + 4);
        y += 22;
        g.fillPolygon(new int[] {x + 12, x + 6, x + 18}, new int[] {y - 7, y + 5, y + 5}, 3);
        g.drawString("p99", x + 32, y + 4);
        y += 30;
        g.drawString(Results.f("Q = %d member calls/s", q), x, y);
        g.drawString("skewed: 90% of changes in 1%", x, y + 18);
        g.drawString("of the rooms (drawn right of N)", x, y + 34);
    }

    private static double clamp(double s) {
        return Math.max(Y_MIN, Math.min(Y_MAX, s));
    }

    private static double x(double n) {
        double f = (Math.log10(n) - Math.log10(X_MIN)) / (Math.log10(X_MAX) - Math.log10(X_MIN));
        return LEFT + f * (W - LEFT - RIGHT);
    }

    private static double y(double seconds) {
        double f = (Math.log10(seconds) - Math.log10(Y_MIN)) / (Math.log10(Y_MAX) - Math.log10(Y_MIN));
        return H - BOTTOM - f * (H - TOP - BOTTOM);
    }
}
