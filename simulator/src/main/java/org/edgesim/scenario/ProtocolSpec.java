package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a round does; chosen by {@code type}. Each protocol's record names its type with
 * {@code @JsonTypeName} and is found through its {@link ProtocolSection}: the format lists no protocol.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface ProtocolSpec {
    /** The protocol's registry name. */
    String type();

    /** The number of devices the protocol's topology needs, or 0 if it takes any number. */
    int requiredDevices();

    /**
     * Checks the rules between this protocol and the rest of the scenario (its devices and its
     * {@code learning} section, null when nothing is trained); a rule broken is an
     * {@link InvalidField} naming the field from the scenario's root (e.g. {@code devices.cpu}).
     */
    void check(DevicesSpec devices, LearningSpec learning);

    /**
     * Checks the protocol's rules for several cells ({@code cells}, on {@code radio}); a rule broken,
     * or a protocol that runs in one cell only, is an {@link InvalidField} naming the field from the
     * scenario's root. By default every rule holds.
     */
    default void checkCells(CellsSpec cells, RadioSpec radio) {
    }

    /**
     * Checks the rules between this protocol and the {@code radio} section; a rule broken is an
     * {@link InvalidField} naming the field from the scenario's root. By default every rule holds.
     */
    default void checkRadio(RadioSpec radio) {
    }

    /** Over-selection ({@code protocol.quorum}): how many updates the server waits for; null when it has none. */
    default Integer quorum() {
        return null;
    }
}
