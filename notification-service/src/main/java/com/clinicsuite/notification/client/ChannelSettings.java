package com.clinicsuite.notification.client;

/**
 * A pharmacy's channels with secrets decrypted, for the senders only: never answered, never logged
 * ({@link #toString()} leaves the secrets out).
 */
public record ChannelSettings(
        long pharmacyId,
        String emailProvider,
        String fromEmail,
        String fromName,
        String replyTo,
        String sendgridApiKey,
        String smsProvider,
        String smsportalClientId,
        String smsportalApiSecret,
        String smsSenderId,
        String displayName,
        String contactPhone,
        String bankDetails,
        ReminderLanguage defaultLanguage) {

    public static final String SMTP = "smtp";
    public static final String SENDGRID = "sendgrid";
    public static final String SMSPORTAL = "smsportal";

    public static ChannelSettings none(long pharmacyId) {
        return new ChannelSettings(
                pharmacyId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ReminderLanguage.EN);
    }

    /** The name reminders and statements print for the pharmacy: {@code display_name}, else {@code from_name}. */
    public String letterheadName() {
        return displayName != null ? displayName : fromName;
    }

    public boolean emailConfigured() {
        return present(fromEmail)
                && (SMTP.equals(emailProvider) || SENDGRID.equals(emailProvider) && present(sendgridApiKey));
    }

    public boolean smsConfigured() {
        return SMSPORTAL.equals(smsProvider) && present(smsportalClientId) && present(smsportalApiSecret);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "ChannelSettings[pharmacy " + pharmacyId + ", email " + emailProvider + ", sms " + smsProvider + "]";
    }
}
