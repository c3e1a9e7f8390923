package io.feedbackloop.notifier;

import io.feedbackloop.kit.architecture.InwardLayers;
import io.feedbackloop.kit.architecture.LayeredArchitecture;

/** Imports point inward and packages form no circle (see InwardLayers); the email, SMS and webhook senders (client) are adapters too: the domain reaches them through its own ChannelSender. */
class ArchitectureTest extends LayeredArchitecture {

    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.notifier").withAdapters("client");

    @Override
    protected InwardLayers layers() {
        return LAYERS;
    }
}
