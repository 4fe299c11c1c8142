package org.newsflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Pins a service's {@code application.properties} above the environment in its tests.
 * <p>
 * Quarkus ranks environment variables (300) above {@code application.properties} (250), {@code %test.} entries
 * included: a caller who exported {@code NEWSFLOW_ADMIN_TOKEN} for a compose run made 60 ingest tests fail with
 * 401. This source repeats the file's entries at {@value #ORDINAL}, above the environment and below system
 * properties and the test resources' overrides, so a test sees what the file says whatever the shell exported.
 * Registered through {@code META-INF/services}; the module is a test-scope dependency only.
 */
public class PinnedTestConfig implements ConfigSource {

    static final int ORDINAL = 350;

    private final Map<String, String> properties = read();

    private static Map<String, String> read() {
        Properties file = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream("application.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        Map<String, String> pinned = new TreeMap<>();
        file.stringPropertyNames().forEach(name -> pinned.put(name, file.getProperty(name)));
        return pinned;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "newsflow-pinned-test-config";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
