package org.newsflow.launcher;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./newsflow chaos}: faults on the running local pipeline. A kill is {@code kill -9} (no shutdown hook, no
 * clean close: what a crash or an OOM-killer does); a start brings the process back on its own port, data and log.
 */
final class Chaos {

    static final String USAGE = """
            Usage: ./newsflow chaos <fault>

            Faults on the running pipeline (./newsflow up -d --db postgres --brokers 3 --replicas 2):
              kill-broker <n>              kill -9 Kafka broker n (from 1; it is also controller n)
              start-broker <n>             start broker n again and wait until it listens
              kill <service> <instance>    kill -9 an instance (service: ingest, enrich or publish; instance from 1)
              start <service> <instance>   start the instance again and wait until it is ready
              leaders                      which broker leads each partition, and the active controller
              run [--articles N]           the scripted drill: pushes N articles (default 300, a sixth of them
                                           updated) through every ingest instance while it kills the leader of
                                           a partition of articles.submitted, the active controller and one
                                           instance of each service, and starts them again; then checks that
                                           every accepted version was published once, that a feed reader and a
                                           webhook receiver (verifying with the Standard Webhooks library) saw
                                           each exactly once, and prints the table
              help                         this text
            """;

    private final Settings settings;
    private final Pipeline pipeline;

    Chaos(Settings settings) {
        this.settings = settings;
        this.pipeline = new Pipeline(settings);
    }

    void run(List<String> arguments) {
        String fault = arguments.isEmpty() ? "help" : arguments.get(0);
        switch (fault) {
            case "kill-broker" -> killBroker(number(arguments, 1, settings.brokers(), "broker"));
            case "start-broker" -> startBroker(number(arguments, 1, settings.brokers(), "broker"));
            case "kill" -> kill(instance(arguments));
            case "start" -> start(instance(arguments));
            case "leaders" -> new ClusterView(settings).print();
            case "run" -> new ChaosDrill(settings, this).run(arguments.subList(1, arguments.size()));
            case "help", "-h", "--help" -> System.out.print(USAGE);
            default -> throw Console.fail("unknown fault '" + fault + "'; try ./newsflow chaos --help");
        }
    }

    void killBroker(int n) {
        kill9(Broker.name(n));
        Console.done("killed Kafka broker " + n + " (kill -9, port " + settings.kafkaPort(n) + ")");
    }

    void startBroker(int n) {
        if (Processes.running(settings, Broker.name(n)).isPresent()) {
            throw Console.fail("broker " + n + " is running already");
        }
        Broker broker = new Broker(settings);
        broker.startProcess(n);
        broker.waitUntilServing(n);
        Console.done("started Kafka broker " + n + " on 127.0.0.1:" + settings.kafkaPort(n));
    }

    void kill(Service.Instance instance) {
        kill9(instance.name());
        Console.done("killed " + instance.name() + " (kill -9, " + instance.url(settings) + ")");
    }

    void start(Service.Instance instance) {
        if (Processes.running(settings, instance.name()).isPresent()) {
            throw Console.fail(instance.name() + " is running already");
        }
        long started = System.nanoTime();
        ProcessHandle process = pipeline.startProcess(instance);
        pipeline.waitUntilReady(instance, process);
        Console.done(String.format("started %s, ready on %s (%.1f s)", instance.name(), instance.url(settings),
                (System.nanoTime() - started) / 1e9));
    }

    private void kill9(String name) {
        Optional<ProcessHandle> process = Processes.running(settings, name);
        if (process.isEmpty()) {
            throw Console.fail(name + " is not running (./newsflow status)");
        }
        process.get().descendants().forEach(ProcessHandle::destroyForcibly);
        process.get().destroyForcibly(); // SIGKILL
        try {
            process.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw Console.fail(name + " did not die within 10 s of kill -9");
        }
    }

    private Service.Instance instance(List<String> arguments) {
        if (arguments.size() < 2) {
            throw Console.fail(arguments.get(0) + " needs a service and an instance: ./newsflow chaos " + arguments.get(0)
                    + " publish 2");
        }
        Service service = Service.named(arguments.get(1));
        int number = arguments.size() < 3 ? 1 : number(arguments, 2, settings.replicas(), "instance");
        return service.instance(number);
    }

    private static int number(List<String> arguments, int at, int most, String what) {
        if (arguments.size() <= at) {
            throw Console.fail(arguments.get(0) + " needs the number of the " + what + " (1 to " + most + ")");
        }
        try {
            int n = Integer.parseInt(arguments.get(at));
            if (n >= 1 && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Console.fail("this run has " + what + "s 1 to " + most + ", not '" + arguments.get(at) + "'");
    }
}
