package com.clinicsuite.notification.client;

import com.clinicsuite.vocabulary.ReminderChannel;

/** One rendered reminder to hand to a provider. Personal data: {@link #toString()} shows ids only. */
public record OutgoingMessage(
        long deliveryId,
        String reminderId,
        long pharmacyId,
        ReminderChannel channel,
        String recipient,
        String subject,
        String html,
        String text) {

    @Override
    public String toString() {
        return "OutgoingMessage[reminder " + reminderId + ", " + channel.code() + "]";
    }
}
