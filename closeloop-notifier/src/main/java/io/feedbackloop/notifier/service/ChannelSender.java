package io.feedbackloop.notifier.service;

import io.feedbackloop.notifier.model.OutgoingMessage;

/** Hands a message to the provider of one channel. */
public interface ChannelSender {

    String channel();

    /**
     * @return the provider's id for the message, if it gave one
     * @throws ProviderException when the provider did not take it
     */
    String send(OutgoingMessage message);
}
