package com.clinicsuite.notification.client;

import com.clinicsuite.vocabulary.ReminderChannel;

/**
 * One rendered reminder to hand to a provider; {@code statement} is the stored statement of account to attach
 * (e-mail), null without one. Personal data: {@link #toString()} shows ids only.
 */
public record OutgoingMessage(
        long deliveryId,
        String reminderId,
        long pharmacyId,
        ReminderChannel channel,
        String recipient,
        String subject,
        String html,
        String text,
        String statement) {

    @Override
    public String toString() {
        return "OutgoingMessage[reminder " + reminderId + ", " + channel.code() + "]";
    }
}
