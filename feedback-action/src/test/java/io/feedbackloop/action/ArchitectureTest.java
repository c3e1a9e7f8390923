package io.feedbackloop.action;

import io.feedbackloop.kit.architecture.InwardLayers;
import io.feedbackloop.kit.architecture.LayeredArchitecture;

/** Imports point inward and packages form no circle (see InwardLayers): inside each feature (cases, rules, sla…) as in the service as a whole. */
class ArchitectureTest extends LayeredArchitecture {

    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.action");

    @Override
    protected InwardLayers layers() {
        return LAYERS;
    }
}
