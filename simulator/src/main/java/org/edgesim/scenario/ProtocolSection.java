package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A protocol's section of scenario files ({@code protocol:}): the record that reads it, whose
 * {@code @JsonTypeName} is the section's {@code type}. Each protocol provides one, named by a line of
 * a {@code META-INF/services/org.edgesim.scenario.ProtocolSection} file on the class path (the
 * protocol's module, which also gives the catalog its rounds and schedulers), so that the file format
 * lists no protocol: the loader, the schema and the catalog find them here.
 */
public interface ProtocolSection {
    /** The record the section is read into. */
    Class<? extends ProtocolSpec> spec();

    /** The section's {@code type}: its record's {@code @JsonTypeName}. */
    default String type() {
        return typeOf(spec());
    }

    /** The {@code type} of protocol record {@code spec}. */
    static String typeOf(Class<?> spec) {
        JsonTypeName name = spec.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isEmpty()) {
            throw new IllegalStateException(spec.getName() + " reads a protocol section but names no @JsonTypeName");
        }
        return name.value();
    }

    /** Every protocol section on the class path, by type. */
    static List<ProtocolSection> all() {
        return Found.ALL;
    }

    /** The sections found once per class loader of this interface (a class path does not change while it runs). */
    final class Found {
        private static final List<ProtocolSection> ALL = load();

        private Found() {
        }

        private static List<ProtocolSection> load() {
            List<ProtocolSection> found = new ArrayList<>();
            for (ProtocolSection s : ServiceLoader.load(ProtocolSection.class, ProtocolSection.class.getClassLoader())) {
                found.add(s);
            }
            found.sort(Comparator.comparing(ProtocolSection::type));
            for (int i = 1; i < found.size(); i++) {
                if (found.get(i).type().equals(found.get(i - 1).type())) {
                    throw new IllegalStateException("two protocol sections of type '" + found.get(i).type() + "': "
                            + found.get(i - 1).spec().getName() + " and " + found.get(i).spec().getName());
                }
            }
            return List.copyOf(found);
        }
    }
}
