package com.clinicsuite.notification.client;

/** One rendered reminder to hand to a provider. Personal data: {@link #toString()} shows ids only. */
public record OutgoingMessage(
        long deliveryId,
        String reminderId,
        long pharmacyId,
        String channel,
        String recipient,
        String subject,
        String html,
        String text) {

    @Override
    public String toString() {
        return "OutgoingMessage[reminder " + reminderId + ", " + channel + "]";
    }
}
