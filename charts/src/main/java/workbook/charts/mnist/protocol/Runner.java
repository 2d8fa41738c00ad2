package workbook.charts.mnist.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.protocol.RunStore.StoredRun;

/**
 * Trains a batch of runs, {@code jobs} at a time, skipping every run the store already holds and saving each
 * one as soon as it finishes. If some runs fail (the trainer threw), the others still finish and are saved,
 * then the batch throws; a rerun trains only what is missing.
 */
public final class Runner {
    /**
     * One run to do: its spec and its data.
     *
     * @param spec  what to train
     * @param train the training set
     * @param eval  the validation or test set
     */
    public record Job(RunSpec spec, ImageSet train, ImageSet eval) {
        public Job {
            if (spec.trainSize() != train.size() || spec.evalSize() != eval.size()) {
                throw new IllegalArgumentException("spec " + spec.id() + " must match its data: train " + train.size()
                        + " and eval " + eval.size() + " images");
            }
        }
    }

    private final RunTrainer trainer;
    private final RunStore store;
    private final int jobs;
    private final Progress progress;
    private final Map<String, String> info;
    private int trained;

    /**
     * @param trainer  trains one run
     * @param store    where finished runs live
     * @param jobs     runs trained at once (1 or more; 2 uses both cores of the project's machine)
     * @param progress the display
     * @param info     recorded with every run (trainer, source, data)
     */
    public Runner(RunTrainer trainer, RunStore store, int jobs, Progress progress, Map<String, String> info) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        this.trainer = trainer;
        this.store = store;
        this.jobs = jobs;
        this.progress = progress;
        // in the caller's order, so that every run.properties lists them alike
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** The store runs are saved in. */
    RunStore store() {
        return store;
    }

    /** How many runs this runner has trained (not counting stored ones). */
    public synchronized int trained() {
        return trained;
    }

    /** Every job's stored run, in job order, training the missing ones first. */
    public List<StoredRun> run(String title, List<Job> batch) {
        List<StoredRun> results = new ArrayList<>(java.util.Collections.nCopies(batch.size(), null));
        List<Integer> missing = new ArrayList<>();
        long epochs = 0;
        for (int i = 0; i < batch.size(); i++) {
            var stored = store.load(batch.get(i).spec());
            if (stored.isPresent()) {
                results.set(i, stored.get());
            } else {
                missing.add(i);
                epochs += batch.get(i).spec().epochs();
            }
        }
        progress.startBatch(title, batch.size(), missing.size(), epochs);
        List<String> failures = new ArrayList<>();
        Throwable firstCause = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, missing.size())), r -> {
            Thread t = new Thread(r, "lab-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<StoredRun>> futures = new ArrayList<>();
            for (int i : missing) {
                futures.add(pool.submit(() -> train(i + 1, batch.get(i))));
            }
            for (int k = 0; k < missing.size(); k++) {
                try {
                    results.set(missing.get(k), futures.get(k).get());
                } catch (ExecutionException e) {
                    failures.add(batch.get(missing.get(k)).spec().id());
                    firstCause = firstCause == null ? e.getCause() : firstCause;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; finished runs are saved, a rerun resumes", e);
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + batch.size() + " runs of " + title
                    + " failed (the others are saved; a rerun trains only what is missing): " + failures, firstCause);
        }
        return results;
    }

    private StoredRun train(int index, Job job) {
        long start = System.nanoTime();
        RunResult result;
        try {
            result = trainer.train(job.spec(), job.train(), job.eval(), progress.listener(index, job.spec()));
        } catch (RuntimeException | Error e) {
            progress.runFailed(index, job.spec(), e);
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.curve().size() > job.spec().epochs() || !result.diverged() && result.curve().size() != job.spec().epochs()) {
            IllegalStateException e = new IllegalStateException("the trainer returned " + result.curve().size()
                    + " epochs for a run of " + job.spec().epochs() + " epochs that " + (result.diverged() ? "diverged"
                    : "did not diverge") + ": only a diverged run may stop early");
            progress.runFailed(index, job.spec(), e);
            throw e;
        }
        progress.skipEpochs(job.spec().epochs() - result.curve().size());
        Map<String, String> runInfo = new LinkedHashMap<>(info);
        runInfo.put("wallSeconds", String.format(Locale.ROOT, "%.3f", seconds));
        runInfo.put("finished", java.time.Instant.now().toString());
        StoredRun saved = store.save(job.spec(), result, runInfo);
        synchronized (this) {
            trained++;
        }
        progress.runFinished(index, job.spec(), result, seconds);
        return saved;
    }
}
