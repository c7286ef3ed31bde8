package org.edgesim.sched;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the scheduler providers of plug-ins through {@link ServiceLoader}, turning each way a
 * plug-in can be broken into a {@link PluginException} that names its jar and class: a services
 * file naming a class that cannot be loaded, a provider that cannot be made, a provider whose
 * name or protocol cannot be read, or a protocol edgesim does not know.
 */
final class PluginLoader {
    static final String SERVICES = "META-INF/services/" + SchedulerProvider.class.getName();

    private PluginLoader() {
    }

    /** Calls {@code register} with every provider {@code loader} finds and its origin. */
    static void load(ClassLoader loader, Collection<String> protocols,
                     java.util.function.BiConsumer<SchedulerProvider, String> register) {
        Iterator<ServiceLoader.Provider<SchedulerProvider>> found = ServiceLoader.load(SchedulerProvider.class, loader)
                .stream().iterator();
        while (true) {
            ServiceLoader.Provider<SchedulerProvider> next;
            try {
                if (!found.hasNext()) {
                    return;
                }
                next = found.next();
            } catch (ServiceConfigurationError e) {
                throw unloadable(loader, e);
            }
            String origin = origin(next.type());
            SchedulerProvider provider;
            try {
                provider = next.get();
            } catch (ServiceConfigurationError e) {
                throw new PluginException("plug-in " + origin + ": cannot load scheduler provider " + next.type().getName()
                        + ": " + reason(e.getCause() == null ? e : e.getCause()), false);
            }
            register.accept(checked(provider, origin, protocols), origin);
        }
    }

    /** {@code provider}, once its name and protocol are known to be readable and its protocol known. */
    private static SchedulerProvider checked(SchedulerProvider provider, String origin, Collection<String> protocols) {
        String what = "plug-in " + origin + ": scheduler provider " + provider.getClass().getName();
        String name;
        String protocol;
        try {
            name = provider.name();
            protocol = provider.protocol();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(what + " cannot say its name or protocol: " + reason(e), false);
        }
        if (name == null || name.isBlank() || protocol == null) {
            throw new PluginException(what + " has no name or no protocol (name " + name + ", protocol " + protocol + ")",
                    true);
        }
        if (!protocols.contains(protocol)) {
            throw new PluginException("plug-in " + origin + ": scheduler '" + name + "' (" + provider.getClass().getName()
                    + ") declares protocol '" + protocol + "'; known: " + protocols.stream().sorted().toList(), true);
        }
        return provider;
    }

    /** A services file names a class that cannot be loaded: which file, if its class is named in the error. */
    private static PluginException unloadable(ClassLoader loader, ServiceConfigurationError e) {
        String message = reason(e);
        try {
            for (Enumeration<URL> files = loader.getResources(SERVICES); files.hasMoreElements(); ) {
                URL file = files.nextElement();
                for (String c : classesNamedIn(file)) {
                    if (message.contains(c)) {
                        return new PluginException("plug-in " + location(file) + ": its services file (" + SERVICES
                                + ") names class " + c + ", which cannot be loaded (" + message + ")", false);
                    }
                }
            }
        } catch (IOException ignored) {
            // Then the error's own words must do.
        }
        return new PluginException("a scheduler plug-in cannot be loaded: " + message, false);
    }

    private static List<String> classesNamedIn(URL file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            return r.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** The jar or folder holding {@code servicesFile}. */
    private static String location(URL servicesFile) {
        try {
            if ("jar".equals(servicesFile.getProtocol())) {
                URL jar = ((JarURLConnection) servicesFile.openConnection()).getJarFileURL();
                return Path.of(jar.toURI()).toString();
            }
            Path p = Path.of(servicesFile.toURI());
            return p.getParent().getParent().getParent().toString();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return servicesFile.toString();
        }
    }

    /** Where a class was loaded from: its jar or folder. */
    static String origin(Class<?> type) {
        java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "the class path";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    /** A failure's own words, without the service's name that ServiceLoader puts first. */
    static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "it failed without saying why";
        }
        return m.replace(SchedulerProvider.class.getName() + ": ", "").replaceAll("\\s*\\R\\s*", " ");
    }
}
