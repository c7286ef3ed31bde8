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
            throw new ProtocolSectionException(spec.getName() + " reads a protocol section but names no @JsonTypeName");
        }
        return name.value();
    }

    /** Every protocol section on the class path, by type. */
    static List<ProtocolSection> all() {
        Found found = Found.ALL;
        if (found.error() != null) {
            throw new ProtocolSectionException(found.error());
        }
        return found.sections();
    }

    /**
     * The sections found once per class loader of this interface (a class path does not change while
     * it runs), or why they cannot be used: kept, not thrown, so that every use says why.
     */
    record Found(List<ProtocolSection> sections, String error) {
        private static final Found ALL = load();

        private static Found load() {
            List<ProtocolSection> found = new ArrayList<>();
            try {
                for (ProtocolSection s : ServiceLoader.load(ProtocolSection.class, ProtocolSection.class.getClassLoader())) {
                    found.add(s);
                }
                if (found.isEmpty()) {
                    return new Found(List.of(), "no protocol on the class path: no META-INF/services/"
                            + ProtocolSection.class.getName() + " names one (a repackaged jar must merge service files)");
                }
                found.sort(Comparator.comparing(ProtocolSection::type));
            } catch (java.util.ServiceConfigurationError | ProtocolSectionException e) {
                return new Found(List.of(), "a protocol cannot be loaded: " + e.getMessage());
            }
            for (int i = 1; i < found.size(); i++) {
                if (found.get(i).type().equals(found.get(i - 1).type())) {
                    return new Found(List.of(), "two protocol sections of type '" + found.get(i).type() + "': "
                            + found.get(i - 1).spec().getName() + " and " + found.get(i).spec().getName());
                }
            }
            return new Found(List.copyOf(found), null);
        }
    }
}
