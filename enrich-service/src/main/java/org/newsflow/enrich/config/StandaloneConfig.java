package org.newsflow.enrich.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import io.smallrye.config.WithDefault;

/**
 * The enrichment configuration outside Quarkus (the command line, plain unit tests): the same
 * application.properties and {@code @WithDefault} values as the service, overridden by system properties and
 * environment variables ({@code newsflow.enrich.summary.max-chars} / {@code NEWSFLOW_ENRICH_SUMMARY_MAX_CHARS}).
 * Quarkus generates the mapping at build time; outside it, a proxy reads the same names.
 */
public final class StandaloneConfig {

    public static EnrichConfig load() {
        Properties properties = new Properties();
        try (InputStream in = StandaloneConfig.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        return mapping(EnrichConfig.class, "newsflow.enrich", properties);
    }

    private static <T> T mapping(Class<T> type, String prefix, Properties properties) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() + "(" + prefix + ")" : null;
            }
            String name = prefix + "." + kebab(method.getName());
            if (method.getReturnType().isInterface()) {
                return mapping(method.getReturnType(), name, properties);
            }
            return convert(method, value(name, properties, method));
        });
        return type.cast(proxy);
    }

    private static String value(String name, Properties properties, Method method) {
        String env = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        String value = System.getProperty(name, env != null ? env : properties.getProperty(name));
        if (value == null && method.isAnnotationPresent(WithDefault.class)) {
            value = method.getAnnotation(WithDefault.class).value();
        }
        if (value == null) {
            throw new IllegalStateException("no value for " + name);
        }
        return value.strip();
    }

    private static Object convert(Method method, String value) {
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class) {
            return Long.parseLong(value);
        }
        if (type == double.class) {
            return Double.parseDouble(value);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (type == URI.class) {
            return URI.create(value);
        }
        if (type == Duration.class) {
            return value.startsWith("P") ? Duration.parse(value) : Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
        }
        return value;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private StandaloneConfig() {
    }
}
