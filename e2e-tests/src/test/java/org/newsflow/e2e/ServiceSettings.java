package org.newsflow.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** What a service's application.properties says, for the tests that check deployment files against it. */
final class ServiceSettings {

    static final Path ROOT = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();

    private ServiceSettings() {
    }

    static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /**
     * The environment variables a deployment must set: settings that have a value for dev mode (and tests) but
     * none for production, such as signing and sealing keys.
     */
    static List<String> requiredInProduction(String service) throws IOException {
        Properties properties = applicationProperties(service);
        return properties.stringPropertyNames().stream().filter(name -> name.startsWith("%dev."))
                .map(name -> name.substring("%dev.".length())).filter(name -> !properties.containsKey(name))
                .map(name -> name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)).sorted().toList();
    }
}
