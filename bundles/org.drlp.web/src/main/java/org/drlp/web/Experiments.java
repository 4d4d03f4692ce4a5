package org.drlp.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;

/**
 * The experiments started from the browser: each runs on its own thread through the experiment
 * service, and every step of it (start, each run's start, progress and end, the experiment's end)
 * is kept for the runs page and published as a server-sent event.
 */
final class Experiments {

    /** What a page sees of one experiment; fields are read by Gson. */
    static final class Experiment {
        final int id;
        final String spec;
        final String out;
        /** The output folder itself, by which the service knows the experiment. */
        final transient Path folder;
        final long started = System.currentTimeMillis();
        volatile String name;
        volatile String state = "STARTING";
        volatile String message;
        volatile int total;
        final Map<Integer, RunState> runs = new LinkedHashMap<>();

        Experiment(int id, String spec, String out, Path folder) {
            this.id = id;
            this.spec = spec;
            this.out = out;
            this.folder = folder;
        }
    }

    /** One run of an experiment as it goes. */
    static final class RunState {
        final int index;
        final String label;
        String status = "RUNNING";
        long iteration;
        double objective = Double.NaN;
        double seconds;
        long regionChanges;
        String message;

        RunState(int index, String label) {
            this.index = index;
            this.label = label;
        }
    }

    private final ExperimentService service;
    private final EventHub events;
    private final Log log;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "drlp-web-experiment");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Experiment> experiments = new ArrayList<>();

    Experiments(ExperimentService service, EventHub events, Log log) {
        this.service = service;
        this.events = events;
        this.log = log;
    }

    /** Starts the spec's sweep into {@code out}; returns at once. */
    Experiment start(Path spec, String specName, Path out, String outName, RunOptions options) {
        Experiment experiment = new Experiment(ids.incrementAndGet(), specName, outName, out);
        synchronized (experiments) {
            experiments.add(experiment);
        }
        publish(experiment);
        threads.execute(() -> run(experiment, spec, out, options));
        return experiment;
    }

    private void run(Experiment experiment, Path spec, Path out, RunOptions options) {
        try {
            ExperimentSummary summary = service.run(spec, out, new Relay(experiment), options);
            boolean interrupted = summary.runs().stream().anyMatch(run -> run.status() == SolveStatus.INTERRUPTED);
            experiment.state = interrupted ? "INTERRUPTED" : "FINISHED";
            experiment.message = summary.runs().size() + " runs, " + summary.failures() + " failed";
        } catch (SpecException e) {
            experiment.state = "FAILED";
            experiment.message = e.getMessage();
        } catch (Exception e) {
            experiment.state = "FAILED";
            experiment.message = Log.oneLine(e);
            log.error("experiment " + experiment.id + " (" + experiment.spec + ") failed", e);
        }
        publish(experiment);
    }

    /** Asks every running experiment to stop; their runs in progress end INTERRUPTED. */
    void stop() {
        service.stop();
    }

    /** Asks experiment {@code id} alone to stop. */
    void stop(int id) throws WebError {
        Experiment experiment = get(id);
        if (!service.stop(experiment.folder)) throw new WebError(404, "experiment " + id + " is not running");
    }

    /** Asks run {@code index} of experiment {@code id} to stop; it ends INTERRUPTED, the others go on. */
    void stopRun(int id, int index) throws WebError {
        Experiment experiment = get(id);
        if (!service.stopRun(experiment.folder, index)) {
            throw new WebError(404, "run " + index + " of experiment " + id + " is not running or waiting to run");
        }
    }

    List<Experiment> list() {
        synchronized (experiments) {
            return List.copyOf(experiments);
        }
    }

    Experiment get(int id) throws WebError {
        synchronized (experiments) {
            for (Experiment experiment : experiments) {
                if (experiment.id == id) return experiment;
            }
        }
        throw new WebError(404, "no experiment " + id);
    }

    private void publish(Experiment experiment) {
        events.publish("experiment", Json.experimentState(experiment));
    }

    /** Copies the service's calls (never overlapping, see RunListener) into the state and the events. */
    private final class Relay implements RunListener {
        private final Experiment experiment;

        Relay(Experiment experiment) {
            this.experiment = experiment;
        }

        @Override
        public void experimentStarted(String name, int runs) {
            experiment.name = name;
            experiment.total = runs;
            experiment.state = "RUNNING";
            publish(experiment);
        }

        @Override
        public void runStarted(int index, String label) {
            RunState run = new RunState(index, label);
            synchronized (experiment.runs) {
                experiment.runs.put(index, run);
            }
            events.publish("run", view(run));
        }

        @Override
        public void runProgress(int index, long iteration, double objective, double seconds, long regionChanges) {
            RunState run = state(index);
            if (run == null) return;
            synchronized (experiment.runs) {
                run.iteration = iteration;
                run.objective = objective;
                run.seconds = seconds;
                run.regionChanges = regionChanges;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("experiment", experiment.id);
            data.put("index", index);
            data.put("iteration", iteration);
            data.put("objective", Json.finite(objective));
            data.put("seconds", seconds);
            data.put("regionChanges", regionChanges);
            events.publish("progress", data);
        }

        @Override
        public void runFinished(int index, String label, SolveStatus status, double objective, double seconds,
                                String message) {
            RunState run = state(index);
            if (run == null) {
                run = new RunState(index, label);
                synchronized (experiment.runs) {
                    experiment.runs.put(index, run);
                }
            }
            synchronized (experiment.runs) {
                run.status = status.name();
                run.objective = objective;
                run.seconds = seconds;
                run.message = message;
            }
            events.publish("run", view(run));
        }

        private RunState state(int index) {
            synchronized (experiment.runs) {
                return experiment.runs.get(index);
            }
        }

        private Map<String, Object> view(RunState run) {
            Map<String, Object> data = Json.run(run);
            data.put("experiment", experiment.id);
            return data;
        }
    }

    /** The server stops: running experiments are stopped and given a moment to write their records. */
    void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(0, TimeUnit.MILLISECONDS)) {
                service.stop();
                threads.awaitTermination(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
