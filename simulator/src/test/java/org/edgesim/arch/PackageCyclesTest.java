package org.edgesim.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies, from the compiled classes (ArchUnit): no cycle between packages,
 * a protocol's folder ({@code protocol/<name>/} with its sub-packages) counting as one; and no
 * protocol depends on another, so each can be read, changed or removed alone.
 */
class PackageCyclesTest {
    private static final String ROOT = "org.edgesim";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** Each package its own slice, but a protocol's folder one. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = p.substring(ROOT.length() + 1).split("\\.");
            if (parts[0].equals("protocol") && parts.length > 1) {
                return SliceIdentifier.of("protocol." + parts[1]);
            }
            return SliceIdentifier.of(p.substring(ROOT.length() + 1));
        }

        @Override
        public String getDescription() {
            return "packages, a protocol's folder as one";
        }
    };

    @Test
    void thePackagesHaveNoCycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noProtocolDependsOnAnother() {
        slices().matching(ROOT + ".protocol.(*)..").should().notDependOnEachOther().check(MAIN);
    }
}
