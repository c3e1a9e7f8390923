package io.feedbackloop.ingest;

import io.feedbackloop.kit.architecture.InwardLayers;
import io.feedbackloop.kit.architecture.LayeredArchitecture;

/** Imports point inward and packages form no circle: the rules every service keeps (see InwardLayers). */
class ArchitectureTest extends LayeredArchitecture {

    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.ingest");

    @Override
    protected InwardLayers layers() {
        return LAYERS;
    }
}
