package workbook.charts;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.File;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import org.jfree.chart.ChartPanel;

/**
 * The lecture's exercise 3 as a window: pick the activation, the width, the depth, the seed, the initializer and
 * the learning rate of a small network on two inputs, train it, and watch its decision regions and the p = 1/2 contour change as it learns the two
 * moons. Start it from the repository root with
 * {@code ./mvnw -q -pl charts -am compile exec:java -Dexec.mainClass=workbook.charts.DecisionExplorerApp}
 * (add {@code -Plearner} to train on your own activations from {@code exercises/}). Without a display it renders
 * the view to a PNG instead ({@link DecisionExplorerView}).
 *
 * <p>With {@code -Dexplorer.screenshot=FILE} the window trains the default network, takes a screenshot of itself
 * (java.awt.Robot), writes it to FILE and closes: a check that the real window draws.
 */
public final class DecisionExplorerApp {
    /** Steps per press of "Train", taken in batches so that the regions move while it trains. */
    static final int STEPS_PER_PRESS = 400;
    private static final int BATCH = 25;

    private final JFrame frame = new JFrame("Decision regions of a small network: activation, width, depth, seed");
    private final JComboBox<String> activation = new JComboBox<>(ExplorerSettings.names().toArray(new String[0]));
    private final JSpinner width = new JSpinner(new SpinnerNumberModel(10, 1, ExplorerSettings.MAX_WIDTH, 1));
    private final JSpinner depth = new JSpinner(new SpinnerNumberModel(1, 1, ExplorerSettings.MAX_DEPTH, 1));
    private final JSpinner seed = new JSpinner(new SpinnerNumberModel(120, 0, Integer.MAX_VALUE, 1));
    private final JComboBox<String> initializer = new JComboBox<>(ExplorerSettings.INITIALIZERS.toArray(new String[0]));
    private final JTextField rate = new JTextField(workbook.charts.mnist.protocol.RunSpec.rate(ExplorerSettings.DEFAULT.rate()), 5);
    private final JButton train = new JButton("Train " + STEPS_PER_PRESS + " steps");
    private final JButton reset = new JButton("New network");
    private final JLabel status = new JLabel(" ");
    private final ChartPanel regions = new ChartPanel(null);
    private final ChartPanel loss = new ChartPanel(null);
    private DecisionExplorer explorer;

    private DecisionExplorerApp() {
        activation.setSelectedItem(ExplorerSettings.DEFAULT.activation());
        ((JSpinner.DefaultEditor) seed.getEditor()).getTextField().setColumns(6);
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT));
        controls.add(new JLabel("activation"));
        controls.add(activation);
        controls.add(new JLabel("width"));
        controls.add(width);
        controls.add(new JLabel("depth"));
        controls.add(depth);
        controls.add(new JLabel("seed"));
        controls.add(seed);
        controls.add(new JLabel("init"));
        controls.add(initializer);
        controls.add(new JLabel("learning rate"));
        controls.add(rate);
        controls.add(reset);
        controls.add(train);
        JPanel charts = new JPanel(new GridLayout(1, 2));
        charts.add(regions);
        charts.add(loss);
        frame.setLayout(new BorderLayout());
        frame.add(controls, BorderLayout.NORTH);
        frame.add(charts, BorderLayout.CENTER);
        frame.add(status, BorderLayout.SOUTH);
        frame.setSize(1400, 640);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        reset.addActionListener(e -> newNetwork());
        activation.addActionListener(e -> newNetwork());
        initializer.addActionListener(e -> newNetwork());
        rate.addActionListener(e -> newNetwork()); // Enter in the field
        List.of(width, depth, seed).forEach(spinner -> spinner.addChangeListener(e -> newNetwork()));
        train.addActionListener(e -> train(null));
    }

    /** A fresh network for the chosen settings (any change of a setting starts over). */
    private void newNetwork() {
        try {
            double learningRate;
            try {
                learningRate = Double.parseDouble(rate.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the learning rate must be a number, got '" + rate.getText() + "'");
            }
            explorer = new DecisionExplorer(new ExplorerSettings((String) activation.getSelectedItem(),
                    (Integer) width.getValue(), (Integer) depth.getValue(), ((Integer) seed.getValue()).longValue(),
                    (String) initializer.getSelectedItem(), learningRate));
            show(explorer.view());
        } catch (RuntimeException e) {
            explorer = null;
            regions.setChart(null);
            loss.setChart(null);
            status.setText(problem(e));
        }
    }

    /** Trains {@link #STEPS_PER_PRESS} steps off the event thread, redrawing after every batch; then {@code done}. */
    private void train(Runnable done) {
        if (explorer == null) {
            return;
        }
        DecisionExplorer current = explorer;
        train.setEnabled(false);
        new SwingWorker<Void, DecisionExplorer.View>() {
            @Override
            protected Void doInBackground() {
                for (int s = 0; s < STEPS_PER_PRESS && current == explorer; s += BATCH) {
                    current.train(BATCH);
                    publish(current.view());
                }
                return null;
            }

            @Override
            protected void process(List<DecisionExplorer.View> views) {
                if (current == explorer) {
                    show(views.get(views.size() - 1));
                }
            }

            @Override
            protected void done() {
                train.setEnabled(true);
                try {
                    get();
                } catch (Exception e) {
                    status.setText(problem(e.getCause() != null ? e.getCause() : e));
                }
                if (done != null) {
                    done.run();
                }
            }
        }.execute();
    }

    private void show(DecisionExplorer.View view) {
        regions.setChart(DecisionExplorerView.regions(view));
        loss.setChart(DecisionExplorerView.loss(view));
        status.setText(String.format(java.util.Locale.ROOT, "  step %d   training loss %.4f   training accuracy "
                + "%.1f %%   (white: p = 1/2; black line: the decision boundary)", view.steps(), view.loss(),
                100 * view.accuracy()));
    }

    /** The stubs' "not implemented yet", another failure of the exercises' code, or any failure, in one line. */
    static String problem(Throwable e) {
        return workbook.theory.tools.LearnerCode.failure(e).map(failure -> {
            String toDo = workbook.theory.tools.LearnerCode.toDo(failure);
            return "  " + failure + ": " + (toDo == null ? "fix that exercise" : toDo) + " to train this network";
        }).orElse("  " + (e instanceof IllegalArgumentException ? e.getMessage() : e));
    }

    public static void main(String[] args) throws Exception {
        // exec:java runs with java.awt.headless=true (the figures need no display); a window does.
        if (System.getenv("DISPLAY") != null || !System.getProperty("os.name", "").startsWith("Linux")) {
            System.setProperty("java.awt.headless", "false");
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.out.println("No display: rendering the explorer's view to a PNG instead.");
            DecisionExplorerView.main(new String[0]);
            return;
        }
        String screenshot = System.getProperty("explorer.screenshot");
        SwingUtilities.invokeAndWait(() -> {
            DecisionExplorerApp app = new DecisionExplorerApp();
            app.frame.setVisible(true);
            app.newNetwork();
            if (screenshot != null && app.explorer == null) {
                app.screenshot(new File(screenshot)); // nothing to train: show the problem in the status line
            } else if (screenshot != null) {
                app.train(() -> app.screenshot(new File(screenshot)));
            }
        });
    }

    /** Waits for the last redraw, then writes what the screen shows of the window to {@code file} and closes it. */
    private void screenshot(File file) {
        new Thread(() -> {
            try {
                Thread.sleep(1500);
                Rectangle bounds = frame.getBounds();
                ImageIO.write(new Robot().createScreenCapture(bounds), "png", file);
                System.out.println("Screenshot of the window: " + file.getAbsolutePath());
            } catch (Exception e) {
                System.out.println("No screenshot: " + e);
            } finally {
                SwingUtilities.invokeLater(frame::dispose);
            }
        }, "screenshot").start();
    }
}
